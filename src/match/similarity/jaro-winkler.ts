/**
 * Jaro–Winkler similarity (0..1) on UTF-16 code units, which is exact for Han
 * characters and Latin text alike. Written here because it sits in the hottest
 * loop of the matcher and needs no allocation beyond two small flag arrays.
 */
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  return similarity(a, b, matchCharacters(a, b, 0));
}

/**
 * Exactly `jaroWinkler(a, b) >= threshold`, but gives up as soon as too few
 * characters are left to reach it. Most compared pairs (all of the random
 * pairs that estimate u) are far apart, and this stops after two or three
 * characters instead of scanning both strings.
 */
export function jaroWinklerAtLeast(a: string, b: string, threshold: number): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return threshold <= 0;
  // JW = J + 0.1·p·(1 − J) rises with J, and J ≤ (m/la + m/lb + 1)/3: the matches m needed at the least.
  const p = commonPrefix(a, b);
  const jaroNeeded = (threshold - 0.1 * p) / (1 - 0.1 * p);
  const matchesNeeded = (3 * jaroNeeded - 1) / (1 / la + 1 / lb) - 1e-9;
  if (Math.min(la, lb) < matchesNeeded) return false;
  const m = matchCharacters(a, b, matchesNeeded);
  return m >= 0 && similarity(a, b, m) >= threshold;
}

/**
 * Jaro's greedy matching within the window, marking matched characters in the
 * flag arrays. Returns the number of matches, or −1 as soon as fewer than
 * `needed` can still be reached.
 */
function matchCharacters(a: string, b: string, needed: number): number {
  const la = a.length;
  const lb = b.length;
  if (flagsA.length < la) flagsA = new Uint8Array(la * 2);
  if (flagsB.length < lb) flagsB = new Uint8Array(lb * 2);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    if (matches + (la - i) < needed) return -1;
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  return matches;
}

/** Jaro–Winkler from the matches {@link matchCharacters} just marked. */
function similarity(a: string, b: string, matches: number): number {
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  return jaro + commonPrefix(a, b) * 0.1 * (1 - jaro);
}

function commonPrefix(a: string, b: string): number {
  const max = Math.min(4, a.length, b.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}
