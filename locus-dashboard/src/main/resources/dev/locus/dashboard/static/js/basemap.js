// A Leaflet map whose only background is the Natural Earth countries served by the control
// plane: no tile server, so it works with no internet. Restricted jurisdictions are shaded.

import { dashboard, getJson } from './api.js';
import { textNode } from './dom.js';

let countries = null;

async function loadCountries() {
  if (!countries) {
    countries = getJson(dashboard('/basemap.geojson')).catch((e) => {
      countries = null;
      throw e;
    });
  }
  return countries;
}

function countryStyle(feature) {
  if (feature.properties.restricted) {
    return { color: '#8c1a1a', weight: 1, fillColor: '#f3b6b6', fillOpacity: 0.85 };
  }
  return { color: '#8a8a8a', weight: 0.5, fillColor: '#f4f1ea', fillOpacity: 1 };
}

/**
 * Creates a map in `container` with the country basemap underneath.
 * @returns {Promise<L.Map>}
 */
export async function createMap(container, { label }) {
  container.setAttribute('role', 'region');
  container.setAttribute('aria-label', label);
  const map = L.map(container, {
    preferCanvas: true,
    worldCopyJump: false,
    minZoom: 1,
    maxZoom: 12,
    zoomSnap: 0.25,
    // no zoom animation: a view left while Leaflet still animated a zoom threw `_leaflet_pos` errors
    zoomAnimation: false,
    attributionControl: true,
  });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Boundaries: Natural Earth 1:50m (public domain)');
  map.setView([20, 60], 2);
  const geojson = await loadCountries();
  const layer = L.geoJSON(geojson, {
    style: countryStyle,
    interactive: true,
    onEachFeature: (feature, l) => {
      const p = feature.properties;
      l.bindTooltip(textNode(p.restricted ? `${p.name} (${p.iso_a2}) — restricted` : `${p.name} (${p.iso_a2})`), { sticky: true });
    },
  });
  layer.addTo(map);
  map.countriesLayer = layer;
  return map;
}

/** A legend control with one row per item: {colour, label, shape?}. */
export function legend(map, title, items) {
  const control = L.control({ position: 'bottomleft' });
  control.onAdd = () => {
    const div = L.DomUtil.create('div', 'map-legend');
    const h = document.createElement('strong');
    h.textContent = title;
    div.append(h);
    for (const item of items) {
      const row = document.createElement('div');
      const swatch = document.createElement('span');
      swatch.className = `swatch ${item.shape || 'dot'}`;
      swatch.style.setProperty('--swatch', item.colour);
      row.append(swatch, document.createTextNode(item.label));
      div.append(row);
    }
    return div;
  };
  control.addTo(map);
  return control;
}

/**
 * Removes a map when its view is left. Animations, open tooltips and popups are stopped first:
 * Leaflet removed mid-animation reads positions of panes that are gone (`_leaflet_pos` errors).
 */
export function disposeMap(map) {
  map.stop();
  map.closePopup();
  map.eachLayer((l) => l.closeTooltip && l.closeTooltip());
  map.off();
  map.remove();
}
