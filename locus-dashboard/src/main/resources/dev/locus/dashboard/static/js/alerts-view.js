// The alert queue: filters, sorting by severity or age, acknowledge and resolve with a reason,
// evidence at hand, and new alerts appearing without reloading.

import { dashboard, getJson } from './api.js';
import { age, count, h, table, when } from './dom.js';
import { may } from './session.js';
import { onAlertsChanged } from './alert-watch.js';
import { openTransitionDialog } from './alert-actions.js';

const RULES = ['OUTSIDE_ZONE', 'IN_RESTRICTED', 'UNVERIFIED', 'SILENT', 'MOVED', 'CLONED_IDENTITY', 'SUSPECT_LANDMARK'];
const STATUSES = [
  ['OPEN,ACKNOWLEDGED', 'Unresolved'],
  ['OPEN', 'Open'],
  ['ACKNOWLEDGED', 'Acknowledged'],
  ['RESOLVED', 'Resolved'],
  ['ALL', 'All'],
];

export function subjectLink(a) {
  if (a.subject_type === 'CHIP') {
    return h('a', { href: `#/chips/${encodeURIComponent(a.subject_id)}`, class: 'chip-link' }, `Chip ${a.subject_id}`);
  }
  return h('a', { href: '#/landmarks' }, `Landmark ${a.subject_id}`);
}

/** A rule name that may break after its underscores (OUTSIDE_<wbr>ZONE) in a narrow table. */
export function ruleName(rule) {
  return h('span', { class: 'rule' }, rule.split('_').flatMap((part, i) => (i === 0 ? [part] : ['_', h('wbr'), part])));
}

export function severityBadge(s) {
  return h('span', { class: 'severity', dataset: { severity: s } }, s);
}

export function evidence(a) {
  return h('details', { class: 'evidence' }, h('summary', {}, 'Evidence'),
    h('pre', {}, JSON.stringify(a.evidence, null, 2)));
}

export function actions(a, after) {
  if (!may('MANAGE_ALERTS') || a.status === 'RESOLVED') {
    return a.status === 'RESOLVED' ? `Resolved by ${a.resolved_by}: ${a.resolution_note}` : (a.acknowledge_note ? `Acknowledged by ${a.acknowledged_by}: ${a.acknowledge_note}` : '');
  }
  return h('div', { class: 'actions' },
    a.status === 'OPEN'
      ? h('button', { type: 'button', class: 'ack', dataset: { alert: String(a.id) }, onclick: () => openTransitionDialog(a, 'acknowledge', after) }, 'Acknowledge…')
      : h('span', { class: 'note' }, `Acknowledged by ${a.acknowledged_by}: ${a.acknowledge_note}`),
    h('button', { type: 'button', class: 'resolve', dataset: { alert: String(a.id) }, onclick: () => openTransitionDialog(a, 'resolve', after) }, 'Resolve…'));
}

export async function renderAlerts(el) {
  const state = { status: 'OPEN,ACKNOWLEDGED', severity: '', rule: '', sort: 'SEVERITY', seen: null };
  const form = h('form', { class: 'filters', id: 'alert-filters' },
    choice('status', 'Status', STATUSES, state.status),
    choice('severity', 'Severity', [['', 'any'], ['CRITICAL', 'Critical'], ['WARNING', 'Warning'], ['INFO', 'Info']], ''),
    choice('rule', 'Rule', [['', 'any'], ...RULES.map((r) => [r, r])], ''),
    choice('sort', 'Sort by', [['SEVERITY', 'Severity, then oldest'], ['AGE', 'Oldest first'], ['NEWEST', 'Newest first']], state.sort));
  const list = h('div', { id: 'alert-list' });
  el.append(h('div', {}, h('h1', {}, 'Alerts'),
    may('MANAGE_ALERTS') ? null : h('p', { class: 'readonly', id: 'readonly-note' }, 'Read-only: your role can see alerts but not acknowledge or resolve them.'),
    form, list));
  const load = async () => {
    const q = new URLSearchParams({ status: state.status, sort: state.sort, limit: '200' });
    if (state.severity) q.set('severity', state.severity);
    if (state.rule) q.set('rule', state.rule);
    const data = await getJson(dashboard(`/alerts?${q}`));
    const previous = state.seen;
    state.seen = data.max_id;
    const t = table([
      { label: 'Severity', cell: (a) => severityBadge(a.severity) },
      { label: 'Rule', cell: (a) => ruleName(a.rule) },
      { label: 'Subject', cell: (a) => subjectLink(a) },
      { label: 'What happened', cell: (a) => h('div', {}, a.text || a.summary, evidence(a)) },
      { label: 'Age', cell: (a) => h('span', { title: when(a.opened_at) }, age(a.opened_at)) },
      { label: 'Status', cell: (a) => a.status },
      { label: 'Action', cell: (a) => actions(a, load) },
    ], data.items, `${count(data.matching)} alerts match${data.matching > data.items.length ? `; the first ${data.items.length} are shown` : ''}`);
    t.id = 'alert-table';
    t.classList.add('alert-table');
    data.items.forEach((a, i) => {
      const row = t.tBodies[0].rows[i];
      row.dataset.alert = String(a.id);
      if (previous !== null && a.id > previous) row.classList.add('new');
    });
    list.replaceChildren(
      h('p', { class: 'counts-line' },
        `Open ${count(data.by_status.OPEN || 0)} · acknowledged ${count(data.by_status.ACKNOWLEDGED || 0)} · resolved ${count(data.by_status.RESOLVED || 0)}`),
      data.items.length ? t : h('p', {}, 'No alert matches these filters.'));
  };
  form.addEventListener('change', () => {
    const f = new FormData(form);
    state.status = f.get('status');
    state.severity = f.get('severity');
    state.rule = f.get('rule');
    state.sort = f.get('sort');
    load();
  });
  await load();
  return onAlertsChanged(() => load());
}

function choice(name, label, options, value) {
  return h('label', {}, `${label} `, h('select', { name },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
}
