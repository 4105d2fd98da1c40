// Acknowledging many alerts at once: a checkbox per open alert, and one reason for all of them,
// sent in one request (one transaction on the server, one audit entry per alert).

import { postJson } from './api.js';
import { h } from './dom.js';
import { openFormDialog, reasonField } from './form-dialog.js';
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
  openFormDialog({
    titleId: 'bulk-title',
    title: `Acknowledge ${ids.length} alerts`,
    label: 'Reason, the same for each (recorded in the audit log)',
    field: reasonField('bulk-reason', 'note'),
    required: true,
    confirm: 'Acknowledge all',
    confirmAttrs: { id: 'bulk-confirm' },
    failure: 'Acknowledging failed',
    submit: async (note, dialog) => {
      const out = await postJson('/api/v1/alerts/acknowledge', { ids, note });
      dialog.close();
      const skipped = out.skipped.length ? `; ${out.skipped.length} skipped (no longer open)` : '';
      document.getElementById('live').textContent = `${out.acknowledged.length} alerts acknowledged${skipped}.`;
      refreshAlertWatch();
      await after();
    },
  });
}
