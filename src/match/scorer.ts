import type { FieldComparison } from '../model/match.js';
import type { Comparison } from './comparisons/comparison.js';
import { compareLevel, levelLabel } from './comparisons/comparison.js';
import type { MatchFeatures } from './features.js';
import type { MatchModel } from './model.js';
import { TermFrequencies } from './estimate/term-frequency.js';

/**
 * Turns comparison levels into Fellegi–Sunter weights: each level adds
 * log2(m/u) bits to the prior; an agreement on a rare value adds its
 * term-frequency bonus (a common one loses bits). Probability = 2^w / (1 + 2^w).
 *
 * The prior is the match rate over all record pairs (λ × candidate pairs / all
 * pairs), not over candidate pairs: blocking only decides which pairs are
 * looked at, so two 王伟 in one district must earn their match from the
 * evidence, however many such pairs blocking happened to produce.
 */
export class Scorer {
  readonly prior: number;
  /** weights[x][level] in bits; level 0 (missing) is 0. */
  readonly weights: number[][];
  /** u per comparison and level, for the term-frequency adjustment; null where a level has none. */
  private readonly tfU: (number | null)[][];
  /** Scratch levels of one pair compared on demand. */
  private readonly row: Uint8Array;

  constructor(
    readonly comparisons: readonly Comparison[],
    readonly model: MatchModel,
    private readonly features: readonly MatchFeatures[],
    private readonly tf: TermFrequencies = new TermFrequencies(comparisons, features),
  ) {
    const rate = pairMatchRate(model.lambda, model.trainedOn.candidatePairs, features.length);
    this.prior = Math.log2(rate / (1 - rate));
    this.weights = model.comparisons.map((c) => [0, ...c.levels.map((l) => Math.log2(l.m / l.u))]);
    this.tfU = model.comparisons.map((c, x) => [null, ...c.levels.map((l, i) => (tf.adjusts(x, i + 1) ? l.u : null)), null]);
    this.row = new Uint8Array(comparisons.length);
  }

  /** Weight of pair (i, j) from its precomputed levels (row `k` of a pair-major matrix). */
  weightOf(levels: Uint8Array, k: number, i: number): number {
    const c = this.comparisons.length;
    let w = this.prior;
    for (let x = 0; x < c; x++) {
      const l = levels[k * c + x];
      if (l === 0) continue;
      // Summed term by term (not via levelWeight): another rounding would reorder near-tied review pairs between versions.
      w += this.weights[x][l];
      const u = this.tfU[x][l];
      if (u !== null) w += this.tf.adjustment(x, l, i, u);
    }
    return w;
  }

  /** Weight of any two records, compared now: what clustering's guards and scored pairs need, without the waterfall. */
  weight(i: number, j: number): number {
    const a = this.features[i];
    const b = this.features[j];
    const row = this.row;
    for (let x = 0; x < this.comparisons.length; x++) row[x] = compareLevel(this.comparisons[x], a, b);
    // Summed as for a compared pair, so a pair weighs the same whichever way its levels were found.
    return this.weightOf(row, 0, i);
  }

  /** Compare and score any two records, with the per-field waterfall. */
  explain(i: number, j: number): { weight: number; probability: number; comparisons: FieldComparison[] } {
    const a = this.features[i];
    const b = this.features[j];
    let weight = this.prior;
    const comparisons: FieldComparison[] = this.comparisons.map((c, x) => {
      const level = compareLevel(c, a, b);
      const w = this.levelWeight(x, level, i);
      weight += w;
      return { field: c.name, level: levelLabel(c, level), weight: round(w) };
    });
    return { weight: round(weight), probability: probabilityOf(weight), comparisons };
  }

  /** Bits comparison x adds at this level, with the term-frequency adjustment for the value record i has. */
  private levelWeight(x: number, level: number, i: number): number {
    const u = this.tfU[x][level];
    return u === null ? this.weights[x][level] : this.weights[x][level] + this.tf.adjustment(x, level, i, u);
  }
}

/** The match rate over all record pairs: λ of the candidate pairs, spread over every pair of n records (at most a half). */
export function pairMatchRate(lambda: number, candidatePairs: number, n: number): number {
  return Math.min(0.5, (lambda * candidatePairs) / Math.max(1, (n * (n - 1)) / 2));
}

export function probabilityOf(weight: number): number {
  return 1 / (1 + Math.pow(2, -weight));
}

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
