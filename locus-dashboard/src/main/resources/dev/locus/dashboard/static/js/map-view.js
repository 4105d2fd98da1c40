// The fleet map: sites as clusters of their chips, coloured by their chips' statuses (the server's
// one status per chip: latest verdict, age of its proof and open alerts) and sized by chip count;
// landmarks above them; restricted jurisdictions shaded. Aggregation is done by the server, so the
// page draws one marker per site however many chips there are.

import { dashboard, getJson } from './api.js';
import { count, h, textNode } from './dom.js';
import { createMap, disposeMap } from './basemap.js';
import { onAlertsChanged } from './alert-watch.js';

/** How often the map re-reads the fleet summary (new alerts also trigger a refresh). */
const REFRESH_MS = 30000;
import { chipBadge, dominant, needsAttention, STATUSES, worst, worstProblem } from './verdicts.js';

function radius(total) {
  return total === 0 ? 4 : Math.min(18, 4 + 1.6 * Math.log2(1 + total));
}

/** Fill: the status most of the site's chips have. Ring: the worst status needing attention, if any. */
function siteStyle(site) {
  const problem = worstProblem(site.chips);
  return {
    siteId: site.id,
    radius: radius(site.chips.total),
    color: problem ? problem.colour : '#1f1f1f',
    weight: problem ? 4 : 1,
    opacity: 1,
    fillColor: dominant(site.chips).colour,
    fillOpacity: 0.9,
  };
}

function breakdown(counts) {
  return h('ul', { class: 'breakdown' },
    STATUSES.filter((v) => counts.by_status[v.key] > 0).map((v) =>
      h('li', {}, chipBadge(v.key), ' ', count(counts.by_status[v.key]))));
}

function sitePopup(site, changed) {
  const severe = worst(site.chips);
  const list = h('div', { class: 'popup-chips' }, 'Loading chips…');
  const body = h('div', { class: 'site-popup', dataset: { site: site.id } },
    h('h3', {}, site.name),
    h('p', {}, `${site.id} · ${site.country} · operated by ${site.operator_name} · licensed zone ${site.zone_radius_km} km`),
    h('p', {}, `${count(site.chips.total)} ${site.chips.total === 1 ? 'chip' : 'chips'}; most serious status: `, chipBadge(severe.key)),
    breakdown(site.chips),
    list,
    h('p', {}, h('a', { href: `#/fleet?site=${encodeURIComponent(site.id)}` }, 'All chips at this site in the fleet view')));
  loadChips(site, list).then(changed);
  return body;
}

async function loadChips(site, list) {
  try {
    // most serious first: one request per non-empty status, few rows each
    const rows = [];
    for (const v of STATUSES) {
      if (site.chips.by_status[v.key] > 0 && rows.length < 12) {
        const page = await getJson(dashboard(`/chips?site=${encodeURIComponent(site.id)}&status=${v.key}&limit=${12 - rows.length}`));
        rows.push(...page.items);
      }
    }
    list.replaceChildren(h('ul', { class: 'chip-links' }, rows.map((c) =>
      h('li', {}, h('a', { href: `#/chips/${encodeURIComponent(c.serial)}`, class: 'chip-link' }, c.serial), ' ', chipBadge(c.status)))));
  } catch (e) {
    list.textContent = `Could not load chips: ${e.message}`;
  }
}

