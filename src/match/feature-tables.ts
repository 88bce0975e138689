import type { TextFeature } from './comparisons/comparison.js';
import type { MatchFeatures } from './features.js';
import type { FeatureColumns } from './feature-ids.js';

/** Every text feature (a feature left out here is a compile error). */
const TEXT: Record<TextFeature, null> = {
  name: null,
  pinyin: null,
  phonetic: null,
  given: null,
  family: null,
  generation: null,
  email: null,
  idNumber: null,
  birthDate: null,
  company: null,
  locality: null,
  city: null,
  street: null,
  streetNumber: null,
  unit: null,
  postcode: null,
};
const TEXT_FEATURES = Object.keys(TEXT) as TextFeature[];

/** One feature as integers (over shared memory) and its distinct values by id. */
interface Column {
  ids: Int32Array;
  values: string[];
}

/**
 * Every record's match features as integer columns and each feature's distinct
 * values: what another thread needs to rebuild the features, at the cost of
 * copying each distinct value once (the columns are shared memory, not copied).
 * At a million records that is a third of the values and none of the objects.
 */
export interface FeatureTables {
  text: Record<TextFeature, Column>;
  phones: Column & { starts: Int32Array };
}

/** The tables of every feature, interning each one now (blocking and term frequencies then reuse its ids). */
export function featureTables(columns: FeatureColumns): FeatureTables {
  const text = {} as Record<TextFeature, Column>;
  for (const feature of TEXT_FEATURES) {
    const { ids, distinct, value } = columns.ids(feature);
    text[feature] = { ids, values: Array.from({ length: distinct }, (_, id) => value(id)) };
  }
  const phones = columns.listIds('phones');
  return { text, phones: { starts: phones.starts, ids: phones.ids, values: Array.from({ length: phones.distinct }, (_, id) => phones.value(id)) } };
}

/** The features the tables were made from, equal values one string as interning left them. */
export function featuresFromTables({ text, phones }: FeatureTables): MatchFeatures[] {
  const n = text.name.ids.length;
  const value = ({ ids, values }: Column, i: number): string | null => (ids[i] < 0 ? null : values[ids[i]]);
  const features = new Array<MatchFeatures>(n);
  for (let i = 0; i < n; i++) {
    const list: string[] = [];
    for (let k = phones.starts[i]; k < phones.starts[i + 1]; k++) list.push(phones.values[phones.ids[k]]);
    features[i] = {
      name: value(text.name, i),
      pinyin: value(text.pinyin, i),
      phonetic: value(text.phonetic, i),
      given: value(text.given, i),
      family: value(text.family, i),
      generation: value(text.generation, i),
      phones: list,
      email: value(text.email, i),
      idNumber: value(text.idNumber, i),
      birthDate: value(text.birthDate, i),
      company: value(text.company, i),
      locality: value(text.locality, i),
      city: value(text.city, i),
      street: value(text.street, i),
      streetNumber: value(text.streetNumber, i),
      unit: value(text.unit, i),
      postcode: value(text.postcode, i),
    };
  }
  return features;
}
