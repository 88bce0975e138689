import type { TextFeature } from './comparisons/comparison.js';
import type { MatchFeatures } from './features.js';
import { Interner } from './interner.js';
import { NumberList } from './number-list.js';
import { int32s } from '../model/big-arrays.js';

/** A match feature that holds a list of text values (the phones). */
export type ListFeature = { [K in keyof MatchFeatures]: MatchFeatures[K] extends readonly string[] ? K : never }[keyof MatchFeatures];

/** A list feature's values as integers: record i's are `ids[starts[i]] … ids[starts[i + 1] − 1]`. */
export interface ListIds {
  starts: Int32Array;
  ids: Int32Array;
  distinct: number;
  /** The value numbered `id`. */
  value(id: number): string;
}

/** One feature's values as integers: records with equal values share an id, −1 where the value is missing. */
export interface FeatureIds {
  ids: Int32Array;
  distinct: number;
  /** The id of the empty string, −1 when no record has it (blocking treats it as missing). */
  emptyId: number;
  /** The value numbered `id`. */
  value(id: number): string;
}

/**
 * Text features interned to integers, each once per run however many users
 * it has: blocking groups records by a surname, street or district and term
 * frequencies count the same values — at a million records each feature is a
 * million lookups in a map of up to a million strings.
 *
 * Interning also makes records with equal values share one string: the first
 * one seen is written back into each record's features (an equal value, so no
 * reader sees a change). A comparison then finds most agreements by identity
 * instead of reading both strings, which at a million records are scattered
 * over a 2 GB heap (comparing the 1M benchmark's pairs, alternating after a
 * GC: 4.2–6.2 s → 3.2–4.9 s).
 */
export class FeatureColumns {
  private readonly interned = new Map<TextFeature, FeatureIds>();
  private readonly internedLists = new Map<ListFeature, ListIds>();

  constructor(private readonly features: readonly MatchFeatures[]) {}

  ids(feature: TextFeature): FeatureIds {
    let column = this.interned.get(feature);
    if (column === undefined) this.interned.set(feature, (column = intern(feature, this.features)));
    return column;
  }

  listIds(feature: ListFeature): ListIds {
    let column = this.internedLists.get(feature);
    if (column === undefined) this.internedLists.set(feature, (column = internLists(feature, this.features)));
    return column;
  }
}

function intern(feature: TextFeature, features: readonly MatchFeatures[]): FeatureIds {
  const interner = new Interner();
  const ids = int32s(features.length);
  for (let i = 0; i < features.length; i++) {
    const f = features[i];
    const value = f[feature];
    if (value === null) {
      ids[i] = -1;
      continue;
    }
    const id = interner.id(value);
    ids[i] = id;
    f[feature] = interner.value(id);
  }
  return { ids, distinct: interner.size, emptyId: interner.find(''), value: (id) => interner.value(id) };
}

function internLists(feature: ListFeature, features: readonly MatchFeatures[]): ListIds {
  const interner = new Interner();
  const starts = int32s(features.length + 1);
  const ids = new NumberList(int32s, features.length);
  for (let i = 0; i < features.length; i++) {
    const list = features[i][feature];
    for (let j = 0; j < list.length; j++) {
      const id = interner.id(list[j]);
      ids.push(id);
      list[j] = interner.value(id);
    }
    starts[i + 1] = ids.length;
  }
  return { starts, ids: ids.values(), distinct: interner.size, value: (id) => interner.value(id) };
}
