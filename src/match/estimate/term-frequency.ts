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
  /** Per comparison, per level: how many records share each record's value (0 when it has none), or null when the level is not adjusted. */
  private readonly tables: ({ countOf: Int32Array; size: number } | null)[][];

  constructor(comparisons: readonly Comparison[], features: readonly MatchFeatures[]) {
    const byValue = new Map<ValueOf, { countOf: Int32Array; size: number }>();
    const tableOf = (value: ValueOf) => {
      let table = byValue.get(value);
      if (!table) {
        // Counted per value, then stored per record: scoring a pair reads an array instead of hashing a string.
        const idOf = new Map<string, number>();
        const ids = new Int32Array(features.length);
        const counts: number[] = [];
        let size = 0;
        features.forEach((f, i) => {
          const v = value(f);
          if (v === null) return void (ids[i] = -1);
          let id = idOf.get(v);
          if (id === undefined) idOf.set(v, (id = counts.push(0) - 1));
          counts[id]++;
          ids[i] = id;
          size++;
        });
        const countOf = new Int32Array(features.length);
        for (let i = 0; i < ids.length; i++) if (ids[i] >= 0) countOf[i] = counts[ids[i]];
        table = { countOf, size };
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

  /** Extra bits for comparison x at `level` when the records share the value of record i; `u` is the level's average u. */
  adjustment(x: number, level: number, i: number, u: number): number {
    const table = this.tables[x][level];
    if (!table) return 0;
    const count = table.countOf[i];
    if (count === 0) return 0;
    const bits = Math.log2(u / (count / table.size));
    return Math.max(MAX_PENALTY, Math.min(MAX_BONUS, bits));
  }
}
