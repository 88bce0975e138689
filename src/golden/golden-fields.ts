import type { NormalizedRecord } from '../model/record.js';

/**
 * Where the candidate values of a golden field come from: each member holds
 * `count` of them (several for phones), read one at a time so that deciding a
 * field allocates nothing when only one member has a value.
 */
export interface CandidateSource {
  /** Whether a record may hold more than one value (phones). */
  several?: boolean;
  count(r: NormalizedRecord): number;
  /** The member's k-th value, k < count. */
  value(r: NormalizedRecord, k: number): string;
  /** Whether it passed validation. */
  valid(r: NormalizedRecord, k: number): boolean;
}

/** A field of the golden record. */
export interface GoldenField extends CandidateSource {
  name: string;
  /** Default survivorship rules, in order. */
  rules: string[];
}

/** A field with at most one value per record, absent when empty. */
function one(read: (r: NormalizedRecord) => string | null | undefined, valid: (r: NormalizedRecord) => boolean = () => true): CandidateSource {
  return { count: (r) => (read(r) ? 1 : 0), value: (r) => read(r)!, valid };
}

/**
 * The canonical golden fields. Address parts are not chosen one by one: the
 * winning address record supplies them all, so a golden address never mixes
 * one record's district with another's street.
 */
export const GOLDEN_FIELDS: readonly GoldenField[] = [
  { name: 'name', ...one((r) => r.name.display, (r) => !r.name.placeholder), rules: ['valid_over_invalid', 'han_over_latin', 'most_frequent', 'longest', 'most_recent'] },
  { name: 'company', ...one((r) => r.company.display, (r) => r.company.key !== null), rules: ['valid_over_invalid', 'most_recent', 'most_frequent'] },
  {
    name: 'phone',
    several: true,
    count: (r) => r.phones.length,
    value: (r, k) => r.phones[k].e164,
    valid: (r, k) => r.phones[k].valid && !r.phones[k].fake,
    rules: ['valid_over_invalid', 'most_recent', 'most_frequent'],
  },
  { name: 'email', ...one((r) => r.email.value, (r) => r.email.valid && !r.email.placeholder), rules: ['valid_over_invalid', 'most_recent', 'most_frequent'] },
  {
    name: 'address',
    ...one(
      (r) => r.address.display,
      (r) => r.address.district !== null || r.address.suburb !== null || r.address.street !== null,
    ),
    rules: ['valid_over_invalid', 'most_recent', 'longest'],
  },
  { name: 'id_number', ...one((r) => r.idNumber?.value, (r) => r.idNumber?.valid ?? false), rules: ['valid_over_invalid', 'most_frequent', 'most_recent'] },
  { name: 'birth_date', ...one((r) => r.birthDate), rules: ['most_frequent', 'most_recent'] },
  { name: 'gender', ...one((r) => r.gender), rules: ['most_frequent', 'most_recent'] },
  { name: 'owner', ...one((r) => r.fields.owner?.trim()), rules: ['most_recent', 'most_frequent'] },
];

/** Address parts copied from the record whose address won. */
export const ADDRESS_PARTS = ['province', 'city', 'district', 'suburb', 'state', 'postcode'] as const;
