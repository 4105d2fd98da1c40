// Landmarks: positions and status, receipts over the last day, the suspect-landmark alerts
// that explain why a landmark no longer counts towards verdicts, and the pairs of landmarks whose
// peer round trips the mesh audit found faster than light allows between their positions.

import { dashboard, getJson } from './api.js';
import { count, h, km, table, textNode, when } from './dom.js';
import { createMap, disposeMap, legend } from './basemap.js';
import { redrawView } from './alert-actions.js';
import { actions, evidence, severityBadge } from './alerts-view.js';

const STATUS_COLOUR = { ACTIVE: '#ffffff', SUSPECT: '#fdb863', RETIRED: '#9e9e9e' };

// The pairs named by the landmark's open mesh-audit alerts: each a physical impossibility.
function contradictionTable(l) {
  return table([
    { label: 'Landmark pair', cell: (p) => `${p.landmark_a_name} (${p.landmark_a}) – ${p.landmark_b_name} (${p.landmark_b})` },
    { label: 'Distance between registered positions', class: 'num', cell: (p) => km(p.distance_km) },
    { label: 'Round trip', class: 'num', cell: (p) => `${p.rtt_ms.toFixed(3)} ms` },
    { label: 'Farthest light allows', class: 'num', cell: (p) => km(p.max_distance_km) },
    { label: 'Exceeded by', class: 'num', cell: (p) => km(p.excess_km) },
  ], l.contradictions, `Contradicting pairs of ${l.id}`);
}

export async function renderLandmarks(el) {
  const data = await getJson(dashboard('/landmarks'));
  const mapBox = h('div', { id: 'landmark-map', class: 'map landmarks' });
  // suspects, and landmarks alerted for an isolated contradicting pair (not marked, still listed)
  const suspects = data.items.filter((l) => l.status === 'SUSPECT' || (l.contradictions || []).length);
  const reload = redrawView;
  el.append(
    h('h1', {}, 'Landmarks'),
    h('p', {}, `${count(data.items.length)} landmarks; ${count(data.items.filter((l) => l.status === 'SUSPECT').length)} suspect. Receipt counts cover the last ${data.period_hours} h. `,
      'A suspect landmark is kept out of every verdict until it is cleared.'),
    mapBox,
    h('section', {}, h('h2', {}, 'Mesh audit: suspects'),
      suspects.length
        ? h('ul', { class: 'suspects' }, suspects.map((l) => h('li', { dataset: { landmark: l.id } },
          h('strong', {}, `${l.name} (${l.id})`), ': ',
          l.status === 'SUSPECT' ? '' : h('span', { class: 'lm-status', dataset: { status: l.status } }, l.status), ' ',
          l.alerts.length ? l.alerts.map((a) => h('div', {}, severityBadge(a.severity), ' ', a.text || a.summary, ' ', evidence(a), actions(a, reload)))
            : 'marked suspect; no alert explains it yet.',
          (l.contradictions || []).length ? contradictionTable(l) : '')))
        : h('p', {}, 'No landmark is suspect.')),
    h('section', {}, h('h2', {}, 'All landmarks'), table([
      { label: 'Landmark', cell: (l) => `${l.name} (${l.id})` },
      { label: 'Status', cell: (l) => h('span', { class: 'lm-status', dataset: { status: l.status } }, l.status) },
      { label: 'Position', cell: (l) => `${l.latitude_deg.toFixed(4)}, ${l.longitude_deg.toFixed(4)}` },
      { label: 'Accepted receipts', class: 'num', cell: (l) => count(l.receipts_accepted) },
      { label: 'Rejected receipts', class: 'num', cell: (l) => count(l.receipts_rejected) },
      { label: 'Last measurement', cell: (l) => when(l.last_measured_at) },
      { label: 'Alerts', class: 'num', cell: (l) => count(l.alerts.length) },
      { label: 'Contradicting pairs', class: 'num', cell: (l) => count((l.contradictions || []).length) },
    ], data.items, 'Landmarks')));
  const map = await createMap(mapBox, { label: 'Map of landmarks' });
  mapBox.__locusMap = map;
  for (const l of data.items) {
    L.circleMarker([l.latitude_deg, l.longitude_deg], {
      radius: 5, color: '#222', weight: 1.5, fillColor: STATUS_COLOUR[l.status] || '#fff', fillOpacity: 1,
    }).bindTooltip(textNode(`${l.name} (${l.id}) — ${l.status}`)).addTo(map);
  }
  legend(map, 'Landmark status', Object.entries(STATUS_COLOUR).map(([k, c]) => ({ colour: c, label: k, shape: 'ring' })));
  if (data.items.length) {
    map.fitBounds(L.latLngBounds(data.items.map((l) => [l.latitude_deg, l.longitude_deg])).pad(0.2), { maxZoom: 5 });
  }
  el.dataset.ready = 'true';
  return () => disposeMap(map);
}
