// Assigning an alert to a person (or clearing it); the control plane records who assigned whom.

import { postJson } from './api.js';
import { h } from './dom.js';

export function assignCell(a, after, allowed) {
  const who = a.assignee ? h('span', { class: 'assignee' }, a.assignee) : h('span', { class: 'note' }, 'nobody');
  if (!allowed || a.status === 'RESOLVED') return who;
  return h('div', { class: 'assign' }, who, ' ',
    h('button', { type: 'button', class: 'assign-button secondary', dataset: { alert: String(a.id) }, onclick: () => openAssignDialog(a, after) }, 'Assign…'));
}

function openAssignDialog(a, after) {
  const name = h('input', { type: 'text', id: 'assignee-name', value: a.assignee || '', maxlength: '100' });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const dialog = h('dialog', { class: 'transition', 'aria-labelledby': 'assign-title' },
    h('form', { method: 'dialog' },
      h('h2', { id: 'assign-title' }, `Assign alert ${a.id}`),
      h('label', { for: 'assignee-name' }, 'Person (empty: nobody; recorded in the audit log)'),
      name, error,
      h('div', { class: 'dialog-buttons' },
        h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, 'Cancel'),
        h('button', { type: 'submit', class: 'confirm', id: 'assign-confirm' }, 'Assign'))));
  dialog.querySelector('form').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await postJson(`/api/v1/alerts/${a.id}/assign`, { assignee: name.value.trim() });
      dialog.close();
      document.getElementById('live').textContent = `Alert ${a.id} assigned to ${name.value.trim() || 'nobody'}.`;
      await after();
    } catch (err) {
      error.hidden = false;
      error.textContent = `Assigning failed: ${err.message}`;
    }
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  name.focus();
}
