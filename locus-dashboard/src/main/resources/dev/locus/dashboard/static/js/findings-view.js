// Red flags: the open findings of the compliance rules (each with its cited source and evidence)
// and the cases that group them per party, site, chip or country.

import { getJson } from './api.js';
import { count, h, table, when } from './dom.js';
import { ruleName, severityBadge } from './alerts-view.js';

const ORDER = { CRITICAL: 0, WARNING: 1, INFO: 2 };

export function subjectText(type, id) {
  return `${type.charAt(0)}${type.slice(1).toLowerCase()} ${id}`;
}

export function findingEvidence(f) {
  return h('details', { class: 'evidence' }, h('summary', {}, 'Evidence'),
    h('pre', {}, JSON.stringify(f.evidence, null, 2)));
}

function caseLink(c) {
  return h('a', { href: `#/cases/${encodeURIComponent(c.id)}`, class: 'case-link' }, `Case ${c.id}`);
}

export async function renderFindings(el) {
  const [findings, cases] = await Promise.all([
    getJson('/api/v1/findings?status=OPEN&limit=1000'),
    getJson('/api/v1/cases?limit=1000'),
  ]);
  const open = [...findings.items].sort((a, b) => (ORDER[a.severity] - ORDER[b.severity]) || (a.id - b.id));
  const active = cases.items.filter((c) => c.status !== 'CLOSED');
  el.append(
    h('h1', {}, 'Red flags'),
    h('p', {}, `${count(open.length)} open findings; ${count(active.length)} open cases. `,
      'Each finding names the rule, the source it applies and the evidence that made it fire.'),
    h('section', {}, h('h2', {}, 'Cases'), active.length
      ? table([
        { label: 'Case', cell: caseLink },
        { label: 'About', cell: (c) => subjectText(c.subject_type, c.subject_id) },
        { label: 'Title', cell: (c) => c.title },
        { label: 'Status', cell: (c) => c.status },
        { label: 'Owner', cell: (c) => c.owner || '—' },
        { label: 'Opened', cell: (c) => when(c.opened_at) },
      ], active, 'Open cases')
      : h('p', {}, 'No open case.')),
    h('section', {}, h('h2', {}, 'Open findings'), open.length
      ? table([
        { label: 'Severity', cell: (f) => severityBadge(f.severity) },
        { label: 'Rule', cell: (f) => ruleName(f.rule) },
        { label: 'About', cell: (f) => subjectText(f.subject_type, f.subject_id) },
        { label: 'Finding', cell: (f) => h('div', {}, f.summary, findingEvidence(f)) },
        { label: 'Source', cell: (f) => h('span', { class: 'source' }, f.citation) },
        { label: 'Since', cell: (f) => when(f.opened_at) },
      ], open, 'Open findings')
      : h('p', {}, 'No open finding.')));
  el.dataset.ready = 'true';
}
