/**
 * Jaro–Winkler similarity (0..1) on UTF-16 code units, which is exact for Han
 * characters and Latin text alike. Written here because it sits in the hottest
 * loop of the matcher and needs no allocation beyond two small flag arrays.
 */
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (flagsA.length < la) flagsA = new Uint8Array(la * 2);
  if (flagsB.length < lb) flagsB = new Uint8Array(lb * 2);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
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
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
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
  let prefix = 0;
  const maxPrefix = Math.min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  // JW = J + 0.1·p·(1 − J) rises with J, and J ≤ (m/la + m/lb + 1)/3: the matches m needed at the least.
  const jaroNeeded = (threshold - 0.1 * prefix) / (1 - 0.1 * prefix);
  const matchesNeeded = (3 * jaroNeeded - 1) / (1 / la + 1 / lb) - 1e-9;
  if (Math.min(la, lb) < matchesNeeded) return false;
  if (flagsA.length < la) flagsA = new Uint8Array(la * 2);
  if (flagsB.length < lb) flagsB = new Uint8Array(lb * 2);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    if (matches + (la - i) < matchesNeeded) return false;
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === c) {
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  return jaroWinkler(a, b) >= threshold;
}
