// The modal form dialog shared by the alert and screening actions: a title, an optional line of
// context, one labelled field, Cancel and a confirm button. The action runs on submit; a failure
// is shown inside the dialog, which stays open.

import { h } from './dom.js';

/** A required free-text reason (up to 2,000 characters), recorded in the audit log. */
export function reasonField(id, name) {
  return h('textarea', { id, name, rows: '4', required: true, maxlength: '2000' });
}

/**
 * Opens the dialog with focus in `field` (an element with an id). On submit, a blank field is
 * refused with "A reason is required." when `required`; otherwise `submit(value, dialog)` is
 * awaited with the field's trimmed value, and if it throws the dialog shows `${failure}: message`.
 * `onClose` runs once the closed dialog is removed.
 */
export function openFormDialog({
  className = 'transition', titleId, title, context, label, field, required = false,
  confirm, confirmAttrs = {}, failure, submit, onClose = () => {},
}) {
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const showError = (text) => {
    error.hidden = false;
    error.textContent = text;
  };
  const dialog = h('dialog', { class: className, 'aria-labelledby': titleId },
    h('form', { method: 'dialog' },
      h('h2', { id: titleId }, title),
      context === undefined ? null : h('p', {}, context),
      h('label', { for: field.id }, label),
      field,
      error,
      h('div', { class: 'dialog-buttons' },
        h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, 'Cancel'),
        h('button', { type: 'submit', class: 'confirm', ...confirmAttrs }, confirm))));
  dialog.querySelector('form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = field.value.trim();
    if (required && !value) {
      showError('A reason is required.');
      return;
    }
    try {
      await submit(value, dialog);
    } catch (err) {
      showError(`${failure}: ${err.message}`);
    }
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    onClose();
  });
  document.body.append(dialog);
  dialog.showModal();
  field.focus();
}
