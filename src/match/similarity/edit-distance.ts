import levenshtein from 'fast-levenshtein';

/** Levenshtein distance, short-circuited for equal strings and very different lengths. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  return levenshtein.get(a, b);
}

/** Same length and differing only by one swap of adjacent characters ("1234" / "1324"). */
export function isAdjacentTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
