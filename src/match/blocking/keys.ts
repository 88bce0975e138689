import type { TextFeature } from '../comparisons/comparison.js';
import type { MatchFeatures } from '../features.js';
import type { KeyFn } from './key-columns.js';
import type { ListFeature } from '../feature-ids.js';
import { nationalNumber } from '../national-number.js';

/** A key made from each value of a list feature: a record is in the block of each. */
interface ListKey {
  list: ListFeature;
  keyOf: (value: string) => string;
}

/**
 * The values a blocking rule can be built from: a match feature as it is, or
 * a value derived from the features. A rule is a `+`-joined list of these
 * names ("name+locality"); records sharing every part share a block.
 * Multi-valued keys (several phones) put a record in several blocks.
 */
const KEYS: Record<string, TextFeature | readonly TextFeature[] | KeyFn | ListKey> = {
  // By national digits: a number read under a wrong country code (see sameNationalNumber) still shares a block with itself.
  phone: { list: 'phones', keyOf: nationalNumber },
  email: 'email',
  id_number: 'idNumber',
  // The first of these a record has: pinyin, so that 张伟 and "Wei Zhang" share blocks, else the name as it is.
  name: ['pinyin', 'name'],
  phonetic: 'phonetic',
  family: 'family',
  given: 'given',
  birth_date: 'birthDate',
  birth_year: (f) => f.birthDate?.slice(0, 4) ?? null,
  company: 'company',
  locality: 'locality',
  city: 'city',
  street: 'street',
  street_number: 'streetNumber',
  postcode: 'postcode',
};

const isListKey = (key: TextFeature | readonly TextFeature[] | KeyFn | ListKey): key is ListKey => typeof key === 'object' && 'list' in key;

/** A list key's values for one record, each once, in list order. */
function listKeyFn({ list, keyOf }: ListKey): KeyFn {
  return (f) => {
    const values = f[list];
    return values.length === 1 ? [keyOf(values[0])] : [...new Set(values.map(keyOf))];
  };
}

function firstOf(features: readonly TextFeature[]): KeyFn {
  return (f) => {
    for (const feature of features) if (f[feature] !== null) return f[feature];
    return null;
  };
}

export const BLOCKING_KEYS: Record<string, KeyFn> = Object.fromEntries(
  Object.entries(KEYS).map(([name, key]) => [
    name,
    typeof key === 'string' ? (f: MatchFeatures) => f[key] : typeof key === 'function' ? key : isListKey(key) ? listKeyFn(key) : firstOf(key),
  ]),
);

/** The keys that are one match feature as it is: blocking groups by that feature's interned ids (see FeatureColumns). */
export const KEY_FEATURES: Record<string, TextFeature> = Object.fromEntries(Object.entries(KEYS).flatMap(([name, key]) => (typeof key === 'string' ? [[name, key]] : [])));

/** The keys that are the first of several features a record has (see firstOfKeyColumn). */
export const KEY_FIRST_OF: Record<string, readonly TextFeature[]> = Object.fromEntries(
  Object.entries(KEYS).flatMap(([name, key]) => (Array.isArray(key) ? [[name, key]] : [])),
);

/** The keys made from each value of a list feature (see listKeyColumn). */
export const KEY_LISTS: Record<string, ListKey> = Object.fromEntries(Object.entries(KEYS).flatMap(([name, key]) => (isListKey(key) ? [[name, key]] : [])));

/**
 * Default rules: every strong identifier alone, then one key about the person
 * with one about where or when, so that a typo in any one field still leaves a
 * rule both records share. The whole name goes with place, birth date or
 * company; its phonetic code (spelling variants) with place, street or birth
 * date; a surname or given name alone only with the fine-grained postcode or
 * birth date (with a district they make blocks of every 王 or John there);
 * the birth date with place, for a name replaced or misspelled beyond its
 * sound; the house with its street or postcode for the rest. Rules whose keys
 * no record has simply yield no pairs, so the same defaults serve any set of
 * columns.
 */
export const DEFAULT_BLOCKING_RULES = [
  'phone',
  'email',
  'id_number',
  'name+locality',
  'name+city',
  'name+postcode',
  'name+birth_date',
  'name+company',
  'phonetic+locality',
  'phonetic+street',
  'phonetic+birth_date',
  'family+birth_date',
  'given+birth_date',
  'family+postcode',
  'given+postcode',
  'birth_date+locality',
  'birth_date+postcode',
  'street+street_number+locality',
  'street_number+postcode',
];

/**
 * The comparisons a blocking key constrains: pairs blocked on a phone agree on
 * the phone by construction, so they say nothing about how often true matches
 * agree on it. Estimation leaves these out when it learns from such pairs.
 */
export const KEY_COMPARISONS: Record<string, readonly string[]> = {
  phone: ['phone'],
  email: ['email'],
  id_number: ['id_number'],
  name: ['name'],
  phonetic: ['name'],
  family: ['name'],
  given: ['name'],
  birth_date: ['birth_date'],
  birth_year: ['birth_date'],
  company: ['company'],
  locality: ['address', 'locality', 'city'],
  city: ['address', 'city'],
  street: ['address', 'street'],
  street_number: ['address', 'street_number'],
  postcode: ['postcode', 'address'],
};
