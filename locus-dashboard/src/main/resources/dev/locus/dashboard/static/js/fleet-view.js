// Fleet views: counts by status, licence, site and organisation (each table adds up to the fleet
// total, and says so), and a chip list filtered by any of them or searched by part of a serial.

import { dashboard, download, getJson } from './api.js';
import { age, count, h, table, when } from './dom.js';
import { chipBadge, STATUSES } from './verdicts.js';
import { inventoryExport } from './inventory-export.js';

const GROUPINGS = [
  { key: 'licences', label: 'By licence', column: 'Licence', param: 'licence', name: (r) => r.id || '(no licence)' },
  { key: 'sites', label: 'By site', column: 'Site', param: 'site', name: (r) => `${r.name} (${r.id})` },
  { key: 'organisations', label: 'By organisation (site operator)', column: 'Organisation', param: 'organisation', name: (r) => `${r.name} (${r.id})` },
];
/** Longer tables start folded, so a large fleet's page stays short. */
const OPEN_ROWS = 50;

function fleetLink(params, text) {
  const q = new URLSearchParams(params).toString();
  return h('a', { href: `#/fleet?${q}` }, text);
}

/** The statuses some chip of the fleet has: the counts tables show only those columns. */
function present(summary) {
  return STATUSES.filter((v) => (summary.fleet.by_status[v.key] || 0) > 0);
}

function countsTable(grouping, rows, fleetTotal, statuses) {
  const sum = rows.reduce((a, r) => a + r.chips.total, 0);
  const columns = [
    { label: grouping.column, cell: (r) => r.id === undefined ? 'Total' : fleetLink({ [grouping.param]: r.id }, grouping.name(r)) },
    ...statuses.map((v) => ({
      label: chipBadge(v.key),
      class: 'num',
      cell: (r) => {
        const n = r.chips.by_status[v.key] || 0;
        return n === 0 || r.id === undefined ? count(n) : fleetLink({ [grouping.param]: r.id, status: v.key }, count(n));
      },
    })),
    { label: 'Total', class: 'num', cell: (r) => count(r.chips.total) },
  ];
  if (grouping.key === 'licences') {
    columns.push({ label: 'Regulator report', cell: (r) => (r.id ? licenceReport(r.id) : '') });
    columns.push({ label: 'Inventory (§4(c))', cell: (r) => (r.id ? inventoryExport(r.id, ['csv']) : '') });
  }
  const totals = { chips: { total: sum, by_status: {} } };
  for (const v of STATUSES) {
    totals.chips.by_status[v.key] = rows.reduce((a, r) => a + (r.chips.by_status[v.key] || 0), 0);
  }
  const t = table(columns, [...rows, totals]);
  t.dataset.grouping = grouping.key;
  t.querySelector('tbody tr:last-child').classList.add('totals');
  return h('section', { class: 'counts' }, h('div', { class: 'table-scroll' }, t),
    h('p', { class: sum === fleetTotal ? 'check ok' : 'check bad', dataset: { sum: String(sum) } },
      sum === fleetTotal ? `Adds up: ${count(sum)} chips, the whole fleet.` : `Does not add up: ${count(sum)} here, ${count(fleetTotal)} in the fleet.`));
}

