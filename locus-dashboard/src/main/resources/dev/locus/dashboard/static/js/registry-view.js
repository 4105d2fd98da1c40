// The registry for officers: organisations, sites and licences listed by kind, one record with its
// audit history, and (for roles that may change the registry) forms to register and edit them.
// Chips are edited on their own page.

import { getJson, getVersioned } from './api.js';
import { count, h, table, when } from './dom.js';
import { KINDS, editButton, newButton, valueOf } from './registry-forms.js';
import { entryList } from './audit-view.js';

const LISTED = ['organisations', 'sites', 'licences'];

function tabs(current) {
  return h('nav', { class: 'registry-tabs', 'aria-label': 'Registry records' },
    LISTED.map((k) => h('a', { href: `#/registry/${k}`, 'aria-current': k === current ? 'page' : null }, k.charAt(0).toUpperCase() + k.slice(1))),
    h('a', { href: '#/fleet' }, 'Chips (fleet)'));
}

function recordHref(kind, id) {
  return `#/registry/${kind}/${encodeURIComponent(id)}`;
}

function facts(kind, record) {
  return h('dl', { class: 'facts record-facts' }, KINDS[kind].fields.map((f) => [
    h('dt', {}, f.label), h('dd', { dataset: { field: f.name } },
      f.ref && valueOf(record, f.name) ? h('a', { href: recordHref(f.ref, valueOf(record, f.name)) }, valueOf(record, f.name)) : valueOf(record, f.name) || '—')]),
  h('dt', {}, 'Registered'), h('dd', {}, when(record.created_at)));
}

async function renderList(el, kind) {
  const page = await getJson(`/api/v1/${kind}?limit=1000`);
  const spec = KINDS[kind];
  const formBox = h('div', { class: 'edit-box' });
  const columns = spec.fields.filter((f) => !f.textarea).map((f, i) => ({
    label: f.label,
    cell: (r) => (i === 0 ? h('a', { href: recordHref(kind, valueOf(r, f.name)) }, valueOf(r, f.name)) : valueOf(r, f.name) || '—'),
  }));
  el.append(
    h('h1', {}, `Registry: ${kind}`), tabs(kind),
    h('div', { class: 'record-actions' }, newButton(kind, formBox, (saved) => { location.hash = recordHref(kind, valueOf(saved, spec.fields[0].name)); })),
    formBox,
    h('p', { class: 'note' }, `${count(page.items.length)} ${page.items.length === 1 ? spec.singular : kind}${page.next_cursor ? ' (the first 1,000)' : ''}.`),
    h('div', { class: 'table-scroll' }, table(columns, page.items, `Registered ${kind}`)));
}

async function renderRecord(el, kind, id) {
  const spec = KINDS[kind];
  const { record } = await getVersioned(`/api/v1/${kind}/${encodeURIComponent(id)}`);
  const formBox = h('div', { class: 'edit-box' });
  const history = entryList(new URLSearchParams({ entity_type: spec.singular, entity_id: id }),
    { caption: `Audit entries about ${spec.singular} ${id}, newest first`, pageSize: 20 });
  el.append(
    h('h1', {}, `${spec.singular.charAt(0).toUpperCase() + spec.singular.slice(1)} ${id}`), tabs(kind),
    h('section', { class: 'record' }, facts(kind, record),
      h('div', { class: 'record-actions' }, editButton(kind, id, formBox, () => { window.dispatchEvent(new HashChangeEvent('hashchange')); })),
      formBox),
    h('section', { class: 'record-history' }, h('h2', {}, 'History'),
      h('p', {}, h('a', { href: `#/audit?entity_type=${spec.singular}&entity_id=${encodeURIComponent(id)}` }, 'Open in the audit trail')),
      history.element));
  await history.load();
}

export async function renderRegistry(el, kind, id) {
  const k = LISTED.includes(kind) ? kind : 'sites';
  if (id) {
    await renderRecord(el, k, id);
  } else {
    await renderList(el, k);
  }
  el.dataset.ready = 'true';
}
