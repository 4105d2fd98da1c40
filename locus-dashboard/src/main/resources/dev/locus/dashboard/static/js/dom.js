// Small DOM helpers: elements are built with textContent, never innerHTML, so no server text is
// ever parsed as markup. Styles are set through CSSOM (`vars`), never a style attribute, which the
// page's Content-Security-Policy (no 'unsafe-inline') would refuse.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'vars') {
      for (const [name, v] of Object.entries(value)) {
        el.style.setProperty(name, String(v));
      }
    } else if (key === 'style' || key.startsWith('on')) {
      throw new Error(`h(): no inline ${key} attributes (CSP); use vars or a listener function`);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) {
      continue;
    }
    if (Array.isArray(c)) {
      append(el, c);
    } else if (c instanceof Node) {
      el.append(c);
    } else {
      el.append(document.createTextNode(String(c)));
    }
  }
}

/**
 * Text for a Leaflet tooltip or popup: Leaflet parses a string content as HTML, so server text is
 * always handed over as a DOM node whose text is set with textContent.
 */
export function textNode(...parts) {
  return h('span', { class: 'map-text' }, ...parts);
}

export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs)) {
    el.setAttribute(key, String(value));
  }
  for (const c of children) {
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) {
    el.firstChild.remove();
  }
  return el;
}

const numberFormat = new Intl.NumberFormat('en-GB');

export function count(n) {
  return numberFormat.format(n);
}

export function km(n) {
  if (n === null || n === undefined || Number.isNaN(Number(n))) {
    return '—';
  }
  const v = Number(n);
  return v >= 100 ? `${numberFormat.format(Math.round(v))} km` : `${v.toFixed(1)} km`;
}

export function when(iso) {
  if (!iso) {
    return '—';
  }
  const d = new Date(iso);
  return d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace(/:\d\dZ$/, ' UTC');
}

/** "45 s", "12 min", "6 h", "3 d": the unit changes at 60 s, 60 min and 48 h, as in the server's alert texts. */
export function age(iso, now = Date.now()) {
  const s = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 172800) return `${Math.floor(s / 3600)} h`;
  return `${Math.floor(s / 86400)} d`;
}

export function rttMs(nanos) {
  return `${(Number(nanos) / 1e6).toFixed(3)} ms`;
}

/** A table from column definitions [{label, cell: row => node|string, class?}]. */
export function table(columns, rows, caption) {
  return h('table', { class: 'data' },
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.class }, c.label)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, columns.map((c) => h('td', { class: c.class }, c.cell(r)))))));
}
