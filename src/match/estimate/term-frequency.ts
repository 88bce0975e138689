import type { Comparison } from '../comparisons/comparison.js';
import type { MatchFeatures } from '../features.js';

/** Bounds of the adjustment, in bits: rarity can strengthen an agreement 16×, commonness weaken it 256×. */
const MAX_BONUS = 4;
const MAX_PENALTY = -8;

/**
 * Term-frequency tables: for comparisons that declare a value (name, street,
 * locality, company), how often each value occurs. An exact agreement then
 * weighs log2(u_exact / tf(value)) bits more (or less) than the average.
 */
export class TermFrequencies {
  private readonly tables: (Map<string, number> | null)[];
  private readonly size: number;

  constructor(
    private readonly comparisons: readonly Comparison[],
    features: readonly MatchFeatures[],
  ) {
    this.tables = comparisons.map((c) => {
      if (!c.termFrequencyValue) return null;
      const counts = new Map<string, number>();
      for (const f of features) {
        const v = c.termFrequencyValue(f);
        if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      return counts.size ? counts : null;
    });
    this.size = features.length;
  }

  /** Extra bits for comparison x when two records agree exactly on the value of `f`. */
  adjustment(x: number, f: MatchFeatures, uExact: number): number {
    const table = this.tables[x];
    if (!table) return 0;
    const value = this.comparisons[x].termFrequencyValue!(f);
    const count = value === null ? 0 : (table.get(value) ?? 0);
    if (count === 0) return 0;
    const bits = Math.log2(uExact / (count / this.size));
    return Math.max(MAX_PENALTY, Math.min(MAX_BONUS, bits));
  }
}
