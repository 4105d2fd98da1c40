// Registry and custody editing for officers: forms that create and edit organisations, sites,
// licences and chips, and one that records a custody event on a chip's page. They are offered only
// to roles with WRITE_REGISTRY; the server checks every request again. A VALIDATION_FAILED answer
// puts each problem next to its field; a 409 (the record changed since the form was opened) says
// so and offers the current values. Every value is set as text, never parsed as markup.

import { getJson, getVersioned, postJson, putVersioned } from './api.js';
import { h } from './dom.js';
import { may } from './session.js';

const ORG_KINDS = ['EXPORTER', 'DISTRIBUTOR', 'END_USER', 'CLOUD_OPERATOR'];
const CUSTODY_KINDS = ['SHIPPED', 'RECEIVED', 'INSTALLED', 'MOVED', 'RETURNED', 'DECOMMISSIONED'];

// ref: the registry list whose ids a field names (offered as a list to pick from)
export const KINDS = {
  organisations: {
    singular: 'organisation',
    fields: [
      { name: 'id', label: 'Identifier' },
      { name: 'name', label: 'Name', editable: true },
      { name: 'kind', label: 'Kind', options: ORG_KINDS, editable: true },
      { name: 'country', label: 'Country (ISO 3166 code, e.g. SG)', editable: true },
    ],
  },
  sites: {
    singular: 'site',
    fields: [
      { name: 'id', label: 'Identifier' },
      { name: 'name', label: 'Name', editable: true },
      { name: 'operator_id', label: 'Operator (organisation)', ref: 'organisations', editable: true },
      { name: 'country', label: 'Country (ISO 3166 code)', editable: true },
      { name: 'latitude_deg', label: 'Latitude (degrees)', type: 'number', editable: true },
      { name: 'longitude_deg', label: 'Longitude (degrees)', type: 'number', editable: true },
      { name: 'zone_radius_km', label: 'Licensed zone radius (km)', type: 'number', editable: true },
    ],
  },
  licences: {
    singular: 'licence',
    fields: [
      { name: 'id', label: 'Identifier' },
      { name: 'exporter_id', label: 'Exporter (organisation)', ref: 'organisations', editable: true },
      { name: 'end_user_id', label: 'End user (organisation)', ref: 'organisations', editable: true },
      { name: 'site_id', label: 'Site', ref: 'sites', editable: true },
      { name: 'chip_count', label: 'Chips allowed', type: 'number', editable: true },
      { name: 'valid_from', label: 'Valid from', type: 'date', editable: true },
      { name: 'valid_until', label: 'Valid until', type: 'date', editable: true },
      { name: 'conditions', label: 'Conditions', textarea: true, optional: true, editable: true },
    ],
  },
  chips: {
    singular: 'chip',
    fields: [
      { name: 'serial', label: 'Serial' },
      { name: 'model', label: 'Model', editable: true },
      { name: 'declared_site_id', label: 'Declared site', ref: 'sites', editable: true },
      { name: 'licence_id', label: 'Licence', ref: 'licences', optional: true, editable: true },
    ],
  },
};

/** True when the signed-in role may change the registry (the server decides again). */
export function mayEdit() {
  return may('WRITE_REGISTRY');
}

/** The stored record's value of a field as the form shows it (a site's position is an object). */
export function valueOf(record, name) {
  if (!record) return '';
  const v = {
    latitude_deg: record.position?.latitude_degrees,
    longitude_deg: record.position?.longitude_degrees,
  }[name] ?? record[name];
  return v === null || v === undefined ? '' : String(v);
}

async function options(ref) {
  const page = await getJson(`/api/v1/${ref}?limit=1000`);
  return page.items.map((r) => ({ id: r.id, label: r.name ? `${r.name} (${r.id})` : r.site_id ? `${r.id} — site ${r.site_id}` : r.id }));
}

