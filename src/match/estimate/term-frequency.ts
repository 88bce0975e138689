import type { Comparison } from '../comparisons/comparison.js';
import type { MatchFeatures } from '../features.js';

/** Bounds of the adjustment, in bits: rarity can strengthen an agreement 16×, commonness weaken it 256×. */
const MAX_BONUS = 4;
const MAX_PENALTY = -8;

type ValueOf = (f: MatchFeatures) => string | null;

/**
 * Term-frequency tables, Splink-style: for each comparison level that declares
 * the value its records share (name, surname, street, district, postcode,
 * company), how often each value occurs among the records that have one. An
 * agreement at that level then weighs log2(u_level / tf(value)) bits more (or
 * less) than the average agreement at that level.
 */
export class TermFrequencies {
  /** Per comparison, per level: the value function and its table (null when the level has none). */
  private readonly tables: ({ value: ValueOf; counts: Map<string, number>; size: number } | null)[][];

  constructor(comparisons: readonly Comparison[], features: readonly MatchFeatures[]) {
    const byValue = new Map<ValueOf, { value: ValueOf; counts: Map<string, number>; size: number }>();
    const tableOf = (value: ValueOf) => {
      let table = byValue.get(value);
      if (!table) {
        const counts = new Map<string, number>();
        let size = 0;
        for (const f of features) {
          const v = value(f);
          if (v === null) continue;
          counts.set(v, (counts.get(v) ?? 0) + 1);
          size++;
        }
        table = { value, counts, size };
        byValue.set(value, table);
      }
      return table.size ? table : null;
    };
    this.tables = comparisons.map((c) => [null, ...c.levels.map((l) => (l.termFrequencyValue ? tableOf(l.termFrequencyValue) : null)), null]);
  }

  /** Whether level `level` of comparison x is adjusted at all. */
  adjusts(x: number, level: number): boolean {
    return this.tables[x][level] != null;
  }

  /** Extra bits for comparison x at `level` when the records share the value of `f`; `u` is the level's average u. */
  adjustment(x: number, level: number, f: MatchFeatures, u: number): number {
    const table = this.tables[x][level];
    if (!table) return 0;
    const value = table.value(f);
    const count = value === null ? 0 : (table.counts.get(value) ?? 0);
    if (count === 0) return 0;
    const bits = Math.log2(u / (count / table.size));
    return Math.max(MAX_PENALTY, Math.min(MAX_BONUS, bits));
  }
}
