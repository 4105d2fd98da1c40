// A party's commercial record on its page: the orders it placed (buyer) and filled (seller), the
// shipments consigned to it, the chips allocated to it as an IaaS tenant, and the red-flag findings
// about it. Each row lists the findings whose evidence names it.

import { getJson } from './api.js';
import { count, h, table } from './dom.js';
import { ruleName, severityBadge } from './alerts-view.js';
import { findingEvidence } from './findings-view.js';

const enc = encodeURIComponent;
const LIMIT = 200;

/** The findings whose evidence names `id` (an order, shipment or allocation id). */
function about(findings, id) {
  const quoted = JSON.stringify(id);
  return findings.filter((f) => JSON.stringify(f.evidence).includes(quoted));
}

function flags(findings, id) {
  const hits = about(findings, id);
  return hits.length
    ? h('ul', { class: 'record-flags' }, hits.map((f) => h('li', {}, severityBadge(f.severity), ' ', ruleName(f.rule))))
    : '—';
}

export function siteLink(siteId) {
  return siteId ? h('a', { href: `#/sites/${enc(siteId)}/capacity`, class: 'site-link' }, siteId) : '—';
}

function partyLink(id) {
  return h('a', { href: `#/parties/${enc(id)}` }, id);
}

function block(title, page, columns, empty) {
  const more = page.next_cursor ? ` (the first ${count(LIMIT)})` : '';
  return h('section', { class: 'record-part' },
    h('h3', {}, `${title}: ${count(page.items.length)}${more}`),
    page.items.length ? h('div', { class: 'table-scroll' }, table(columns, page.items, title)) : h('p', {}, empty));
}

export async function partyRecord(id) {
  const q = (path, filter) => getJson(`/api/v1/${path}?limit=${LIMIT}&${filter}=${enc(id)}`);
  const [bought, sold, shipped, allocated, findings] = await Promise.all([
    q('orders', 'buyer_id'),
    q('orders', 'seller_id'),
    q('shipments', 'consignee_id'),
    q('allocations', 'tenant_id'),
    getJson(`/api/v1/findings?limit=1000&subject_type=PARTY&subject_id=${enc(id)}`),
  ]);
  const open = findings.items.filter((f) => f.status === 'OPEN');
  const order = (other, label) => [
    { label: 'Order', cell: (o) => o.id },
    { label: 'Date', cell: (o) => o.ordered_on },
    { label, cell: (o) => partyLink(o[other]) },
    { label: 'Billed to', cell: (o) => `${o.billing_party_id} (${o.billing_country})` },
    { label: 'Chips', class: 'num', cell: (o) => `${count(o.quantity)} ${o.model}` },
    { label: 'Value (USD)', class: 'num', cell: (o) => count(Number(o.value_usd)) },
    { label: 'For site', cell: (o) => siteLink(o.destination_site_id) },
    { label: 'Findings', cell: (o) => flags(open, o.id) },
  ];
  return h('section', { class: 'party-record', id: 'party-record' },
    h('h2', {}, 'Commercial record'),
    h('p', {}, `${count(open.length)} open red-flag finding(s) about this party. `,
      'Orders, shipments and allocations as recorded under /api/v1/orders, /shipments and /allocations.'),
    block('Orders as buyer', bought, order('seller_id', 'Seller'), 'No order placed.'),
    block('Orders as seller', sold, order('buyer_id', 'Buyer'), 'No order filled.'),
    block('Shipments as consignee', shipped, [
      { label: 'Shipment', cell: (s) => s.id },
      { label: 'Order', cell: (s) => s.order_id },
      { label: 'Shipped', cell: (s) => s.shipped_on },
      { label: 'Ship to', cell: (s) => `${s.ship_to_address} (${s.ship_to_country})` },
      { label: 'Address', cell: (s) => s.address_kind + (s.forwarder_id ? ` via ${s.forwarder_id}` : '') },
      { label: 'Chips', class: 'num', cell: (s) => count(s.chip_count) },
      { label: 'Findings', cell: (s) => flags(open, s.id) },
    ], 'No shipment consigned to it.'),
    block('Allocations as tenant', allocated, [
      { label: 'Allocation', cell: (a) => a.id },
      { label: 'Site', cell: (a) => siteLink(a.site_id) },
      { label: 'Chips', class: 'num', cell: (a) => count(a.chip_count) },
      { label: 'Period', cell: (a) => `${a.valid_from} – ${a.valid_until}` },
      { label: 'Purpose', cell: (a) => a.purpose },
      { label: 'Users connect from', cell: (a) => (a.user_countries || []).join(', ') || 'unknown' },
      { label: 'Findings', cell: (a) => flags(open, a.id) },
    ], 'No chips allocated to it.'),
    h('section', { class: 'record-part' }, h('h3', {}, `Findings about the party: ${count(open.length)} open`), open.length
      ? table([
        { label: 'Severity', cell: (f) => severityBadge(f.severity) },
        { label: 'Rule', cell: (f) => ruleName(f.rule) },
        { label: 'Finding', cell: (f) => h('div', {}, f.summary, findingEvidence(f)) },
        { label: 'Source', cell: (f) => h('span', { class: 'source' }, f.citation) },
      ], open, 'Open findings about the party')
      : h('p', {}, 'No open finding.')));
}
