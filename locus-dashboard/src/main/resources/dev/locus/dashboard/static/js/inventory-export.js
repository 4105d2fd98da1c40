// Fleet inventory export (Chip Security Act §4(c): each chip's location and current end user):
// buttons that download /api/v1/inventory as CSV or JSON with the signed-in token, for the whole
// fleet or for one licence. The file is written by the server as it reads the database.

import { download } from './api.js';
import { h } from './dom.js';

/**
 * Export buttons for the whole fleet (no licence) or for one licence: one button per format and a
 * status line that says what was downloaded or why it failed.
 */
export function inventoryExport(licence, formats = ['csv', 'json']) {
  const status = h('span', { role: 'status', class: 'note inventory-status' });
  const buttons = formats.map((format) => h('button', {
    type: 'button',
    class: 'secondary inventory-export',
    dataset: { format, licence: licence || '' },
    title: licence ? `Inventory of the chips of licence ${licence} (${format.toUpperCase()})` : `Inventory of every chip (${format.toUpperCase()})`,
    onclick: async () => {
      status.textContent = ' preparing…';
      const q = new URLSearchParams({ format });
      if (licence) q.set('licence', licence);
      try {
        const name = await download(`/api/v1/inventory?${q}`, `locus-inventory${licence ? `-${licence}` : ''}.${format}`);
        status.textContent = ` downloaded ${name}`;
      } catch (e) {
        status.textContent = ` failed: ${e.message}`;
      }
    },
  }, licence ? `Inventory ${format.toUpperCase()}` : `Export inventory (${format.toUpperCase()})`));
  return h('span', { class: 'inventory' }, ...buttons, status);
}
