/**
 * Pairs reduced to their distinct comparison-level vectors ("patterns") with a
 * count each. Millions of pairs have only a few thousand patterns, so
 * estimation runs over patterns in milliseconds.
 */
export interface Patterns {
  /** Pattern-major level matrix, `count` rows of `width` levels. */
  levels: Uint8Array;
  counts: Float64Array;
  width: number;
  size: number;
}

export function toPatterns(levels: Uint8Array, width: number, rows: number): Patterns {
  // Each pattern is coded as a number in base (highest level + 1): the order of codes is the order of level
  // vectors, and with the few levels comparisons have the codes stay small integers, which a Map counts fastest.
  let top = 0;
  for (let k = 0; k < rows * width; k++) if (levels[k] > top) top = levels[k];
  const base = top + 1;
  const counts = new Map<number, number>();
  for (let k = 0; k < rows; k++) {
    let code = 0;
    for (let x = 0; x < width; x++) code = code * base + levels[k * width + x];
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const codes = [...counts.keys()].sort((a, b) => a - b);
  const out: Patterns = { levels: new Uint8Array(codes.length * width), counts: new Float64Array(codes.length), width, size: codes.length };
  codes.forEach((code, p) => {
    out.counts[p] = counts.get(code)!;
    for (let x = width - 1; x >= 0; x--) {
      out.levels[p * width + x] = code % base;
      code = Math.floor(code / base);
    }
  });
  return out;
}

/**
 * Share of each non-missing level per comparison, add-one smoothed so no level is impossible.
 * `weightOf(r)` counts pattern r's pairs for less than their number (default: all of them).
 */
export function levelShares(p: Patterns, levelCounts: readonly number[], weightOf: (r: number) => number = (r) => p.counts[r]): number[][] {
  const weights = Array.from({ length: p.size }, (_, r) => weightOf(r));
  return levelCounts.map((count, x) => {
    const n = new Array<number>(count).fill(0);
    for (let r = 0; r < p.size; r++) n[p.levels[r * p.width + x]] += weights[r];
    n[0] = 0; // missing is not a level of evidence
    const total = n.reduce((s, v) => s + v, 0) + (count - 1);
    return n.map((v, l) => (l === 0 ? 0 : (v + 1) / total));
  });
}
