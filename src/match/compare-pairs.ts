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
    const a = features[i];
    const b = features[j];
    for (let x = 0; x < c; x++) levels[k * c + x] = compareLevel(comparisons[x], a, b);
    if (onProgress && (k & 65535) === 0) onProgress(k);
  }
  return levels;
}
