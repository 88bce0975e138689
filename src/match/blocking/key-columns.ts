import type { MatchFeatures } from '../features.js';
import type { FeatureColumns, FeatureIds, ListIds } from '../feature-ids.js';
import type { TextFeature } from '../comparisons/comparison.js';
import { NumberList } from '../number-list.js';
import { Interner } from '../interner.js';
import { int32s } from '../../model/big-arrays.js';

export type KeyFn = (f: MatchFeatures) => string | readonly string[] | null;

/**
 * One blocking key's values for every record, interned to small integers:
 * records sharing a value share an id. Record i's ids are
 * `ids[starts[i]] … ids[starts[i + 1] − 1]` (none when the value is missing,
 * several for a multi-valued key such as phones). Interning each key once
 * lets every rule that uses it group records by integers instead of building
 * and hashing a joined string per record and rule.
 */
export interface KeyColumn {
  /** Number of distinct values (ids run from 0 to distinct − 1). */
  distinct: number;
  starts: Int32Array;
  ids: Int32Array;
  /** Per id, how often it occurs: a value only one record has cannot make a block. */
  counts: Int32Array;
}

function column(distinct: number, starts: Int32Array, ids: Int32Array): KeyColumn {
  const counts = int32s(distinct);
  for (let k = 0; k < ids.length; k++) counts[ids[k]]++;
  return { distinct, starts, ids, counts };
}

export function keyColumn(fn: KeyFn, features: readonly MatchFeatures[]): KeyColumn {
  const n = features.length;
  const interner = new Interner();
  const starts = int32s(n + 1);
  const ids = new NumberList(int32s, n);
  for (let i = 0; i < n; i++) {
    const v = fn(features[i]);
    // An empty string is as good as missing: it must not block every empty record together.
    if (typeof v === 'string') {
      if (v !== '') ids.push(interner.id(v));
    } else if (v !== null) {
      for (const x of v) ids.push(interner.id(x));
    }
    starts[i + 1] = ids.length;
  }
  return column(interner.size, starts, ids.values());
}

/**
 * The key column of a key that is the first of several features a record has
 * (the name key: pinyin, else the name as it is). Every normalized name has a
 * pinyin, so usually no record falls back to a later feature and the key's ids
 * are the first feature's, interned once for blocking and term frequencies
 * alike; otherwise the key is interned value by value.
 */
export function firstOfKeyColumn(parts: readonly TextFeature[], columns: FeatureColumns, features: readonly MatchFeatures[], fn: KeyFn): KeyColumn {
  const first = columns.ids(parts[0]);
  for (let i = 0; i < features.length; i++) {
    if (first.ids[i] < 0 && parts.some((part) => features[i][part] !== null)) return keyColumn(fn, features);
  }
  return featureKeyColumn(first);
}

/**
 * The key column of a key made from each value of a list feature (a phone's
 * national digits), from the list's ids: each distinct value is mapped once,
 * and the list interned once for blocking and comparison alike.
 */
export function listKeyColumn(list: ListIds, keyOf: (value: string) => string): KeyColumn {
  const interner = new Interner();
  const keyIds = int32s(list.distinct);
  for (let id = 0; id < list.distinct; id++) keyIds[id] = interner.id(keyOf(list.value(id)));
  const n = list.starts.length - 1;
  const starts = int32s(n + 1);
  const ids = int32s(list.ids.length);
  let length = 0;
  for (let i = 0; i < n; i++) {
    const first = length;
    for (let k = list.starts[i]; k < list.starts[i + 1]; k++) {
      const key = keyIds[list.ids[k]];
      // Two values of one record may make one key (the same digits under two country codes): one block, once.
      let seen = false;
      for (let j = first; j < length && !seen; j++) seen = ids[j] === key;
      if (!seen) ids[length++] = key;
    }
    starts[i + 1] = length;
  }
  return column(interner.size, starts, ids.subarray(0, length));
}

/** The key column of a key that is one feature as it is, from the feature's ids (interned once for the whole run). */
export function featureKeyColumn({ ids, distinct, emptyId }: FeatureIds): KeyColumn {
  const n = ids.length;
  const starts = int32s(n + 1);
  const present = int32s(n);
  let length = 0;
  for (let i = 0; i < n; i++) {
    // As in keyColumn: the empty string is as good as missing.
    if (ids[i] >= 0 && ids[i] !== emptyId) present[length++] = ids[i];
    starts[i + 1] = length;
  }
  return column(distinct, starts, present.subarray(0, length));
}
