// One chip: its status, the latest verdict in words and its alerts first, then its feasible region
// on a map (discs, region, declared site, licensed zone), identity, licence, verdict history as
// periods of equal verdicts (paged), custody, and the regulator report.

import { dashboard, download, getJson } from './api.js';
import { age, count, h, km, rttMs, table, textNode, when } from './dom.js';
import { createMap, disposeMap, legend } from './basemap.js';
import { chipBadge, headline, status } from './verdicts.js';
import { verdictChart } from './verdict-chart.js';
import { redrawView } from './alert-actions.js';
import { actions, evidence, ruleName, severityBadge } from './alerts-view.js';
import { chipEditing } from './registry-forms.js';

const STYLE = {
  licensed_zone: { color: '#1a9850', weight: 2, dashArray: '6 4', fillColor: '#1a9850', fillOpacity: 0.12 },
  disc: { color: '#2c7fb8', weight: 1.2, fillOpacity: 0, opacity: 0.8 },
};

function regionStyle(h) {
  const c = headline(h).colour;
  return { color: c, weight: 2.5, fillColor: c, fillOpacity: 0.35 };
}

async function drawRegion(mapBox, geo) {
  const map = await createMap(mapBox, { label: 'Feasible region of the chip' });
  mapBox.__locusMap = map;
  const layers = { region: [], disc: [], licensed_zone: [] };
  L.geoJSON(geo, {
    style: (f) => (f.properties.role === 'region' ? regionStyle(f.properties.headline) : STYLE[f.properties.role]),
    pointToLayer: (f, latlng) => f.properties.role === 'declared_site'
      ? L.circleMarker(latlng, { radius: 7, color: '#0b4f2a', weight: 2, fillColor: '#1a9850', fillOpacity: 1 })
      : L.circleMarker(latlng, { radius: 3.5, color: '#222', weight: 1.5, fillColor: '#fff', fillOpacity: 1 }),
    onEachFeature: (f, layer) => {
      const p = f.properties;
      const text = {
        declared_site: () => `Declared site ${p.name} (${p.id})`,
        licensed_zone: () => `Licensed zone: within ${p.radius_km} km of ${p.site_id}`,
        landmark: () => `Landmark ${p.id}: round trip ${rttMs(p.rtt_min_nanos)} (receipt ${p.receipt_id})`,
        disc: () => `Disc of landmark ${p.landmark_id}: within ${km(p.max_distance_km)} (round trip ${rttMs(p.rtt_nanos)})`,
        region: () => `Feasible region of verdict ${p.verdict_id}: ${headline(p.headline).label}, ${count(Math.round(p.area_km2))} km²`,
      }[p.role];
      if (text) layer.bindTooltip(textNode(text()), { sticky: true });
      if (layers[p.role]) layers[p.role].push(layer);
    },
  }).addTo(map);
  // frame the region together with the licensed zone, so a diversion shows its distance
  const focus = layers.region.length ? [...layers.region, ...layers.licensed_zone] : [...layers.disc, ...layers.licensed_zone];
  if (focus.length) {
    map.fitBounds(L.featureGroup(focus).getBounds().pad(0.15), { maxZoom: 8 });
  }
  // a region too small to see at this zoom (a few km) still gets a visible mark
  if (layers.region.length) {
    const b = L.featureGroup(layers.region).getBounds();
    const px = map.latLngToContainerPoint(b.getNorthEast()).distanceTo(map.latLngToContainerPoint(b.getSouthWest()));
    if (px < 14) {
      const colour = headline(geo.verdict.headline).colour;
      L.circleMarker(b.getCenter(), { radius: 9, color: colour, weight: 3, fillColor: colour, fillOpacity: 0.35 })
        .bindTooltip(textNode(`Feasible region (${count(Math.round(geo.verdict.area_km2 || 0))} km², shown enlarged)`)).addTo(map);
    }
  }
  legend(map, 'Feasible region', [
    { colour: geo.verdict ? headline(geo.verdict.headline).colour : '#6b6b6b', label: 'Region (all discs intersect)', shape: 'square' },
    { colour: '#2c7fb8', label: 'Landmark disc (light-speed bound)', shape: 'ring' },
    { colour: '#1a9850', label: 'Licensed zone / declared site', shape: 'dashed' },
    { colour: '#ffffff', label: 'Measuring landmark', shape: 'ring' },
  ]);
  mapBox.dataset.regionDrawn = String(layers.region.length > 0);
  mapBox.dataset.discs = String(layers.disc.length);
  return map;
}

