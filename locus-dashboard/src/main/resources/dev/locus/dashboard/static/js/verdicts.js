// How chip statuses look: label, explanation and colour (each colour also has a text label, so no
// meaning rests on colour alone). The server computes one status per chip (its latest verdict,
// overruled by its open alerts and the age of its proof) and sends it everywhere; verdict headlines
// in a chip's history use the same table.

export const STATUSES = [
  { key: 'IN_RESTRICTED', label: 'In restricted country', colour: '#b2182b',
    help: 'The whole feasible region lies in a restricted jurisdiction: proven violation.' },
  { key: 'OUTSIDE_ZONE', label: 'Outside licensed zone', colour: '#d95f02',
    help: 'The feasible region does not touch the licensed zone: proven diversion or relocation.' },
  { key: 'CLONED', label: 'Copied identity', colour: '#c51b7d',
    help: 'The chip answered from places no travel between the answers explains: two devices use its identity, so its key has probably been copied.' },
  { key: 'SILENT', label: 'Silent', colour: '#8c510a',
    help: 'The chip has stopped attesting for longer than policy allows: its last proof is old, and silence is how a diversion starts.' },
  { key: 'MOVED', label: 'Moved', colour: '#a6761d',
    help: 'The feasible region no longer overlaps the previous one: the chip was moved.' },
  { key: 'INCONSISTENT', label: 'Inconsistent', colour: '#7b3294',
    help: 'The discs do not intersect: no single place explains the answers. Either two devices answer with this identity, or a landmark\'s position or clock is wrong (see Landmarks).' },
  { key: 'UNVERIFIED', label: 'Unverified', colour: '#d6604d',
    help: 'No verdict has proven the chip compliant for longer than policy allows.' },
  { key: 'STALE', label: 'Stale proof', colour: '#bf812d',
    help: 'The latest verdict rests on attestations older than the silence policy.' },
  { key: 'INCONCLUSIVE', label: 'Inconclusive', colour: '#6b6b6b',
    help: 'Nothing could be proven: too few or too distant landmarks.' },
  { key: 'NO_VERDICT', label: 'No verdict yet', colour: '#8f8f8f',
    help: 'The chip has never been assessed.' },
  { key: 'EXCLUDES_RESTRICTED', label: 'Not in restricted country', colour: '#2c7fb8',
    help: 'The feasible region avoids every restricted jurisdiction.' },
  { key: 'IN_ZONE', label: 'In licensed zone', colour: '#1a9850',
    help: 'The feasible region lies inside the licensed zone, on a recent proof.' },
];

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