export async function renderFleet(el, params) {
  const summary = await getJson(dashboard('/summary'));
  const fleetTotal = summary.fleet.total;
  const filters = h('form', { class: 'filters', id: 'chip-search', role: 'search' },
    h('label', {}, 'Serial contains ', h('input', { name: 'q', type: 'search', value: params.get('q') || '' })),
    select('site', 'Site', summary.sites.map((s) => [s.id, `${s.name} (${s.id})`]), params.get('site')),
    select('licence', 'Licence', summary.licences.filter((l) => l.id).map((l) => [l.id, l.id]), params.get('licence')),
    select('organisation', 'Organisation', summary.organisations.map((o) => [o.id, o.name]), params.get('organisation')),
    select('status', 'Status', STATUSES.map((v) => [v.key, v.label]), params.get('status') || params.get('verdict')),
    h('button', { type: 'submit' }, 'Search'));
  filters.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(filters)) {
      if (v) q.set(k, v);
    }
    location.hash = `#/fleet?${q}`;
  });
  const results = h('div', { id: 'chip-results' });
  el.append(
    h('h1', {}, 'Fleet'),
    h('p', {}, `${count(fleetTotal)} chips. Each table below counts every chip once, by its status: its latest verdict, overruled by its open alerts and the age of its proof.`),
    h('p', { id: 'inventory-export' }, 'Inventory (Chip Security Act §4(c)): each chip, its location and current end user. ', inventoryExport(null)),
    h('section', {}, h('h2', {}, 'Chips'), filters, results),
    h('section', { class: 'counts' }, h('h2', {}, 'By status'),
      table([
        { label: 'Status', cell: (v) => fleetLink({ status: v.key }, chipBadge(v.key)) },
        { label: 'Meaning', cell: (v) => v.help },
        { label: 'Chips', class: 'num', cell: (v) => count(summary.fleet.by_status[v.key] || 0) },
      ], STATUSES)),
    ...GROUPINGS.map((g) => h('section', {}, h('h2', {}, g.label),
      h('details', { open: summary[g.key].length <= OPEN_ROWS },
        h('summary', {}, `${count(summary[g.key].length)} rows`),
        countsTable(g, summary[g.key], fleetTotal, present(summary))))));
  await loadChips(results, params, '');
}

/** The control plane's per-licence report (HTML), downloaded with the signed-in token. */
function licenceReport(id) {
  const status = h('span', { role: 'status', class: 'note' });
  const button = h('button', { type: 'button', class: 'secondary licence-report', dataset: { licence: id }, onclick: async () => {
    status.textContent = ' preparing…';
    try {
      const name = await download(`/api/v1/licences/${encodeURIComponent(id)}/report?format=html`, `locus-licence-report-${id}.html`);
      status.textContent = ` downloaded ${name}`;
    } catch (e) {
      status.textContent = ` failed: ${e.message}`;
    }
  } }, 'HTML');
  return h('span', {}, button, status);
}

function select(name, label, options, value) {
  return h('label', {}, `${label} `, h('select', { name },
    h('option', { value: '' }, 'any'),
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
}

async function loadChips(results, params, after) {
  const q = new URLSearchParams();
  for (const k of ['q', 'site', 'licence', 'organisation', 'status']) {
    if (params.get(k)) q.set(k, params.get(k));
  }
  if (!params.get('status') && params.get('verdict')) q.set('status', params.get('verdict'));
  q.set('limit', '50');
  if (after) q.set('after', after);
  const page = await getJson(dashboard(`/chips?${q}`));
  const t = table([
    { label: 'Serial', cell: (c) => h('a', { href: `#/chips/${encodeURIComponent(c.serial)}`, class: 'chip-link' }, c.serial) },
    { label: 'Status', cell: (c) => chipBadge(c.status) },
    { label: 'Model', cell: (c) => c.model },
    { label: 'Registry', cell: (c) => c.registry_status },
    { label: 'Last attested', cell: (c) => (c.last_attested_at ? h('span', { title: when(c.last_attested_at) }, `${age(c.last_attested_at)} ago`) : 'never') },
    { label: 'Site', cell: (c) => c.declared_site_id },
    { label: 'Licence', cell: (c) => c.licence_id || '—' },
    { label: 'Organisation', cell: (c) => c.organisation_id },
  ], page.items, after ? 'More chips' : 'Chips matching the filters');
  t.id = after ? '' : 'chip-table';
  if (!after) results.replaceChildren();
  results.querySelector('.more')?.remove();
  results.append(page.items.length ? t : h('p', {}, 'No chip matches these filters.'));
  if (page.next_cursor) {
    results.append(h('button', { type: 'button', class: 'more', onclick: () => loadChips(results, params, page.next_cursor) }, 'Show more chips'));
  }
}
