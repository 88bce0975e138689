import type { TextFeature } from './comparisons/comparison.js';
import type { MatchFeatures } from './features.js';
import { Interner } from './interner.js';

/** One feature's values as integers: records with equal values share an id, −1 where the value is missing. */
export interface FeatureIds {
  ids: Int32Array;
  distinct: number;
  /** The id of the empty string, −1 when no record has it (blocking treats it as missing). */
  emptyId: number;
}

/**
 * Text features interned to integers, each once per run however many users
 * it has: blocking groups records by a surname, street or district and term
 * frequencies count the same values — at a million records each feature is a
 * million lookups in a map of up to a million strings.
 */
export class FeatureColumns {
  private readonly interned = new Map<TextFeature, FeatureIds>();

  constructor(private readonly features: readonly MatchFeatures[]) {}

  ids(feature: TextFeature): FeatureIds {
    let column = this.interned.get(feature);
    if (column === undefined) this.interned.set(feature, (column = intern(feature, this.features)));
    return column;
  }
}

function intern(feature: TextFeature, features: readonly MatchFeatures[]): FeatureIds {
  const interner = new Interner();
  const ids = new Int32Array(features.length);
  for (let i = 0; i < features.length; i++) {
    const value = features[i][feature];
    ids[i] = value === null ? -1 : interner.id(value);
  }
  return { ids, distinct: interner.size, emptyId: interner.find('') };
}
