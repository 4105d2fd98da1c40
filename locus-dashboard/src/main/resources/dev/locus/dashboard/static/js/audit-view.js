// The audit trail: who did what when, in plain words, newest first, filtered by actor, action,
// subject and time, a page at a time; above it the hash chain's verification state (verified up
// to entry N with the head hash, or broken at entry N). Subjects link to their pages.

import { getJson } from './api.js';
import { h, count, table, when } from './dom.js';

const PAGE = 50;

const ACTIONS = [
  ['', 'any action'],
  ['organisations.', 'organisations: registered, edited, imported'],
  ['sites.', 'sites: registered, edited, imported'],
  ['licences.', 'licences: registered, edited, imported'],
  ['chips.', 'chips: registered, edited, imported'],
  ['chip.custody', 'custody events'],
  ['alert.', 'alerts: opened, acknowledged, assigned, resolved'],
  ['landmark.', 'landmark status'],
  ['party.', 'parties'],
  ['finding.', 'red-flag findings'],
  ['case.', 'cases'],
  ['token.', 'API tokens'],
];

const SUBJECT_TYPES = ['', 'chip', 'site', 'licence', 'organisation', 'landmark', 'alert', 'party', 'finding', 'case', 'token'];

const PLURAL = { site: 'sites', licence: 'licences', organisation: 'organisations' };

/** Where a subject of the audit log is shown, or null when it has no page. */
export function subjectHref(type, id) {
  if (!id || id === '*') return null;
  const e = encodeURIComponent(id);
  return {
    chip: `#/chips/${e}`,
    site: `#/registry/sites/${e}`,
    licence: `#/registry/licences/${e}`,
    organisation: `#/registry/organisations/${e}`,
    party: `#/parties/${e}`,
    case: `#/cases/${e}`,
    landmark: '#/landmarks',
    finding: '#/findings',
    alert: '#/alerts',
  }[type] || null;
}

const VERBS = {
  created: 'registered', updated: 'edited', imported: 'imported', custody: 'recorded custody of',
  acknowledged: 'acknowledged', resolved: 'resolved', opened: 'opened', assigned: 'assigned',
  unassigned: 'unassigned', status: 'changed the status of', issued: 'issued', revoked: 'revoked', rotated: 'rotated',
};

function words(key) {
  return key.replace(/_/g, ' ');
}

/** "edited site", "registered chip", "acknowledged alert": the action in words, without the subject. */
export function actionWords(e) {
  const verb = e.action.split('.').pop();
  return `${VERBS[verb] || words(verb)} ${words(e.entity_type)}`;
}

