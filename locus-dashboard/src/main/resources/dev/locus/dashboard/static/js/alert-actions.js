// Acknowledging and resolving an alert: a modal dialog asks for the reason, which the control
// plane records in the alert and its audit log.

import { postJson } from './api.js';
import { h } from './dom.js';
import { refreshAlertWatch } from './alert-watch.js';

/**
 * Redraws the current view (as a navigation to it would) and settles when the new view is ready,
 * so that focus can move into it; gives up waiting after 10 s.
 */
export function redrawView() {
  const old = document.querySelector('#view > .view');
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  const until = performance.now() + 10000;
  return new Promise((resolve) => {
    const check = () => {
      const now = document.querySelector('#view > .view');
      if ((now && now !== old && now.dataset.ready === 'true') || performance.now() > until) {
        resolve();
      } else {
        requestAnimationFrame(check);
      }
    };
    check();
  });
}

function returnFocus(opener, alertId) {
  if (opener && opener.isConnected && !opener.disabled) {
    opener.focus();
    return;
  }
  const next = document.querySelector(`button.resolve[data-alert="${alertId}"], button.ack[data-alert="${alertId}"]`)
    || document.querySelector(`tr[data-alert="${alertId}"]`) || document.getElementById('main');
  if (next.tabIndex < 0 && !next.hasAttribute('tabindex')) {
    next.setAttribute('tabindex', '-1');
  }
  next.focus();
}

export function openTransitionDialog(alert, step, after) {
  const verb = step === 'acknowledge' ? 'Acknowledge' : 'Resolve';
  /** Settles once the view behind the dialog is redrawn (at once when nothing changed). */
  let redrawn = Promise.resolve();
  const reason = h('textarea', { id: 'transition-reason', name: 'note', rows: '4', required: true, maxlength: '2000' });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const dialog = h('dialog', { class: 'transition', 'aria-labelledby': 'transition-title' },
    h('form', { method: 'dialog' },
      h('h2', { id: 'transition-title' }, `${verb} alert ${alert.id}`),
      h('p', {}, alert.text || alert.summary),
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
      redrawn = after();
      dialog.close();
      document.getElementById('live').textContent = `Alert ${alert.id}: ${step === 'acknowledge' ? 'acknowledged' : 'resolved'}.`;
      refreshAlertWatch();
      await redrawn;
    } catch (err) {
      error.hidden = false;
      error.textContent = `${verb} failed: ${err.message}`;
    }
  });
  // focus goes back where it was, or, when the list was redrawn, to this alert's next action
  const opener = document.activeElement;
  dialog.addEventListener('close', () => {
    dialog.remove();
    redrawn.finally(() => returnFocus(opener, alert.id));
  });
  document.body.append(dialog);
  dialog.showModal();
  reason.focus();
}