// The device certificate the chip was registered with (checked against the trusted manufacturer
// CAs then), or only its key when it has none.
function certificateRows(c) {
  const cert = c.device_certificate;
  if (!cert) {
    return [
      ['Device certificate', 'not registered'],
      ['Device key', c.device_public_key || 'not registered'],
    ];
  }
  const now = Date.now();
  const state = now > Date.parse(cert.not_after) ? ' (expired)' : now < Date.parse(cert.not_before) ? ' (not yet valid)' : '';
  return [
    ['Certificate subject', cert.subject],
    ['Certificate issuer', cert.issuer],
    ['Certificate serial', cert.serial_number],
    ['Certificate valid', `${when(cert.not_before)} to ${when(cert.not_after)}${state}`],
    ['Certificate SHA-256', h('code', { class: 'fingerprint' }, cert.sha256)],
  ];
}

function identity(d) {
  const c = d.chip;
  const rows = [
    ['Serial', c.serial],
    ['Model', c.model],
    ['Registry status', c.status],
    ...certificateRows(c),
    ['Registered', when(c.created_at)],
    ['Licence', d.licence ? `${d.licence.id} — ${d.licence.exporter_id} → ${d.licence.end_user_id}, valid ${d.licence.valid_from} to ${d.licence.valid_until}` : 'none'],
    ['Licence conditions', d.licence?.conditions || '—'],
    ['Declared site', d.site ? `${d.site.name} (${d.site.id}), ${d.site.country}, licensed zone ${d.site.zone_radius_km} km` : '—'],
  ];
  return h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function periodRows(periods, serial) {
  return periods.map((v) => ({ ...v, serial }));
}

function periodTable(periods) {
  return table([
    { label: 'Period', cell: (v) => h('span', {}, when(v.first_seen), v.first_seen === v.last_confirmed ? '' : h('span', {}, ' to ', when(v.last_confirmed))) },
    { label: 'Assessments', class: 'num', cell: (v) => count(v.assessments) },
    { label: 'Verdict', cell: (v) => h('span', {}, chipBadge(v.headline), v.verdicts.length > 1 ? ` (${v.verdicts.join(', ')})` : '') },
    { label: 'Region area', class: 'num', cell: (v) => (v.area_km2 === null ? '—' : `${count(Math.round(v.area_km2))} km²`) },
    { label: 'Farthest from site', class: 'num', cell: (v) => km(v.max_distance_from_site_km) },
    { label: 'Receipts behind the latest', cell: (v) => h('details', {}, h('summary', {}, `${v.receipts.length} landmarks`),
      table([
        { label: 'Landmark', cell: (r) => r.landmark_id },
        { label: 'Receipt', class: 'num', cell: (r) => String(r.receipt_id) },
        { label: 'Min round trip', class: 'num', cell: (r) => rttMs(r.rtt_min_nanos) },
        { label: 'Measured', cell: (r) => when(r.measured_at) },
      ], v.receipts)) },
    { label: 'Map', cell: (v) => h('a', { href: `#/chips/${encodeURIComponent(v.serial)}?verdict=${v.id}`, class: 'show-verdict' }, 'Show region') },
  ], periods, 'Verdict periods (consecutive equal verdicts), newest first');
}

// The history as periods, a page at a time: "Older periods" fetches the next page.
function historySection(d, serial) {
  const p = d.periods;
  const box = h('div', { class: 'table-scroll periods' });
  const shown = [...p.items];
  const more = h('button', { type: 'button', class: 'more-periods', hidden: !p.next_before }, 'Older periods');
  let next = p.next_before;
  const draw = () => {
    box.replaceChildren(shown.length ? periodTable(periodRows(shown, serial)) : h('p', {}, 'No verdict yet.'));
  };
  more.addEventListener('click', async () => {
    const page = await getJson(dashboard(`/chips/${encodeURIComponent(serial)}/periods?before=${encodeURIComponent(next)}`));
    shown.push(...page.items);
    next = page.next_before;
    more.hidden = !next;
    draw();
  });
  draw();
  return h('section', { class: 'chip-history' }, h('h2', {}, 'Verdict history'),
    h('p', { class: 'note', id: 'history-summary' }, `${count(p.total_assessments)} assessments in ${count(p.total_periods)} periods of equal verdicts; newest first.`),
    verdictChart(p.items), box, more);
}

// Open alerts first (most serious first), then the resolved ones: what needs doing is at the top.
function alertsSection(d, reload) {
  const rank = { CRITICAL: 0, WARNING: 1, INFO: 2 };
  const sorted = [...d.alerts].sort((a, b) => (a.status === 'RESOLVED') - (b.status === 'RESOLVED')
    || rank[a.severity] - rank[b.severity] || b.id - a.id);
  const open = d.alerts.filter((a) => a.status !== 'RESOLVED').length;
  return h('section', { class: 'chip-alerts' }, h('h2', {}, `Alerts (${open} unresolved)`), sorted.length
    ? h('div', { class: 'table-scroll' }, table([
      { label: 'Severity', cell: (a) => severityBadge(a.severity) },
      { label: 'Rule', cell: (a) => ruleName(a.rule) },
      { label: 'What happened', cell: (a) => h('div', {}, a.text || a.summary, a.finding ? h('p', { class: 'alert-finding' }, a.finding) : null, evidence(a)) },
      { label: 'Opened', cell: (a) => h('span', { title: when(a.opened_at) }, `${age(a.opened_at)} ago`) },
      { label: 'Status', cell: (a) => a.status },
      { label: 'Action', cell: (a) => actions(a, reload) },
    ], sorted, 'Alerts about this chip: unresolved first, most serious first'))
    : h('p', {}, 'No alerts.'));
}

export async function renderChip(el, route) {
  const [rawSerial, query] = route.split('?');
  const serial = decodeURIComponent(rawSerial);
  const verdictId = new URLSearchParams(query || '').get('verdict');
  const [d, geo] = await Promise.all([
    getJson(dashboard(`/chips/${encodeURIComponent(serial)}`)),
    getJson(dashboard(`/chips/${encodeURIComponent(serial)}/region${verdictId ? `?verdict=${encodeURIComponent(verdictId)}` : ''}`)),
  ]);
  const mapBox = h('div', { id: 'region-map', class: 'map region' });
  const reportStatus = h('span', { id: 'report-status', role: 'status' });
  const report = (format, label) => h('button', { type: 'button', class: `report report-${format}`, id: `download-report-${format}`, onclick: async () => {
    reportStatus.textContent = 'Preparing…';
    try {
      const name = await download(`/api/v1/chips/${encodeURIComponent(serial)}/report?format=${format}`, `locus-report-${serial}.${format}`);
      reportStatus.textContent = `Downloaded ${name}`;
    } catch (e) {
      reportStatus.textContent = `Report failed: ${e.message}`;
    }
  } }, label);
  const reportButtons = h('div', { class: 'report-buttons', role: 'group', 'aria-label': 'Regulator report' },
    report('html', 'Regulator report (HTML)'), report('pdf', 'PDF'), report('json', 'JSON'), report('csv', 'CSV'));
  const v = geo.verdict;
  const reload = redrawView;
  el.append(
    h('div', { class: 'chip-head' },
      h('h1', {}, `Chip ${d.chip.serial}`), chipBadge(d.status), reportButtons, reportStatus),
    h('p', { class: 'note status-help' }, status(d.status).help, ' ',
      d.last_attested_at ? `Last attested ${age(d.last_attested_at)} ago (${when(d.last_attested_at)}).` : 'Never attested.'),
    d.finding ? h('section', { class: 'finding', id: 'finding' },
      h('p', { class: 'conclusion' }, d.finding.conclusion),
      d.finding.landmarks.length ? h('ul', { class: 'landmark-findings' }, d.finding.landmarks.map((t) => h('li', {}, t.charAt(0).toUpperCase() + t.slice(1)))) : null) : null,
    alertsSection(d, reload),
    h('div', { class: 'chip-layout' },
      h('section', { class: 'chip-map' },
        h('h2', {}, v ? `Feasible region — verdict ${v.id}, ${when(v.assessed_at)}` : 'No verdict yet: declared site and licensed zone only'),
        mapBox,
        v ? h('p', { class: 'note' },
          `${headline(v.headline).label}. ${v.landmarks_measured} landmarks measured; farthest point ${km(v.max_distance_from_site_km)} from the declared site. `,
          `Speed bound ${v.policy?.speed_km_per_ms ?? '—'} km/ms${v.policy?.speed_provable ? ' (light in vacuum: provable)' : ' (estimate)'}. `,
          v.tolerance_note ? `${v.tolerance_note} ` : '',
          geo.verdict.note) : null),
      h('section', { class: 'chip-facts' }, h('h2', {}, 'Identity and licence'), identity(d))),
    historySection(d, serial),
    h('section', { class: 'chip-custody' }, h('h2', {}, 'Custody'), d.custody.length
      ? table([
        { label: 'When', cell: (c) => when(c.occurred_at) },
        { label: 'Event', cell: (c) => c.kind },
        { label: 'Site', cell: (c) => c.site_id || '—' },
        { label: 'Note', cell: (c) => c.note },
        { label: 'Recorded by', cell: (c) => c.recorded_by },
      ], d.custody, 'Custody history')
      : h('p', {}, 'No custody events recorded.')));
  chipEditing(el, serial, reload);
  const map = await drawRegion(mapBox, geo);
  el.dataset.ready = 'true';
  return () => disposeMap(map);
}
