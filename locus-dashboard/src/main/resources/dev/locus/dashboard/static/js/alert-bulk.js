// Acknowledging many alerts at once: a checkbox per open alert, and one reason for all of them,
// sent in one request (one transaction on the server, one audit entry per alert).

import { postJson } from './api.js';
import { h } from './dom.js';
import { refreshAlertWatch } from './alert-watch.js';

/** A checkbox for an OPEN alert, kept in the selected set. */
export function selectBox(a, selected, onToggle) {
  if (a.status !== 'OPEN') return '';
  return h('input', {
    type: 'checkbox', class: 'select-alert', 'aria-label': `Select alert ${a.id}`, dataset: { alert: String(a.id) },
    checked: selected.has(a.id),
    onchange: (e) => { if (e.target.checked) selected.add(a.id); else selected.delete(a.id); onToggle(); },
  });
}

/** The bar above the table: select all open alerts shown, and acknowledge the selection. */
export function bulkBar(items, selected, after) {
  const open = items.filter((a) => a.status === 'OPEN');
  const button = h('button', { type: 'button', id: 'bulk-acknowledge', disabled: selected.size === 0 },
    `Acknowledge selected (${selected.size})…`);
  const all = h('input', { type: 'checkbox', id: 'select-all', checked: open.length > 0 && open.every((a) => selected.has(a.id)) });
  const bar = h('div', { class: 'bulk-bar' },
    h('label', {}, all, ` Select all ${open.length} open alerts shown`), button);
  const refresh = () => {
    button.disabled = selected.size === 0;
    button.textContent = `Acknowledge selected (${selected.size})…`;
  };
  all.addEventListener('change', () => {
    open.forEach((a) => (all.checked ? selected.add(a.id) : selected.delete(a.id)));
    document.querySelectorAll('input.select-alert').forEach((box) => { box.checked = all.checked; });
    refresh();
  });
  button.addEventListener('click', () => openBulkDialog([...selected], async () => { selected.clear(); await after(); }));
  return { bar, refresh };
}

function openBulkDialog(ids, after) {
  const reason = h('textarea', { id: 'bulk-reason', name: 'note', rows: '4', required: true, maxlength: '2000' });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const dialog = h('dialog', { class: 'transition', 'aria-labelledby': 'bulk-title' },
    h('form', { method: 'dialog' },
      h('h2', { id: 'bulk-title' }, `Acknowledge ${ids.length} alerts`),
      h('label', { for: 'bulk-reason' }, 'Reason, the same for each (recorded in the audit log)'),
      reason, error,
      h('div', { class: 'dialog-buttons' },
        h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, 'Cancel'),
        h('button', { type: 'submit', class: 'confirm', id: 'bulk-confirm' }, 'Acknowledge all'))));
  dialog.querySelector('form').addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!reason.value.trim()) {
      error.hidden = false;
      error.textContent = 'A reason is required.';
      return;
    }
    try {
      const out = await postJson('/api/v1/alerts/acknowledge', { ids, note: reason.value.trim() });
      dialog.close();
      const skipped = out.skipped.length ? `; ${out.skipped.length} skipped (no longer open)` : '';
      document.getElementById('live').textContent = `${out.acknowledged.length} alerts acknowledged${skipped}.`;
      refreshAlertWatch();
      await after();
    } catch (err) {
      error.hidden = false;
      error.textContent = `Acknowledging failed: ${err.message}`;
    }
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  reason.focus();
}
