// Polls the alert queue so new alerts appear without reloading: updates the badge in the
// navigation, announces new alerts to screen readers, and tells open views to refresh.

import { dashboard, getJson } from './api.js';

export const POLL_MS = 5000;
let timer = null;
let lastMaxId = null;
const listeners = new Set();

export function onAlertsChanged(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function poll() {
  try {
    const q = await getJson(dashboard('/alerts?limit=1'));
    const unresolved = (q.by_status.OPEN || 0) + (q.by_status.ACKNOWLEDGED || 0);
    const critical = q.unresolved_by_severity.CRITICAL || 0;
    const badge = document.getElementById('alert-badge');
    badge.hidden = unresolved === 0;
    badge.textContent = String(unresolved);
    badge.dataset.critical = critical > 0 ? 'yes' : 'no';
    badge.title = `${unresolved} unresolved alerts, ${critical} critical`;
    if (lastMaxId !== null && q.max_id > lastMaxId) {
      document.getElementById('live').textContent = 'New alerts have arrived.';
      for (const l of listeners) {
        l(q);
      }
    }
    lastMaxId = q.max_id;
  } catch (e) {
    // a failed poll is retried at the next tick; a 401 signs the user out through api.js
  }
}

export function startAlertWatch() {
  stopAlertWatch();
  lastMaxId = null;
  poll();
  timer = setInterval(poll, POLL_MS);
}

export function stopAlertWatch() {
  if (timer) {
    clearInterval(timer);
    timer = null;
  }
}

/** Polls now (after this page changed an alert). */
export function refreshAlertWatch() {
  poll();
}
