// The alert queue: filters and search, saved views, counts by site or organisation, sorting by
// severity or age, assignment, acknowledge and resolve with a reason (one at a time or many at
// once), evidence at hand, and new alerts appearing without reloading.

import { dashboard, getJson } from './api.js';
import { age, count, h, table, when } from './dom.js';
import { may } from './session.js';
import { onAlertsChanged } from './alert-watch.js';
import { openTransitionDialog } from './alert-actions.js';
import { defaultFilters, filterForm, filterParams, filtersFromQuery, showFilters } from './alert-filters.js';
import { bulkBar, selectBox } from './alert-bulk.js';
import { savedViews } from './alert-saved-views.js';
import { groupLine } from './alert-groups.js';
import { assignCell } from './alert-assign.js';

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
  const state = defaultFilters();
  const view = { by: 'site', seen: null, selected: new Set() };
  const manage = may('MANAGE_ALERTS');
  const list = h('div', { id: 'alert-list' });
  const groups = h('div', {});
  let form;
  const load = async () => {
    const q = filterParams(state);
    const data = await getJson(dashboard(`/alerts?${q}&sort=${state.sort}&limit=200`));
    const previous = view.seen;
    view.seen = data.max_id;
    const shown = new Set(data.items.map((a) => a.id));
    [...view.selected].filter((id) => !shown.has(id)).forEach((id) => view.selected.delete(id));
    const bulk = manage ? bulkBar(data.items, view.selected, load) : null;
    const t = table([
      ...(manage ? [{ label: '', cell: (a) => selectBox(a, view.selected, bulk.refresh) }] : []),
      { label: 'Severity', cell: (a) => severityBadge(a.severity) },
      { label: 'Rule', cell: (a) => ruleName(a.rule) },
      { label: 'Subject', cell: (a) => subjectLink(a) },
      { label: 'What happened', cell: (a) => h('div', {}, a.text || a.summary, evidence(a)) },
      { label: 'Age', cell: (a) => h('span', { title: when(a.opened_at) }, age(a.opened_at)) },
      { label: 'Status', cell: (a) => a.status },
      { label: 'Assigned', cell: (a) => assignCell(a, load, manage) },
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
      bulk && data.items.some((a) => a.status === 'OPEN') ? bulk.bar : null,
      data.items.length ? t : h('p', {}, 'No alert matches these filters.'));
    groups.replaceChildren(await groupLine(q, view.by, (by) => { view.by = by; load(); }, (key, value) => {
      state[key] = value;
      showFilters(form, state);
      load();
    }));
  };
  form = filterForm(state, () => load());
  const views = await savedViews(() => filterParams(state).toString(), (query) => {
    Object.assign(state, filtersFromQuery(query), { sort: state.sort });
    showFilters(form, state);
    load();
  });
  el.append(h('div', {}, h('h1', {}, 'Alerts'),
    manage ? null : h('p', { class: 'readonly', id: 'readonly-note' }, 'Read-only: your role can see alerts but not acknowledge or resolve them.'),
    form, views, groups, list));
  await load();
  return onAlertsChanged(() => load());
}