function fieldBox(formId, f, value, editing, choices) {
  const id = `${formId}-${f.name}`;
  const errorId = `${id}-error`;
  const locked = editing && !f.editable;
  const common = { id, name: f.name, 'aria-describedby': errorId, disabled: locked, required: !f.optional && !locked };
  let input;
  if (f.options || choices) {
    const list = f.options ? f.options.map((o) => ({ id: o, label: o })) : choices;
    const known = list.some((o) => o.id === value);
    input = h('select', common,
      f.optional ? h('option', { value: '' }, '— none —') : (value ? null : h('option', { value: '' }, '— choose —')),
      value && !known ? h('option', { value }, value) : null,
      list.map((o) => h('option', { value: o.id, selected: o.id === value }, o.label)));
  } else if (f.textarea) {
    input = h('textarea', { ...common, rows: 3 });
    input.value = value;
  } else {
    input = h('input', { ...common, type: f.type === 'date' ? 'date' : 'text', inputmode: f.type === 'number' ? 'decimal' : null,
      autocomplete: 'off', spellcheck: 'false' });
    input.value = value;
  }
  return h('div', { class: 'field', dataset: { field: f.name } },
    h('label', { for: id, dataset: { name: f.label.replace(/ \(.*\)$/, '') } }, f.label, f.optional ? ' (optional)' : ''), input,
    h('p', { class: 'field-error', id: errorId, hidden: true }));
}

/** Puts each problem of a refused request next to its field; the others go to the form's message. */
function showProblems(form, message, e, singular) {
  for (const p of form.querySelectorAll('.field-error')) {
    p.hidden = true;
    p.textContent = '';
  }
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  message.className = 'form-message error';
  if (e.status === 409) {
    message.classList.add('stale');
    message.textContent = `Not saved: this ${singular} was changed by someone else after you opened it. `
      + 'Load the current version, then make your change again.';
    return;
  }
  if (e.status === 403) {
    message.textContent = `Not saved: your role may not change the registry (${e.message}).`;
    return;
  }
  const loose = [];
  for (const p of e.problems || []) {
    const box = form.querySelector(`.field[data-field="${CSS.escape(p.field)}"]`);
    if (box) {
      const err = box.querySelector('.field-error');
      const label = box.querySelector('label').dataset.name;
      err.textContent = err.textContent ? `${err.textContent}; ${p.message}` : `${label} ${p.message}${p.value ? ` (got “${p.value}”)` : ''}`;
      err.hidden = false;
      box.querySelector('input, select, textarea').setAttribute('aria-invalid', 'true');
    } else {
      loose.push(`${p.field} ${p.message}`);
    }
  }
  message.textContent = e.code === 'VALIDATION_FAILED'
    ? `Not saved: ${(e.problems || []).length} field(s) need attention.${loose.length ? ` ${loose.join('; ')}.` : ''}`
    : `Not saved: ${e.message}${e.code ? ` (${e.code})` : ''}`;
  const first = form.querySelector('[aria-invalid="true"]');
  if (first) first.focus();
}

/**
 * A form that creates a record of `kind`, or edits `current` ({record, etag} as read with its ETag).
 * `onSaved(record)` runs after the server stored it.
 */
export async function recordForm(kind, { current = null, onSaved, onCancel } = {}) {
  const spec = KINDS[kind];
  const editing = !!current;
  const formId = `${editing ? 'edit' : 'new'}-${spec.singular}`;
  const refs = {};
  for (const ref of new Set(spec.fields.filter((f) => f.ref).map((f) => f.ref))) {
    refs[ref] = await options(ref);
  }
  const message = h('p', { class: 'form-message', role: 'alert', hidden: true });
  const reload = h('button', { type: 'button', class: 'secondary reload-record', hidden: true }, 'Load the current version');
  const form = h('form', { class: 'record-form', id: formId, dataset: { kind }, novalidate: true },
    h('h3', {}, editing ? `Edit ${spec.singular} ${valueOf(current.record, spec.fields[0].name)}` : `New ${spec.singular}`),
    h('div', { class: 'form-grid' },
      spec.fields.map((f) => fieldBox(formId, f, valueOf(current?.record, f.name), editing, f.ref ? refs[f.ref] : null))),
    message, h('div', { class: 'form-buttons' },
      h('button', { type: 'submit' }, editing ? 'Save changes' : `Register ${spec.singular}`),
      reload,
      h('button', { type: 'button', class: 'secondary', onclick: () => onCancel && onCancel() }, 'Cancel')));
  let etag = current?.etag;
  reload.addEventListener('click', async () => {
    const fresh = await getVersioned(`/api/v1/${kind}/${encodeURIComponent(valueOf(current.record, spec.fields[0].name))}`);
    form.replaceWith(await recordForm(kind, { current: fresh, onSaved, onCancel }));
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {};
    for (const f of spec.fields) {
      const el = form.elements[f.name];
      if (el.disabled) continue;
      if (el.value.trim() !== '' || (editing && f.optional)) body[f.name] = el.value.trim();
    }
    message.hidden = true;
    try {
      const saved = editing
        ? (await putVersioned(`/api/v1/${kind}/${encodeURIComponent(valueOf(current.record, spec.fields[0].name))}`, body, etag)).record
        : await postJson(`/api/v1/${kind}`, body);
      message.className = 'form-message saved';
      message.textContent = `Saved ${spec.singular} ${valueOf(saved, spec.fields[0].name)}.`;
      message.hidden = false;
      if (onSaved) await onSaved(saved);
    } catch (e) {
      showProblems(form, message, e, spec.singular);
      message.hidden = false;
      reload.hidden = e.status !== 409;
    }
  });
  return form;
}

