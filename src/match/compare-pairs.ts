import type { Comparison } from './comparisons/comparison.js';
import { compareLevel } from './comparisons/comparison.js';
import type { MatchFeatures } from './features.js';
import { uint8s } from '../model/big-arrays.js';

/**
 * Comparison levels of many pairs as one flat byte matrix (pair-major), so
 * estimation and scoring run over plain numbers instead of objects.
 */
export function comparePairs(
  features: MatchFeatures[],
  comparisons: readonly Comparison[],
  pairCount: number,
  pairAt: (k: number) => [number, number],
  onProgress?: (done: number) => void,
): Uint8Array {
  const c = comparisons.length;
  const levels = uint8s(pairCount * c);
  for (let k = 0; k < pairCount; k++) {
    const [i, j] = pairAt(k);
    compareInto(levels, k * c, comparisons, features[i], features[j]);
    if (onProgress && (k & 65535) === 0) onProgress(k);
  }
  return levels;
}

/** Levels of pairs `from` … `to − 1` of `codes` (each pair coded a · n + b) into their rows of `levels`. */
export function compareCodedPairs(
  features: readonly MatchFeatures[],
  comparisons: readonly Comparison[],
  codes: Float64Array,
  n: number,
  levels: Uint8Array,
  from: number,
  to: number,
): void {
  const c = comparisons.length;
  for (let k = from; k < to; k++) {
    const a = Math.floor(codes[k] / n);
    compareInto(levels, k * c, comparisons, features[a], features[codes[k] - a * n]);
  }
}

function compareInto(levels: Uint8Array, row: number, comparisons: readonly Comparison[], a: MatchFeatures, b: MatchFeatures): void {
  for (let x = 0; x < comparisons.length; x++) levels[row + x] = compareLevel(comparisons[x], a, b);
}
