// Assigning an alert to a person (or clearing it); the control plane records who assigned whom.

import { postJson } from './api.js';
import { h } from './dom.js';
import { openFormDialog } from './form-dialog.js';

export function assignCell(a, after, allowed) {
  const who = a.assignee ? h('span', { class: 'assignee' }, a.assignee) : h('span', { class: 'note' }, 'nobody');
  if (!allowed || a.status === 'RESOLVED') return who;
  return h('div', { class: 'assign' }, who, ' ',
    h('button', { type: 'button', class: 'assign-button secondary', dataset: { alert: String(a.id) }, onclick: () => openAssignDialog(a, after) }, 'Assign…'));
}

function openAssignDialog(a, after) {
  openFormDialog({
    titleId: 'assign-title',
    title: `Assign alert ${a.id}`,
    label: 'Person (empty: nobody; recorded in the audit log)',
    field: h('input', { type: 'text', id: 'assignee-name', value: a.assignee || '', maxlength: '100' }),
    confirm: 'Assign',
    confirmAttrs: { id: 'assign-confirm' },
    failure: 'Assigning failed',
    submit: async (assignee, dialog) => {
      await postJson(`/api/v1/alerts/${a.id}/assign`, { assignee });
      dialog.close();
      document.getElementById('live').textContent = `Alert ${a.id} assigned to ${assignee || 'nobody'}.`;
      await after();
    },
  });
}
