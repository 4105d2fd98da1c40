// The ownership graph of one party, drawn as SVG: the party at the bottom, its owners in rows
// above it by distance, each link with its percentage; the paths from listed owners are
// highlighted. Built with createElementNS and textContent only (no markup from server text).

import { svg } from './dom.js';

const NODE_W = 236;
const NODE_H = 46;
const ROW_H = 110;
const GAP = 24;

function shorten(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// Rows by shortest distance up from the party (cycles are fine: each node is placed once).
function rows(partyId, links) {
  const ownersOf = new Map();
  for (const l of links) {
    if (!ownersOf.has(l.owned_id)) {
      ownersOf.set(l.owned_id, []);
    }
    ownersOf.get(l.owned_id).push(l.owner_id);
  }
  const depth = new Map([[partyId, 0]]);
  const queue = [partyId];
  while (queue.length) {
    const id = queue.shift();
    for (const o of ownersOf.get(id) || []) {
      if (!depth.has(o)) {
        depth.set(o, depth.get(id) + 1);
        queue.push(o);
      }
    }
  }
  const out = [];
  for (const [id, d] of depth) {
    (out[d] = out[d] || []).push(id);
  }
  return out;
}

/** The edges (owner>owned) on the paths from owners that are on a list. */
function listedEdges(report) {
  const edges = new Set();
  for (const o of report.owners.filter((x) => x.designations.length)) {
    for (const p of o.paths) {
      for (let i = 0; i + 1 < p.parties.length; i++) {
        edges.add(`${p.parties[i]}>${p.parties[i + 1]}`);
      }
    }
  }
  return edges;
}

/**
 * @param party the party ({id, names})
 * @param report its ownership report (owners with names, paths and designations; active links)
 */
export function ownershipGraph(party, report) {
  const names = new Map([[party.id, party.names[0]]]);
  const listed = new Set();
  for (const o of report.owners) {
    names.set(o.party_id, o.name);
    if (o.designations.length) {
      listed.add(o.party_id);
    }
  }
  const layers = rows(party.id, report.links);
  const widest = Math.max(...layers.map((r) => r.length));
  const width = Math.max(NODE_W + 2 * GAP, widest * (NODE_W + GAP) + GAP);
  const height = layers.length * ROW_H + GAP;
  const at = new Map();
  layers.forEach((row, d) => {
    const y = height - GAP - NODE_H - d * ROW_H;
    const span = row.length * NODE_W + (row.length - 1) * GAP;
    row.forEach((id, i) => at.set(id, { x: (width - span) / 2 + i * (NODE_W + GAP), y }));
  });
  const onPath = listedEdges(report);
  const root = svg('svg', {
    class: 'ownership-graph', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
    'aria-labelledby': 'ownership-graph-title',
  });
  root.append(svg('title', { id: 'ownership-graph-title' },
    `Ownership of ${party.names[0]}: ${report.owners.length} owner(s)${listed.size ? ', a listed owner among them' : ''}`));
  const defs = svg('defs', {},
    svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '10', refY: '5', markerUnits: 'userSpaceOnUse', markerWidth: '10', markerHeight: '10', orient: 'auto-start-reverse' },
      svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow-head' })));
  root.append(defs);
  for (const l of report.links) {
    const a = at.get(l.owner_id);
    const b = at.get(l.owned_id);
    if (!a || !b) {
      continue;
    }
    const highlighted = onPath.has(`${l.owner_id}>${l.owned_id}`);
    const x1 = a.x + NODE_W / 2;
    const y1 = a.y + NODE_H;
    const x2 = b.x + NODE_W / 2;
    const y2 = b.y;
    root.append(svg('g', { class: highlighted ? 'edge listed-path' : 'edge', 'data-owner': l.owner_id, 'data-owned': l.owned_id },
      svg('line', { x1, y1, x2, y2, 'marker-end': 'url(#arrow)' }),
      svg('text', { x: (x1 + x2) / 2 + 6, y: (y1 + y2) / 2 + 4, class: 'edge-label' },
        `${Number(l.percent).toFixed(l.percent % 1 ? 2 : 0)} %${l.direct ? '' : ' (indirect)'}`)));
  }
  for (const [id, p] of at) {
    const cls = ['node'];
    if (id === party.id) {
      cls.push('subject');
    }
    if (listed.has(id)) {
      cls.push('listed');
    }
    const owner = report.owners.find((o) => o.party_id === id);
    root.append(svg('g', { class: cls.join(' '), 'data-party': id },
      svg('rect', { x: p.x, y: p.y, width: NODE_W, height: NODE_H, rx: 6 }),
      svg('text', { x: p.x + 8, y: p.y + 18, class: 'node-name' }, shorten(names.get(id) || id, 30)),
      svg('text', { x: p.x + 8, y: p.y + 36, class: 'node-detail' },
        owner ? `${owner.aggregate_percent.toFixed(2)} % aggregate${listed.has(id) ? ' · ON A LIST' : ''}` : id)));
  }
  return root;
}
