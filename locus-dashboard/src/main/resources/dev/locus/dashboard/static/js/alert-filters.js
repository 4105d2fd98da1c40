// The alert queue's filters: status, severity, rule, a text search, site, licence, organisation,
// assignee and the time range, turned into the query parameters the API reads (AlertFilter).

import { h } from './dom.js';

export const RULES = ['OUTSIDE_ZONE', 'IN_RESTRICTED', 'UNVERIFIED', 'SILENT', 'MOVED', 'CLONED_IDENTITY', 'SUSPECT_LANDMARK'];
const STATUSES = [
  ['OPEN,ACKNOWLEDGED', 'Unresolved'],
  ['OPEN', 'Open'],
  ['ACKNOWLEDGED', 'Acknowledged'],
  ['RESOLVED', 'Resolved'],
  ['ALL', 'All'],
];
const TEXT_FILTERS = [
  ['q', 'Search', 'serial, landmark or words'],
  ['site', 'Site', 'site id'],
  ['licence', 'Licence', 'licence id'],
  ['organisation', 'Organisation', 'organisation id'],
  ['assignee', 'Assigned to', 'name'],
];

export function defaultFilters() {
  return { status: 'OPEN,ACKNOWLEDGED', severity: '', rule: '', sort: 'SEVERITY', q: '', site: '', licence: '', organisation: '', assignee: '', from: '', to: '' };
}

/** The API's query parameters for these filters (dates as whole UTC days, "to" inclusive). */
export function filterParams(state) {
  const q = new URLSearchParams({ status: state.status });
  for (const key of ['severity', 'rule', 'q', 'site', 'licence', 'organisation', 'assignee']) {
    if (state[key]) q.set(key, state[key].trim());
  }
  if (state.from) q.set('opened_from', `${state.from}T00:00:00Z`);
  if (state.to) {
    const next = new Date(`${state.to}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    q.set('opened_to', next.toISOString().replace('.000Z', 'Z'));
  }
  return q;
}

/** Filters back from a saved view's query string. */
export function filtersFromQuery(query) {
  const p = new URLSearchParams(query);
  const state = defaultFilters();
  state.status = p.get('status') || 'ALL';
  for (const key of ['severity', 'rule', 'q', 'site', 'licence', 'organisation', 'assignee']) {
    state[key] = p.get(key) || '';
  }
  state.from = (p.get('opened_from') || '').slice(0, 10);
  const to = p.get('opened_to');
  if (to) {
    const last = new Date(to);
    last.setUTCDate(last.getUTCDate() - 1);
    state.to = last.toISOString().slice(0, 10);
  }
  return state;
}

/** The filter form; calls onChange(state) after any change (text fields on Enter or leaving them). */
export function filterForm(state, onChange) {
  // on a narrow screen the rarer filters fold away unless one is in use
  const inUse = TEXT_FILTERS.slice(1).some(([n]) => state[n]) || Boolean(state.from || state.to);
  const more = h('div', { class: 'more-filters', id: 'more-filters', hidden: !(window.innerWidth >= 1100 || inUse) },
    TEXT_FILTERS.slice(1).map(textFilter(state)),
    h('label', {}, 'Opened from ', h('input', { type: 'date', name: 'from', value: state.from })),
    h('label', {}, 'to ', h('input', { type: 'date', name: 'to', value: state.to })));
  const toggle = h('button', { type: 'button', class: 'secondary more-toggle', 'aria-controls': 'more-filters' });
  const showToggle = () => {
    toggle.setAttribute('aria-expanded', String(!more.hidden));
    toggle.textContent = more.hidden ? 'More filters' : 'Fewer filters';
  };
  toggle.addEventListener('click', () => { more.hidden = !more.hidden; showToggle(); });
  showToggle();
  const form = h('form', { class: 'filters', id: 'alert-filters', role: 'search' },
    choice('status', 'Status', STATUSES, state.status),
    choice('severity', 'Severity', [['', 'any'], ['CRITICAL', 'Critical'], ['WARNING', 'Warning'], ['INFO', 'Info']], state.severity),
    choice('rule', 'Rule', [['', 'any'], ...RULES.map((r) => [r, r])], state.rule),
    TEXT_FILTERS.slice(0, 1).map(textFilter(state)),
    more,
    toggle,
    choice('sort', 'Sort by', [['SEVERITY', 'Severity, then oldest'], ['AGE', 'Oldest first'], ['NEWEST', 'Newest first']], state.sort));
  const read = () => {
    const f = new FormData(form);
    for (const key of Object.keys(defaultFilters())) {
      state[key] = String(f.get(key) || '');
    }
    onChange(state);
  };
  form.addEventListener('change', read);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    read();
  });
  return form;
}

/** Sets the form's fields to state (after a saved view was chosen). */
export function showFilters(form, state) {
  for (const [key, value] of Object.entries(state)) {
    const field = form.elements.namedItem(key);
    if (field) {
      field.value = value;
      if (value && field.closest('.more-filters')) field.closest('.more-filters').hidden = false;
    }
  }
}

function textFilter(state) {
  return ([name, label, hint]) => h('label', {}, `${label} `,
    h('input', { type: name === 'q' ? 'search' : 'text', name, value: state[name], placeholder: hint, maxlength: '100', size: name === 'q' ? '18' : '10' }));
}

function choice(name, label, options, value) {
  return h('label', {}, `${label} `, h('select', { name },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
}
