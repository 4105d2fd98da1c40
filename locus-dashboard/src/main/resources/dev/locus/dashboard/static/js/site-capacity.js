// A site's capacity: the power and racks it declared against what its chips need (the chips
// ordered for it and the registered chips located there, each × kW per chip of its model), and the
// SITE_LACKS_CAPACITY finding when the declared power falls short.

import { getJson } from './api.js';
import { count, h, table, when } from './dom.js';
import { ruleName, severityBadge } from './alerts-view.js';
import { findingEvidence } from './findings-view.js';

const enc = encodeURIComponent;

function mw(x) {
  return `${Number(x).toLocaleString('en', { maximumFractionDigits: 3 })} MW`;
}

function demandRows(label, d) {
  return d.by_model.map((m) => ({ label, ...m }));
}

/** A bar of needed against declared power; the declared part in the neutral colour. */
function gauge(declaredMw, neededMw) {
  const full = Math.max(declaredMw, neededMw, 0.001);
  return h('div', { class: 'capacity-gauge', role: 'img', 'aria-label': `needs ${mw(neededMw)} of ${mw(declaredMw)} declared` },
    h('div', { class: 'capacity-declared', vars: { '--w': `${(100 * declaredMw) / full}%` } }),
    h('div', { class: `capacity-needed${neededMw > declaredMw ? ' over' : ''}`, vars: { '--w': `${(100 * neededMw) / full}%` } }));
}

export async function renderSiteCapacity(el, id) {
  const [d, findings] = await Promise.all([
    getJson(`/api/v1/site-capacity/${enc(id)}/demand`),
    getJson(`/api/v1/findings?limit=200&subject_type=SITE&subject_id=${enc(id)}`),
  ]);
  const declaredMw = d.declared ? d.declared.power_mw : 0;
  const neededMw = Math.max(d.ordered.power_needed_mw, d.located.power_needed_mw);
  const open = findings.items.filter((f) => f.status === 'OPEN');
  const short = neededMw > declaredMw;
  el.append(
    h('h1', {}, `Site ${d.site_id}: capacity`),
    h('dl', { class: 'case-facts site-facts' },
      h('dt', {}, 'Declared power'), h('dd', { id: 'declared-power' }, d.declared ? mw(declaredMw) : 'none declared (counts as 0 MW)'),
      h('dt', {}, 'Racks'), h('dd', {}, d.declared ? count(d.declared.racks) : '—'),
      h('dt', {}, 'Operator'), h('dd', {}, d.declared ? h('a', { href: `#/parties/${enc(d.declared.operator_id)}` }, d.declared.operator_id) : '—'),
      h('dt', {}, 'Country'), h('dd', {}, d.declared ? d.declared.country : '—'),
      h('dt', {}, 'Declared on'), h('dd', {}, d.declared ? d.declared.declared_on : '—'),
      h('dt', {}, 'Chips ordered for it'), h('dd', {}, `${count(d.ordered.chips)}, needing ${mw(d.ordered.power_needed_mw)}`),
      h('dt', {}, 'Chips located there'), h('dd', {}, `${count(d.located.chips)}, needing ${mw(d.located.power_needed_mw)}`),
      h('dt', {}, 'It can power'), h('dd', { id: 'powerable' }, `about ${count(d.chips_the_site_can_power)} chips`)),
    gauge(declaredMw, neededMw),
    h('p', { class: 'capacity-legend' }, h('span', { class: 'swatch declared' }), ' declared power  ',
      h('span', { class: `swatch needed${short ? ' over' : ''}` }), ' power the chips need'),
    h('p', { class: short ? 'capacity-verdict short' : 'capacity-verdict' }, short
      ? `The declared ${mw(declaredMw)} falls short of the ${mw(neededMw)} its chips need.`
      : `The declared ${mw(declaredMw)} covers the ${mw(neededMw)} its chips need.`),
    h('section', {}, h('h2', {}, 'Chips × power per chip'), table([
      { label: 'Chips', cell: (r) => r.label },
      { label: 'Model', cell: (r) => r.model },
      { label: 'Count', class: 'num', cell: (r) => count(r.chips) },
      { label: 'kW per chip', class: 'num', cell: (r) => r.kw_per_chip.toFixed(2) },
      { label: 'Power needed', class: 'num', cell: (r) => mw(r.power_needed_mw) },
    ], [...demandRows('ordered for it', d.ordered), ...demandRows('located there', d.located)],
    'Power per chip: an 8-GPU H100 server draws about 10 kW, 1.25 kW per chip')),
    h('section', {}, h('h2', {}, `Findings about the site: ${count(open.length)} open`), open.length
      ? table([
        { label: 'Severity', cell: (f) => severityBadge(f.severity) },
        { label: 'Rule', cell: (f) => ruleName(f.rule) },
        { label: 'Finding', cell: (f) => h('div', {}, f.summary, findingEvidence(f)) },
        { label: 'Since', cell: (f) => when(f.opened_at) },
      ], open, 'Open findings about the site')
      : h('p', {}, 'No open finding.')),
    d.order_ids.length ? h('p', { class: 'muted' }, `Orders for the site: ${d.order_ids.join(', ')}`) : null);
  el.dataset.ready = 'true';
}
