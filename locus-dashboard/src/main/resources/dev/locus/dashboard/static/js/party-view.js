// Parties: the list of registered parties, and one party's page with its ownership graph, its
// owners and ownership findings, its screening hits with their per-feature explanations, and the
// decision dialog (confirm or dismiss with a reason, recorded in the audit log).

import { getJson, postJson } from './api.js';
import { h, table, when } from './dom.js';
import { redrawView } from './alert-actions.js';
import { openFormDialog, reasonField } from './form-dialog.js';
import { ownershipGraph } from './ownership-graph.js';
import { partyRecord } from './party-record.js';

const enc = encodeURIComponent;

export async function renderParties(el, params) {
  const after = params.get('after') || '';
  const page = await getJson(`/api/v1/parties?limit=100${after ? `&after=${enc(after)}` : ''}`);
  el.append(
    h('h1', {}, 'Parties'),
    h('p', {}, 'Exporters, consignees, end users, operators and their owners, each screened against the lists when saved.'),
    table([
      { label: 'Party', cell: (p) => h('a', { href: `#/parties/${enc(p.id)}` }, p.names[0]) },
      { label: 'Id', cell: (p) => p.id },
      { label: 'Kind', cell: (p) => p.kind },
      { label: 'Incorporated in', cell: (p) => p.country_of_incorporation || '' },
      { label: 'Since', cell: (p) => p.incorporated_on || '' },
    ], page.items, 'Registered parties'),
    page.next_cursor ? h('p', {}, h('a', { href: `#/parties?after=${enc(page.next_cursor)}` }, 'Next page')) : null);
  el.dataset.ready = 'true';
}

