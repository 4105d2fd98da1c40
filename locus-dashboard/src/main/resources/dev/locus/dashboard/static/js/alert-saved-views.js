// Saved views of the alert queue, kept per person on the server (/api/v1/alert-views).

import { getJson, postJson } from './api.js';
import { h } from './dom.js';

/** A picker of the person's saved views and a "Save view" control; onPick(query) applies one. */
export async function savedViews(currentQuery, onPick) {
  const picker = h('select', { id: 'saved-view', 'aria-label': 'Saved views' });
  const name = h('input', { type: 'text', id: 'view-name', placeholder: 'name this view', maxlength: '100', size: '14', 'aria-label': 'View name' });
  const save = h('button', { type: 'button', id: 'save-view', class: 'secondary' }, 'Save view');
  const status = h('span', { class: 'note', role: 'status' });
  let views = [];
  const load = async () => {
    views = (await getJson('/api/v1/alert-views')).items;
    picker.replaceChildren(h('option', { value: '' }, views.length ? 'Saved views…' : 'No saved views'),
      ...views.map((v) => h('option', { value: String(v.id) }, v.name)));
  };
  picker.addEventListener('change', () => {
    const v = views.find((x) => String(x.id) === picker.value);
    if (v) onPick(v.query);
  });
  save.addEventListener('click', async () => {
    if (!name.value.trim()) {
      status.textContent = 'Name the view first.';
      return;
    }
    try {
      const v = await postJson('/api/v1/alert-views', { name: name.value.trim(), query: currentQuery() });
      status.textContent = `Saved "${v.name}".`;
      name.value = '';
      await load();
    } catch (err) {
      status.textContent = `Not saved: ${err.message}`;
    }
  });
  await load();
  return h('div', { class: 'saved-views' }, picker, name, save, status);
}
