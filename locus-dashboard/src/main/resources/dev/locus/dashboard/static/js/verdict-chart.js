// A small chart of a chip's verdict history: one row per headline verdict, one dot per
// assessment, time left to right.

import { h, svg, when } from './dom.js';
import { headline, VERDICT_HEADLINES } from './verdicts.js';

export function verdictChart(verdicts) {
  const rows = VERDICT_HEADLINES;
  const width = 640;
  const rowH = 20;
  const left = 190;
  const right = 16;
  const top = 8;
  const height = top + rows.length * rowH + 28;
  const points = verdicts.map((v) => ({ t: new Date(v.assessed_at).getTime(), v })).sort((a, b) => a.t - b.t);
  const t0 = points.length ? points[0].t : 0;
  const t1 = points.length ? points[points.length - 1].t : 1;
  const span = Math.max(1, t1 - t0);
  const x = (t) => left + (points.length === 1 ? (width - left - right) / 2 : ((t - t0) / span) * (width - left - right));
  const y = (key) => top + rows.findIndex((r) => r.key === key) * rowH + rowH / 2;
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'verdict-chart',
    role: 'img',
    'aria-label': `Verdict history: ${points.length} assessments from ${when(verdicts.at(-1)?.assessed_at)} to ${when(verdicts[0]?.assessed_at)}`,
  });
  rows.forEach((r) => {
    chart.append(svg('line', { x1: left, x2: width - right, y1: y(r.key), y2: y(r.key), class: 'grid' }));
    chart.append(svg('text', { x: left - 8, y: y(r.key) + 4, 'text-anchor': 'end', class: 'row-label' }, r.label));
  });
  let prev = null;
  for (const p of points) {
    const cx = x(p.t);
    const cy = y(p.v.headline);
    if (prev) {
      chart.append(svg('line', { x1: prev[0], y1: prev[1], x2: cx, y2: cy, class: 'trace' }));
    }
    prev = [cx, cy];
  }
  for (const p of points) {
    const dot = svg('circle', { cx: x(p.t), cy: y(p.v.headline), r: 5, fill: headline(p.v.headline).colour, class: 'dot' });
    dot.append(svg('title', {}, `${when(p.v.assessed_at)}: ${headline(p.v.headline).label}`));
    chart.append(dot);
  }
  chart.append(svg('text', { x: left, y: height - 6, class: 'axis' }, points.length ? when(new Date(t0).toISOString()) : 'no verdicts'));
  if (points.length > 1) {
    chart.append(svg('text', { x: width - right, y: height - 6, 'text-anchor': 'end', class: 'axis' }, when(new Date(t1).toISOString())));
  }
  return h('figure', { class: 'chart' }, chart);
}
