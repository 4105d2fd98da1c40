// Where the matching alerts come from: counts per site, organisation or chip, most critical first;
// choosing a group narrows the queue to it.

import { getJson } from './api.js';
import { count, h } from './dom.js';

const BY = [['site', 'site', 'site'], ['organisation', 'organisation', 'organisation'], ['subject', 'chip or landmark', 'q']];

export async function groupLine(params, by, onBy, onPick) {
  const q = new URLSearchParams(params);
  q.set('by', by);
  q.set('limit', '8');
  const data = await getJson(`/api/v1/alert-groups?${q}`);
  const [, label, filter] = BY.find(([b]) => b === by);
  const select = h('select', { id: 'group-by', 'aria-label': 'Group by' },
    BY.map(([b, text]) => h('option', { value: b, selected: b === by }, `By ${text}`)));
  select.addEventListener('change', () => onBy(select.value));
  return h('div', { class: 'alert-groups', id: 'alert-groups' }, select, ' ',
    data.groups.length ? data.groups.map((g) => h('button', {
      type: 'button', class: 'group', dataset: { group: g.key, critical: String(g.critical > 0) },
      title: `${g.alerts} alerts at this ${label}: ${g.critical} critical, ${g.open} open`,
      onclick: () => onPick(filter, g.key === 'none' ? '' : g.key),
    }, `${g.key} · ${count(g.alerts)}${g.critical ? ` (${g.critical} critical)` : ''}`)) : 'No alert matches.');
}
