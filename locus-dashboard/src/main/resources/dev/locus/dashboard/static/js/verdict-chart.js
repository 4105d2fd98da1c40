// A small chart of a chip's verdict history: one row per headline verdict, one bar per period of
// equal verdicts (first seen to last confirmed), time left to right.

import { count, h, svg, when } from './dom.js';
import { headline, VERDICT_HEADLINES } from './verdicts.js';

export function verdictChart(periods) {
  const rows = VERDICT_HEADLINES;
  const width = 640;
  const rowH = 20;
  const left = 190;
  const right = 16;
  const top = 8;
  const height = top + rows.length * rowH + 28;
  const spans = periods.map((p) => ({ a: Date.parse(p.first_seen), b: Date.parse(p.last_confirmed), p }));
  const t0 = spans.length ? Math.min(...spans.map((s) => s.a)) : 0;
  const t1 = spans.length ? Math.max(...spans.map((s) => s.b)) : 1;
  const span = Math.max(1, t1 - t0);
  const x = (t) => left + ((t - t0) / span) * (width - left - right);
  const y = (key) => top + rows.findIndex((r) => r.key === key) * rowH + rowH / 2;
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'verdict-chart',
    role: 'img',
    'aria-label': `Verdict history: ${spans.length} periods from ${when(periods.at(-1)?.first_seen)} to ${when(periods[0]?.last_confirmed)}`,
  });
  rows.forEach((r) => {
    chart.append(svg('line', { x1: left, x2: width - right, y1: y(r.key), y2: y(r.key), class: 'grid' }));
    chart.append(svg('text', { x: left - 8, y: y(r.key) + 4, 'text-anchor': 'end', class: 'row-label' }, r.label));
  });
  for (const s of spans) {
    const x1 = x(s.a);
    const w = Math.max(6, x(s.b) - x1);
    const bar = svg('rect', { x: x1, y: y(s.p.headline) - 5, width: w, height: 10, rx: 3, fill: headline(s.p.headline).colour, class: 'dot' });
    bar.append(svg('title', {}, `${when(s.p.first_seen)} to ${when(s.p.last_confirmed)}: ${headline(s.p.headline).label}, ${count(s.p.assessments)} assessments`));
    chart.append(bar);
  }
  chart.append(svg('text', { x: left, y: height - 6, class: 'axis' }, spans.length ? when(new Date(t0).toISOString()) : 'no verdicts'));
  if (spans.length) {
    chart.append(svg('text', { x: width - right, y: height - 6, 'text-anchor': 'end', class: 'axis' }, when(new Date(t1).toISOString())));
  }
  return h('figure', { class: 'chart' }, chart);
}
