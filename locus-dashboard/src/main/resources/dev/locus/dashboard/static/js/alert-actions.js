// Acknowledging and resolving an alert: a modal dialog asks for the reason, which the control
// plane records in the alert and its audit log.

import { postJson } from './api.js';
import { h } from './dom.js';
import { refreshAlertWatch } from './alert-watch.js';

export function openTransitionDialog(alert, step, after) {
  const verb = step === 'acknowledge' ? 'Acknowledge' : 'Resolve';
  const reason = h('textarea', { id: 'transition-reason', name: 'note', rows: '4', required: true, maxlength: '2000' });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const dialog = h('dialog', { class: 'transition', 'aria-labelledby': 'transition-title' },
    h('form', { method: 'dialog' },
      h('h2', { id: 'transition-title' }, `${verb} alert ${alert.id}`),
      h('p', {}, alert.summary),
      h('label', { for: 'transition-reason' }, 'Reason (recorded in the audit log)'),
      reason,
      error,
      h('div', { class: 'dialog-buttons' },
        h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, 'Cancel'),
        h('button', { type: 'submit', class: 'confirm', value: 'confirm' }, verb))));
  dialog.querySelector('form').addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!reason.value.trim()) {
      error.hidden = false;
      error.textContent = 'A reason is required.';
      return;
    }
    try {
      await postJson(`/api/v1/alerts/${alert.id}/${step}`, { note: reason.value.trim() });
      dialog.close();
      document.getElementById('live').textContent = `Alert ${alert.id}: ${step === 'acknowledge' ? 'acknowledged' : 'resolved'}.`;
      refreshAlertWatch();
      await after();
    } catch (err) {
      error.hidden = false;
      error.textContent = `${verb} failed: ${err.message}`;
    }
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  reason.focus();
}
