// Acknowledging and resolving an alert: a modal dialog asks for the reason, which the control
// plane records in the alert and its audit log.

import { postJson } from './api.js';
import { openFormDialog, reasonField } from './form-dialog.js';
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
  // focus goes back where it was, or, when the list was redrawn, to this alert's next action
  const opener = document.activeElement;
  openFormDialog({
    titleId: 'transition-title',
    title: `${verb} alert ${alert.id}`,
    context: alert.text || alert.summary,
    label: 'Reason (recorded in the audit log)',
    field: reasonField('transition-reason', 'note'),
    required: true,
    confirm: verb,
    confirmAttrs: { value: 'confirm' },
    failure: `${verb} failed`,
    submit: async (note, dialog) => {
      await postJson(`/api/v1/alerts/${alert.id}/${step}`, { note });
      redrawn = after();
      dialog.close();
      document.getElementById('live').textContent = `Alert ${alert.id}: ${step === 'acknowledge' ? 'acknowledged' : 'resolved'}.`;
      refreshAlertWatch();
      await redrawn;
    },
    onClose: () => redrawn.finally(() => returnFocus(opener, alert.id)),
  });
}
