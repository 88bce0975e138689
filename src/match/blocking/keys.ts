import type { MatchFeatures } from '../features.js';

/**
 * The values a blocking rule can be built from. A rule is a `+`-joined list of
 * these names ("name+locality"); records sharing every part share a block.
 * Multi-valued keys (several phones) put a record in several blocks.
 */
export const BLOCKING_KEYS: Record<string, (f: MatchFeatures) => string | readonly string[] | null> = {
  phone: (f) => (f.phones.length ? f.phones : null),
  email: (f) => f.email,
  id_number: (f) => f.idNumber,
  name: (f) => f.pinyin ?? f.name,
  phonetic: (f) => f.phonetic,
  family: (f) => f.family,
  given: (f) => f.given,
  birth_date: (f) => f.birthDate,
  birth_year: (f) => f.birthDate?.slice(0, 4) ?? null,
  company: (f) => f.company,
  locality: (f) => f.locality,
  city: (f) => f.city,
  street: (f) => f.street,
  street_number: (f) => f.streetNumber,
  postcode: (f) => f.postcode,
};

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
