// How headline verdicts look: label, explanation and colour (each colour also has a text label,
// so no meaning rests on colour alone).

export const HEADLINES = [
  { key: 'IN_RESTRICTED', label: 'In restricted country', colour: '#b2182b',
    help: 'The whole feasible region lies in a restricted jurisdiction: proven violation.' },
  { key: 'OUTSIDE_ZONE', label: 'Outside licensed zone', colour: '#d95f02',
    help: 'The feasible region does not touch the licensed zone: proven diversion or relocation.' },
  { key: 'INCONSISTENT', label: 'Inconsistent', colour: '#7b3294',
    help: 'The discs do not intersect: a landmark position or clock is wrong.' },
  { key: 'INCONCLUSIVE', label: 'Inconclusive', colour: '#6b6b6b',
    help: 'Nothing could be proven: too few or too distant landmarks.' },
  { key: 'NO_VERDICT', label: 'No verdict yet', colour: '#8f8f8f',
    help: 'The chip has never been assessed.' },
  { key: 'EXCLUDES_RESTRICTED', label: 'Not in restricted country', colour: '#2c7fb8',
    help: 'The feasible region avoids every restricted jurisdiction.' },
  { key: 'IN_ZONE', label: 'In licensed zone', colour: '#1a9850',
    help: 'The feasible region lies inside the licensed zone.' },
];

const BY_KEY = Object.fromEntries(HEADLINES.map((v) => [v.key, v]));

export function headline(key) {
  return BY_KEY[key] || { key, label: key, colour: '#6b6b6b', help: '' };
}

/** The most serious headline with a non-zero count, from a {by_verdict: {...}} object. */
export function worst(counts) {
  for (const v of HEADLINES) {
    if ((counts.by_verdict[v.key] || 0) > 0) {
      return v;
    }
  }
  return BY_KEY.NO_VERDICT;
}

const PROBLEMS = ['IN_RESTRICTED', 'OUTSIDE_ZONE', 'INCONSISTENT'];

/** The most serious proven problem with a non-zero count, or null when there is none. */
export function worstProblem(counts) {
  const key = PROBLEMS.find((k) => (counts.by_verdict[k] || 0) > 0);
  return key ? BY_KEY[key] : null;
}

/** The headline most chips have (ties: the more serious one). */
export function dominant(counts) {
  let best = BY_KEY.NO_VERDICT;
  let most = -1;
  for (const v of HEADLINES) {
    const n = counts.by_verdict[v.key] || 0;
    if (n > most) {
      best = v;
      most = n;
    }
  }
  return best;
}

export function chipBadge(key) {
  const v = headline(key);
  const span = document.createElement('span');
  span.className = 'verdict';
  span.dataset.verdict = key;
  span.style.setProperty('--verdict-colour', v.colour);
  span.textContent = v.label;
  span.title = v.help;
  return span;
}

export const SEVERITY_ORDER = ['CRITICAL', 'WARNING', 'INFO'];