function details(p) {
  const rows = [
    ['Kind', p.kind],
    ['Names', p.names.join(' · ')],
    ['Aliases', p.aliases.join(' · ')],
    ['Registration numbers', p.registration_numbers.join(' · ')],
    ['Addresses', p.addresses.join(' · ')],
    ['Incorporated in', p.country_of_incorporation || ''],
    ['Headquarters', p.headquarters_country || ''],
    ['Incorporated on', p.incorporated_on || ''],
    ['Revision', `${p.revision}, updated ${when(p.updated_at)}`],
  ].filter(([, v]) => v);
  return h('dl', { class: 'party-details' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

/** An OWNERSHIP hit for an organisation whose owners are not (all) disclosed, not a listed owner. */
function unknownOwnership(hit) {
  return hit.kind === 'OWNERSHIP' && hit.explanation.rule === 'OWNERSHIP-UNKNOWN';
}

function percent(x) {
  return `${Number(Number(x).toFixed(2))} %`;
}

function hitTitle(hit) {
  if (unknownOwnership(hit)) {
    return `Ownership not disclosed: ${percent(hit.explanation.undisclosed_percent)} unknown`;
  }
  return hit.kind === 'OWNERSHIP' ? `Owned by a listed party: ${hit.source}` : `${hit.decision} ${hit.score.toFixed(3)}: ${hit.source} ${hit.entry_id}`;
}

function explanation(hit) {
  const e = hit.explanation;
  if (unknownOwnership(hit)) {
    const owners = e.direct_owners || [];
    return h('div', { class: 'hit-explanation' },
      h('p', {}, e.summary),
      owners.length ? h('p', { class: 'disclosed-owners' }, 'Known direct owners: ',
        owners.map((o, i) => [i ? ', ' : '', `${o.id} ${percent(o.percent)}`]), ` (${percent(e.disclosed_percent)} disclosed)`) : null,
      h('p', { class: 'citation' }, `A red flag from ${percent(e.threshold_undisclosed_percent)} undisclosed: ${e.citation}`));
  }
  if (hit.kind === 'OWNERSHIP') {
    return h('div', { class: 'hit-explanation' },
      h('p', {}, e.summary),
      h('ol', { class: 'ownership-paths' }, (e.paths || []).map((p) => h('li', {},
        p.parties.map((x, i) => [i ? ` —${p.percents[i - 1]} %→ ` : '', x.name]), ` = ${p.share_percent.toFixed(2)} %`))),
      h('p', { class: 'citation' }, `${e.rule} (${e.rule_version}, ${e.rule_status}): ${e.citation}`));
  }
  return h('div', { class: 'hit-explanation' },
    h('p', {}, `Query “${e.query}” against ${hit.source} ${hit.entry_id}: “${hit.listed_name}”`,
      hit.matched_name !== hit.listed_name ? ` (matched “${hit.matched_name}”)` : ''),
    table([
      { label: 'Feature', cell: (f) => f.feature },
      { label: 'Contribution', class: 'num', cell: (f) => (f.contribution >= 0 ? '+' : '') + f.contribution.toFixed(3) },
      { label: 'What was compared', cell: (f) => f.detail },
    ], e.features || [], `Why hit ${hit.id} scored ${hit.score.toFixed(3)}`));
}

function decisionButtons(hit) {
  const out = [];
  if (hit.status === 'OPEN' || hit.status === 'DISMISSED') {
    out.push(h('button', { type: 'button', class: 'confirm-hit', dataset: { hit: hit.id }, onclick: () => openDecisionDialog(hit, 'confirm') }, 'Confirm'));
  }
  if (hit.status === 'OPEN' || hit.status === 'CONFIRMED') {
    out.push(h('button', { type: 'button', class: 'dismiss-hit secondary', dataset: { hit: hit.id }, onclick: () => openDecisionDialog(hit, 'dismiss') }, 'Dismiss'));
  }
  return out;
}

function hitCard(hit) {
  return h('article', { class: 'hit', dataset: { hit: hit.id, status: hit.status, kind: hit.kind } },
    h('h3', {}, h('span', { class: 'hit-status', dataset: { status: hit.status } }, hit.status), ' ',
      hitTitle(hit)),
    explanation(hit),
    hit.decided_by ? h('p', { class: 'decision' }, `${hit.status.toLowerCase()} by ${hit.decided_by} ${when(hit.decided_at)}: ${hit.decision_reason}`) : null,
    h('div', { class: 'hit-actions' }, decisionButtons(hit)));
}

export function openDecisionDialog(hit, decision) {
  const verb = decision === 'confirm' ? 'Confirm' : 'Dismiss';
  let redrawn = Promise.resolve();
  openFormDialog({
    className: 'transition decision',
    titleId: 'decision-title',
    title: `${verb} hit ${hit.id}`,
    context: hit.kind === 'OWNERSHIP' ? hit.explanation.summary : `${hit.matched_name} ~ ${hit.listed_name} (${hit.source} ${hit.entry_id})`,
    label: 'Reason (recorded in the audit log)',
    field: reasonField('decision-reason', 'reason'),
    required: true,
    confirm: verb,
    confirmAttrs: { value: decision },
    failure: `${verb} failed`,
    submit: async (reason, dialog) => {
      await postJson(`/api/v1/screening/hits/${hit.id}/decision`, { decision, reason });
      redrawn = redrawView();
      dialog.close();
      document.getElementById('live').textContent = `Hit ${hit.id}: ${decision === 'confirm' ? 'confirmed' : 'dismissed'}.`;
      await redrawn;
    },
    onClose: () => redrawn.finally(() => document.getElementById('main').focus()),
  });
}

export async function renderParty(el, id) {
  const [party, report, hits, record] = await Promise.all([
    getJson(`/api/v1/parties/${enc(id)}`),
    getJson(`/api/v1/parties/${enc(id)}/ownership`),
    getJson(`/api/v1/screening/hits?limit=200&party_id=${enc(id)}`),
    partyRecord(id),
  ]);
  const open = hits.items.filter((x) => x.status !== 'GONE');
  el.append(
    h('p', {}, h('a', { href: '#/parties' }, '← Parties')),
    h('h1', {}, party.names[0]),
    details(party),
    h('section', { class: 'ownership' },
      h('h2', {}, `Ownership on ${report.on}`),
      report.owners.length
        ? h('div', { class: 'graph-box' }, ownershipGraph(party, report))
        : h('p', {}, 'No owners recorded.'),
      report.owners.length ? table([
        { label: 'Owner', cell: (o) => h('a', { href: `#/parties/${enc(o.party_id)}` }, o.name) },
        { label: 'Aggregate share', class: 'num', cell: (o) => `${o.aggregate_percent.toFixed(2)} %` },
        { label: 'On a list', cell: (o) => o.designations.join(', ') },
      ], report.owners, `Owners of ${party.names[0]}, direct and indirect`) : null,
      report.findings.length ? h('ul', { class: 'findings' }, report.findings.map((f) => h('li', { dataset: { type: f.type } }, f.summary))) : null),
    h('section', { class: 'hits' },
      h('h2', {}, `Screening hits (${open.length})`),
      open.length ? open.map(hitCard) : h('p', {}, 'No hits: the party matches no list entry and no ownership rule.')),
    record);
  el.dataset.ready = 'true';
}