export async function renderMap(el) {
  const mapBox = h('div', { id: 'fleet-map', class: 'map' });
  const side = h('aside', { class: 'side', 'aria-label': 'Fleet summary' }, h('p', {}, 'Loading…'));
  el.append(h('h1', { class: 'visually-hidden' }, 'Fleet map'), h('div', { class: 'map-layout' }, mapBox, side));
  const t0 = performance.now();
  const [map, summary] = await Promise.all([
    createMap(mapBox, { label: 'World map of sites, chips and landmarks' }),
    getJson(dashboard('/summary')),
  ]);
  // the map object is reachable from its element, for measuring tools and browser tests
  mapBox.__locusMap = map;
  const sites = L.layerGroup();
  const markers = new Map();
  const latest = new Map(summary.sites.map((s) => [s.id, s]));
  const tooltip = (site) => textNode(`${site.name}: ${count(site.chips.total)} ${site.chips.total === 1 ? 'chip' : 'chips'} — most serious: ${worst(site.chips).label}`);
  for (const site of summary.sites) {
    const m = L.circleMarker([site.latitude_deg, site.longitude_deg], siteStyle(site));
    m.bindTooltip(tooltip(site));
    const holder = h('div', { class: 'popup-holder' });
    m.bindPopup(holder, { minWidth: 300, maxWidth: 400, maxHeight: 320, autoPanPadding: [20, 20] });
    m.on('popupopen', () => {
      // the chip list is fetched when the popup opens, then the popup re-fits its content
      holder.replaceChildren(sitePopup(latest.get(site.id), () => m.getPopup().update()));
      m.getPopup().update();
    });
    m.addTo(sites);
    markers.set(site.id, m);
  }
  // landmarks in their own pane above the sites' (overlayPane, z-index 400), so none hides under a site
  map.createPane('landmarks').style.zIndex = 450;
  const landmarks = L.layerGroup();
  for (const lm of summary.landmarks) {
    L.circleMarker([lm.latitude_deg, lm.longitude_deg], {
      pane: 'landmarks',
      radius: 4,
      color: lm.status === 'ACTIVE' ? '#222' : '#b35806',
      weight: 1.5,
      fillColor: lm.status === 'ACTIVE' ? '#ffffff' : '#fdb863',
      fillOpacity: 1,
    }).bindTooltip(textNode(`Landmark ${lm.name} (${lm.id}) — ${lm.status}`)).addTo(landmarks);
  }
  landmarks.addTo(map);
  sites.addTo(map);
  L.control.layers(null, { 'Sites (chips by status)': sites, Landmarks: landmarks }, { collapsed: false }).addTo(map);
  // the first view frames every site and every landmark (the one that measured a diverted chip too)
  const points = [...summary.sites, ...summary.landmarks].map((p) => [p.latitude_deg, p.longitude_deg]);
  if (points.length > 0) {
    map.fitBounds(L.latLngBounds(points).pad(0.15), { maxZoom: 5 });
  }
  const restricted = [...new Set(map.countriesLayer.getLayers()
    .filter((l) => l.feature.properties.restricted).map((l) => l.feature.properties.iso_a2))].sort();
  const openSite = (site) => {
    const m = markers.get(site.id);
    map.setView(m.getLatLng(), Math.max(map.getZoom(), 4));
    m.openPopup();
  };
  renderSide(side, summary, restricted, openSite);
  // keep markers and counts current without redrawing the map (sites added later need a reload)
  const refresh = async () => {
    try {
      const next = await getJson(dashboard('/summary'));
      for (const site of next.sites) {
        const m = markers.get(site.id);
        if (m) {
          latest.set(site.id, site);
          m.setStyle(siteStyle(site));
          m.setRadius(siteStyle(site).radius);
          m.setTooltipContent(tooltip(site));
        }
      }
      renderSide(side, next, restricted, openSite);
      el.dataset.refreshedAt = next.generated_at;
    } catch (e) {
      // kept as it was; the next refresh tries again
    }
  };
  const timer = setInterval(refresh, REFRESH_MS);
  const unsubscribe = onAlertsChanged(refresh);
  el.dataset.renderedMs = String(Math.round(performance.now() - t0));
  el.dataset.sites = String(summary.sites.length);
  el.dataset.ready = 'true';
  // a User Timing mark, so first-view time can be measured in any browser's performance tools
  performance.mark('locus:map-ready', { detail: { sites: summary.sites.length, chips: summary.fleet.total } });
  return () => {
    clearInterval(timer);
    unsubscribe();
    disposeMap(map);
  };
}

function renderSide(side, summary, restricted, openSite) {
  const fleet = summary.fleet;
  const rank = (s) => STATUSES.indexOf(worst(s.chips));
  const ranked = summary.sites
    .filter((s) => needsAttention(worst(s.chips).key))
    .sort((a, b) => rank(a) - rank(b) || b.chips.total - a.chips.total)
    .slice(0, 25);
  side.replaceChildren(
    h('h2', {}, 'Fleet'),
    h('p', { class: 'total' }, h('strong', { id: 'fleet-total' }, count(fleet.total)), ' chips at ', count(summary.sites.length), ' sites; ',
      count(summary.landmarks.length), ' landmarks'),
    h('ul', { class: 'breakdown', id: 'fleet-breakdown' }, STATUSES.map((v) =>
      h('li', {}, h('a', { href: `#/fleet?status=${v.key}` }, chipBadge(v.key)), ' ', count(fleet.by_status[v.key] || 0)))),
    h('h2', {}, 'Sites needing attention'),
    ranked.length
      ? h('ol', { class: 'site-list' }, ranked.map((s) =>
        h('li', {}, h('button', { type: 'button', class: 'site-button', dataset: { site: s.id }, onclick: () => openSite(s) },
          s.name), ' ', chipBadge(worst(s.chips).key), ' ', count(s.chips.by_status[worst(s.chips).key]), ' of ', count(s.chips.total))))
      : h('p', { class: 'note' }, 'None: every chip is proven where it should be.'),
    h('h2', {}, 'Legend'),
    h('p', { class: 'note' }, 'Each site is one marker grouping its chips, sized by chip count. Fill: the status most of its chips have; a thick ring: the most serious status there that needs attention. A chip\'s status is its latest verdict, overruled by its open alerts and the age of its proof.'),
    h('div', { class: 'map-legend side-legend' }, [
      ...STATUSES.map((v) => ({ colour: v.colour, label: v.label, shape: 'dot', key: v.key })),
      { colour: '#ffffff', label: 'Landmark', shape: 'ring' },
      { colour: '#fdb863', label: 'Suspect landmark', shape: 'ring' },
      { colour: '#f3b6b6', label: 'Restricted jurisdiction', shape: 'square' },
    ].map((i) => h('div', { dataset: i.key ? { status: i.key } : undefined },
      h('span', { class: `swatch ${i.shape}`, vars: { '--swatch': i.colour } }), i.label))),
    h('p', { class: 'note' }, `Restricted jurisdictions (shaded): ${restricted.join(', ')}. `, 'Click a site marker, or a site above, to list its chips.'));
}
