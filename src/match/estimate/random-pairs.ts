import { float64s } from '../../model/big-arrays.js';

/** Seeded PRNG (mulberry32): the same data always gives the same sample, so outputs are reproducible. */
export function mulberry32(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Random record pairs for estimating u (how often non-matches agree by chance).
 * With n records almost every random pair is a non-match, so no labels are needed.
 * Small inputs use every pair.
 */
export function randomPairs(n: number, maxPairs: number, seed = 0x5eed): Float64Array {
  const total = (n * (n - 1)) / 2;
  if (total <= maxPairs) {
    const all = float64s(total);
    let k = 0;
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) all[k++] = a * n + b;
    return all;
  }
  const rand = mulberry32(seed ^ n);
  const out = float64s(maxPairs);
  for (let k = 0; k < maxPairs; ) {
    const a = Math.floor(rand() * n);
    const b = Math.floor(rand() * n);
    if (a === b) continue;
    out[k++] = a < b ? a * n + b : b * n + a;
  }
  return out;
}