/** "Edit" that opens the edit form of one stored record in `box`; nothing for roles that may not edit. */
export function editButton(kind, id, box, onSaved) {
  if (!mayEdit()) return null;
  return h('button', { type: 'button', class: `secondary edit-record edit-${KINDS[kind].singular}`, onclick: async () => {
    const current = await getVersioned(`/api/v1/${kind}/${encodeURIComponent(id)}`);
    box.replaceChildren(await recordForm(kind, { current, onSaved, onCancel: () => box.replaceChildren() }));
    box.querySelector('select:not([disabled]), input:not([disabled]), textarea').focus();
  } }, `Edit ${KINDS[kind].singular}`);
}

/** "New …" that opens an empty form of `kind` in `box`; nothing for roles that may not edit. */
export function newButton(kind, box, onSaved) {
  if (!mayEdit()) return null;
  return h('button', { type: 'button', class: `new-record new-${KINDS[kind].singular}`, onclick: async () => {
    box.replaceChildren(await recordForm(kind, { onSaved, onCancel: () => box.replaceChildren() }));
    box.querySelector('input, select').focus();
  } }, `New ${KINDS[kind].singular}`);
}

/** The form that records a custody event of one chip (shipped, received, installed, moved, …). */
export async function custodyForm(serial, { onSaved, onCancel } = {}) {
  const sites = await options('sites');
  const formId = 'custody';
  const fields = [
    { name: 'kind', label: 'Event', options: CUSTODY_KINDS, editable: true },
    { name: 'site_id', label: 'Site (required when received or installed)', optional: true, editable: true },
    { name: 'occurred_at', label: 'When (UTC, e.g. 2026-12-06T09:30:00Z; empty: now)', optional: true, editable: true },
    { name: 'note', label: 'Note', textarea: true, optional: true, editable: true },
  ];
  const message = h('p', { class: 'form-message', role: 'alert', hidden: true });
  const form = h('form', { class: 'record-form custody-form', id: 'custody-form', novalidate: true },
    h('h3', {}, `Record a custody event of chip ${serial}`),
    h('div', { class: 'form-grid' }, fields.map((f) => fieldBox(formId, f, '', false, f.name === 'site_id' ? sites : null))),
    message,
    h('div', { class: 'form-buttons' }, h('button', { type: 'submit' }, 'Record event'),
      h('button', { type: 'button', class: 'secondary', onclick: () => onCancel && onCancel() }, 'Cancel')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {};
    for (const f of fields) {
      const v = form.elements[f.name].value.trim();
      if (v) body[f.name] = v;
    }
    try {
      const saved = await postJson(`/api/v1/chips/${encodeURIComponent(serial)}/custody-events`, body);
      if (onSaved) await onSaved(saved);
    } catch (e) {
      showProblems(form, message, e, 'chip');
      message.hidden = false;
    }
  });
  return form;
}

/**
 * Adds the officer's actions to a rendered chip page: edit the chip's registry record (licence,
 * declared site, model) and record a custody event. `redraw` re-renders the page after a change.
 */
export function chipEditing(el, serial, redraw) {
  if (!mayEdit()) return;
  const facts = el.querySelector('.chip-facts');
  const custody = el.querySelector('.chip-custody');
  if (facts) {
    const box = h('div', { class: 'edit-box' });
    facts.append(h('div', { class: 'record-actions' }, editButton('chips', serial, box, redraw)), box);
  }
  if (custody) {
    const box = h('div', { class: 'edit-box' });
    custody.querySelector('h2').after(h('div', { class: 'record-actions' },
      h('button', { type: 'button', class: 'record-custody', onclick: async () => {
        box.replaceChildren(await custodyForm(serial, { onSaved: redraw, onCancel: () => box.replaceChildren() }));
        box.querySelector('select').focus();
      } }, 'Record custody event')), box);
  }
}
