// How chip statuses look: label, explanation and colour (each colour also has a text label, so no
// meaning rests on colour alone). The server computes one status per chip (its latest verdict,
// overruled by its open alerts and the age of its proof) and sends it everywhere; verdict headlines
// in a chip's history use the same table.

import STATUSES from './statuses.json' with { type: 'json' };

/**
 * Every status, most in need of attention first: {key, label, colour, help}. The server writes this
 * table from its one definition of the statuses (ChipStatus), so labels, colours and ranking here
 * are the ones it computes with.
 */
export { STATUSES };

const BY_KEY = Object.fromEntries(STATUSES.map((v) => [v.key, v]));
const ATTENTION = STATUSES.findIndex((v) => v.key === 'NO_VERDICT');

export function status(key) {
  return BY_KEY[key] || { key, label: key, colour: '#6b6b6b', help: '' };
}

/** A verdict headline (a chip's history) looks like the status of the same name. */
export const headline = status;

/** True for a status someone should look at (ranked above "no verdict yet"). */
export function needsAttention(key) {
  const i = STATUSES.findIndex((v) => v.key === key);
  return i >= 0 && i < ATTENTION;
}

/** The most serious status with a non-zero count, from a {by_status: {...}} object. */
export function worst(counts) {
  for (const v of STATUSES) {
    if ((counts.by_status[v.key] || 0) > 0) {
      return v;
    }
  }
  return BY_KEY.NO_VERDICT;
}

/** The most serious status needing attention with a non-zero count, or null when there is none. */
export function worstProblem(counts) {
  const w = worst(counts);
  return needsAttention(w.key) ? w : null;
}

/** The status most chips have (ties: the more serious one). */
export function dominant(counts) {
  let best = BY_KEY.NO_VERDICT;
  let most = -1;
  for (const v of STATUSES) {
    const n = counts.by_status[v.key] || 0;
    if (n > most) {
      best = v;
      most = n;
    }
  }
  return best;
}

export function chipBadge(key) {
  const v = status(key);
  const span = document.createElement('span');
  span.className = 'verdict';
  span.dataset.verdict = key;
  span.style.setProperty('--verdict-colour', v.colour);
  span.textContent = v.label;
  span.title = v.help;
  return span;
}

export const SEVERITY_ORDER = ['CRITICAL', 'WARNING', 'INFO'];

/** The headlines a verdict itself can have (a chip's history), most serious first. */
export const VERDICT_HEADLINES = STATUSES.filter((v) =>
  ['IN_RESTRICTED', 'OUTSIDE_ZONE', 'INCONSISTENT', 'INCONCLUSIVE', 'EXCLUDES_RESTRICTED', 'IN_ZONE'].includes(v.key));
