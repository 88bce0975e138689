import type { Comparison, TextFeature } from '../comparisons/comparison.js';
import type { MatchFeatures } from '../features.js';
import { FeatureColumns, type FeatureIds } from '../feature-ids.js';
import { radixOrder, sameIds } from '../radix-order.js';
import { int32s } from '../../model/big-arrays.js';

/** Bounds of the adjustment, in bits: rarity can strengthen an agreement 16×, commonness weaken it 256×. */
const MAX_BONUS = 4;
const MAX_PENALTY = -8;

/** Per record, how many records share its value (0 when it has none), and how many records have one. */
interface Table {
  countOf: Int32Array;
  size: number;
}

/**
 * Term-frequency tables, Splink-style: for each comparison level that names
 * the features its records share (name, surname, street, district, city,
 * company, a whole address), how often each value occurs among the records
 * that have one. An agreement at that level then weighs log2(u_level / tf(value))
 * bits more (or less) than the average agreement at that level.
 */
export class TermFrequencies {
  /** Per comparison, per level: the level's table, or null when the level is not adjusted. */
  private readonly tables: (Table | null)[][];

  constructor(comparisons: readonly Comparison[], features: readonly MatchFeatures[], columns = new FeatureColumns(features)) {
    const tables = new Map<string, Table | null>();
    const tableOf = (parts: readonly TextFeature[]) => {
      const key = parts.join('+');
      if (!tables.has(key)) {
        const table = parts.length === 1 ? countValues(columns.ids(parts[0])) : countValues(combinedIds(parts.map((p) => columns.ids(p))));
        tables.set(key, table.size ? table : null);
      }
      return tables.get(key)!;
    };
    this.tables = comparisons.map((c) => [null, ...c.levels.map((l) => (l.termFrequency ? tableOf(l.termFrequency) : null)), null]);
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

/** Counted per value, then stored per record: scoring a pair reads an array instead of hashing a string. */
function countValues({ ids, distinct }: Pick<FeatureIds, 'ids' | 'distinct'>): Table {
  const counts = int32s(distinct);
  let size = 0;
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] < 0) continue;
    counts[ids[i]]++;
    size++;
  }
  const countOf = int32s(ids.length);
  for (let i = 0; i < ids.length; i++) if (ids[i] >= 0) countOf[i] = counts[ids[i]];
  return { countOf, size };
}

/**
 * One id per combination of the parts' values (a missing part is a value of
 * its own, so every record has an id): records ordered by their parts' ids,
 * equal neighbours sharing an id.
 */
function combinedIds(parts: readonly FeatureIds[]): Pick<FeatureIds, 'ids' | 'distinct'> {
  const n = parts[0].ids.length;
  const order = radixOrder(parts, n);
  const combined = int32s(n);
  let id = -1;
  for (let j = 0; j < n; j++) {
    const i = order[j];
    if (j === 0 || !sameIds(parts, i, order[j - 1])) id++;
    combined[i] = id;
  }
  return { ids: combined, distinct: id + 1 };
}