function valueText(v) {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The details object in plain words: "name: “A” → “B”" for edits, "kind: SHIPPED" otherwise. */
export function detailWords(e) {
  let d;
  try {
    d = JSON.parse(e.details_json || '{}');
  } catch (err) {
    return e.details_json || '';
  }
  if (e.action.endsWith('.imported') && d.count !== undefined) {
    return `${count(d.count)} records from a file with SHA-256 ${d.sha256}`;
  }
  if (d.changed && typeof d.changed === 'object') {
    const parts = Object.entries(d.changed).map(([k, c]) => `${words(k)} “${valueText(c.from)}” → “${valueText(c.to)}”`);
    return parts.length ? `changed ${parts.join('; ')}` : 'saved without changes';
  }
  return Object.entries(d).filter(([, v]) => v !== '' && v !== null)
    .map(([k, v]) => `${words(k)}: ${valueText(v)}`).join('; ');
}

function subjectCell(e) {
  const label = e.entity_id === '*' ? `all ${words(e.entity_type)}s` : `${words(e.entity_type)} ${e.entity_id}`;
  const href = subjectHref(e.entity_type, e.entity_id);
  return href ? h('a', { href, class: 'subject' }, label) : label;
}

/** The chain's state: verified up to entry N with the head hash, or broken at entry N. */
async function verification() {
  try {
    const v = await getJson('/api/v1/audit/verify');
    return v.intact
      ? h('p', { class: 'chain-state intact', id: 'chain-state', dataset: { intact: 'true', entries: String(v.entries) } },
        h('strong', {}, '✓ Audit chain verified'),
        ` up to entry ${count(v.entries)}: every entry links to the one before and hashes to its stored hash. Head hash `,
        h('code', { class: 'fingerprint' }, v.head_hash), '.')
      : h('p', { class: 'chain-state broken', id: 'chain-state', role: 'alert', dataset: { intact: 'false', brokenAt: String(v.broken_at_seq) } },
        h('strong', {}, `✗ Audit chain broken at entry ${count(v.broken_at_seq)}`),
        `: ${v.reason}. That entry and every later one cannot be trusted.`);
  } catch (e) {
    return h('p', { class: 'chain-state', id: 'chain-state' }, `The chain could not be verified: ${e.message}`);
  }
}

function toIso(local) {
  return local ? `${local}:00Z` : '';
}

function fromIso(iso) {
  return iso ? iso.replace(/:00Z$/, '').replace(/Z$/, '') : '';
}

function filterForm(params) {
  const input = (name, label, attrs = {}) => h('label', {}, label,
    h('input', { name, id: `audit-${name}`, value: params.get(name) || '', autocomplete: 'off', ...attrs }));
  const select = (name, label, choices) => h('label', {}, label,
    h('select', { name, id: `audit-${name}` }, choices.map(([v, t]) => h('option', { value: v, selected: (params.get(name) || '') === v }, t))));
  const form = h('form', { class: 'filters audit-filters', role: 'search', 'aria-label': 'Filter the audit trail' },
    input('actor', 'Who', { type: 'search', placeholder: 'token name' }),
    select('action', 'What', ACTIONS),
    select('entity_type', 'Subject', SUBJECT_TYPES.map((t) => [t, t ? words(t) : 'any subject'])),
    input('entity_id', 'Subject id', { type: 'search' }),
    input('from', 'From (UTC)', { type: 'datetime-local', value: fromIso(params.get('from')) }),
    input('to', 'To (UTC)', { type: 'datetime-local', value: fromIso(params.get('to')) }),
    h('button', { type: 'submit' }, 'Show'),
    h('a', { href: '#/audit', class: 'clear-filters' }, 'Clear'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = new URLSearchParams();
    for (const name of ['actor', 'action', 'entity_type', 'entity_id', 'from', 'to']) {
      const raw = form.elements[name].value.trim();
      const v = name === 'from' || name === 'to' ? toIso(raw) : raw;
      if (v) q.set(name, v);
    }
    location.hash = `#/audit${q.toString() ? `?${q}` : ''}`;
  });
  return form;
}

/** The newest entries matching `query` (URLSearchParams of the API's filters), a page at a time. */
export function entryList(query, { caption = 'Audit entries, newest first', pageSize = PAGE, brokenAt = null } = {}) {
  const box = h('div', { class: 'table-scroll audit-entries' });
  const more = h('button', { type: 'button', class: 'secondary older-entries', hidden: true }, 'Older entries');
  const status = h('p', { class: 'note audit-count', role: 'status' });
  const shown = [];
  let next = null;
  const load = async () => {
    const q = new URLSearchParams(query);
    q.set('order', 'desc');
    q.set('limit', String(pageSize));
    if (next) q.set('after', next);
    const page = await getJson(`/api/v1/audit?${q}`);
    shown.push(...page.items);
    next = page.next_cursor;
    more.hidden = !next;
    status.textContent = shown.length
      ? `Showing ${count(shown.length)} ${shown.length === 1 ? 'entry' : 'entries'}, newest first (entries ${count(shown[0].seq)} to ${count(shown[shown.length - 1].seq)})${next ? '; older ones follow' : ''}.`
      : 'No entry matches.';
    box.replaceChildren(shown.length ? table([
      { label: 'Entry', class: 'num', cell: (e) => String(e.seq) },
      { label: 'When', cell: (e) => when(e.recorded_at) },
      { label: 'Who', cell: (e) => h('a', { class: 'actor', href: `#/audit?actor=${encodeURIComponent(e.actor)}`, title: 'Everything done by this actor' }, e.actor) },
      { label: 'What', cell: (e) => h('span', { class: 'action', title: e.action }, actionWords(e)) },
      { label: 'Subject', cell: subjectCell },
      { label: 'Details', cell: (e) => h('span', { class: 'details' }, detailWords(e)) },
    ], shown, caption) : '');
    for (const [i, tr] of [...box.querySelectorAll('tbody tr')].entries()) {
      tr.dataset.seq = String(shown[i].seq);
      tr.dataset.action = shown[i].action;
      if (brokenAt !== null && shown[i].seq >= brokenAt) {
        tr.classList.add('untrusted');
        tr.title = `At or after entry ${brokenAt}, where the chain breaks: not to be trusted`;
      }
    }
  };
  more.addEventListener('click', load);
  return { element: h('div', { class: 'audit-list' }, status, box, more), load };
}

export async function renderAudit(el, params) {
  const state = await verification();
  const list = entryList(params, { brokenAt: state.dataset.brokenAt ? Number(state.dataset.brokenAt) : null });
  el.append(
    h('h1', {}, 'Audit trail'),
    h('p', { class: 'note' }, 'Every change to the registry, alerts, parties, findings and tokens is appended to a hash chain ',
      'in the same transaction as the change. Times are UTC.'),
    state,
    filterForm(params),
    list.element);
  await list.load();
  el.dataset.ready = 'true';
}
