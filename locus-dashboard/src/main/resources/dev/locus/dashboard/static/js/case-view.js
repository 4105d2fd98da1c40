// One case: what it is about, its explained risk (each finding with its weight), the findings with
// their sources and evidence, the notes, and the credible-information report.

import { download, getJson } from './api.js';
import { count, h, table, when } from './dom.js';
import { ruleName, severityBadge } from './alerts-view.js';
import { findingEvidence, subjectText } from './findings-view.js';

export async function renderCase(el, id) {
  const c = await getJson(`/api/v1/cases/${encodeURIComponent(id)}`);
  const d = c.details;
  const reportPath = `/api/v1/cases/${encodeURIComponent(id)}/report`;
  el.append(
    h('h1', {}, `Case ${d.id}: ${d.title}`),
    h('dl', { class: 'case-facts' },
      h('dt', {}, 'About'), h('dd', {}, subjectText(d.subject_type, d.subject_id)),
      h('dt', {}, 'Status'), h('dd', { id: 'case-status' }, d.status),
      h('dt', {}, 'Owner'), h('dd', {}, d.owner || 'nobody yet'),
      h('dt', {}, 'Due'), h('dd', {}, d.due_on || '—'),
      h('dt', {}, 'Decision'), h('dd', {}, d.decision ? `${d.decision}${d.decision_note ? `: ${d.decision_note}` : ''}` : 'none yet'),
      h('dt', {}, 'Opened'), h('dd', {}, `${when(d.opened_at)} by ${d.opened_by}`)),
    h('p', {},
      h('button', { type: 'button', class: 'report-json', onclick: () => download(`${reportPath}?format=json`, `case-${d.id}.json`) }, 'Report (JSON)'), ' ',
      h('button', { type: 'button', class: 'report-html', onclick: () => download(`${reportPath}?format=html`, `case-${d.id}.html`) }, 'Report (HTML)')),
    h('section', {}, h('h2', {}, `Risk ${c.risk.score}`),
      h('p', {}, 'The sum of the weights of the open findings: info 1, warning 3, critical 10.'),
      table([
        { label: 'Rule', cell: (x) => ruleName(x.rule) },
        { label: 'Severity', cell: (x) => severityBadge(x.severity) },
        { label: 'Weight', class: 'num', cell: (x) => count(x.weight) },
      ], c.risk.contributions, 'How the risk is made up')),
    h('section', {}, h('h2', {}, 'Findings'), table([
      { label: 'Severity', cell: (f) => severityBadge(f.severity) },
      { label: 'Rule', cell: (f) => ruleName(f.rule) },
      { label: 'Status', cell: (f) => f.status },
      { label: 'Finding', cell: (f) => h('div', {}, f.summary, findingEvidence(f)) },
      { label: 'Source', cell: (f) => h('span', { class: 'source' }, f.citation) },
    ], c.findings, 'Findings about the subject')),
    h('section', {}, h('h2', {}, 'Notes'), c.notes.length
      ? h('ol', { class: 'case-notes' }, c.notes.map((n) => h('li', {}, h('strong', {}, n.author), ` (${when(n.written_at)}): `, n.text)))
      : h('p', {}, 'No notes yet.')));
  el.dataset.ready = 'true';
}
