import type { NormalizedRecord } from '../model/record.js';

/** A field of the golden record: how to read each member's candidate value. */
export interface GoldenField {
  name: string;
  /** Candidate values of one member (several for phones), each with its validity. */
  values(r: NormalizedRecord): { value: string; valid: boolean }[];
  /** Default survivorship rules, in order. */
  rules: string[];
}

const one = (value: string | null | undefined, valid = true) => (value ? [{ value, valid }] : []);

/**
 * The canonical golden fields. Address parts are not chosen one by one: the
 * winning address record supplies them all, so a golden address never mixes
 * one record's district with another's street.
 */
export const GOLDEN_FIELDS: readonly GoldenField[] = [
  { name: 'name', values: (r) => one(r.name.display, !r.name.placeholder), rules: ['valid_over_invalid', 'most_frequent', 'longest', 'most_recent'] },
  { name: 'company', values: (r) => one(r.company.display, r.company.key !== null), rules: ['valid_over_invalid', 'most_recent', 'most_frequent'] },
  { name: 'phone', values: (r) => r.phones.map((p) => ({ value: p.e164, valid: p.valid && !p.fake })), rules: ['valid_over_invalid', 'most_recent', 'most_frequent'] },
  { name: 'email', values: (r) => one(r.email.value, r.email.valid && !r.email.placeholder), rules: ['valid_over_invalid', 'most_recent', 'most_frequent'] },
  {
    name: 'address',
    values: (r) => one(r.address.display, r.address.district !== null || r.address.suburb !== null || r.address.street !== null),
    rules: ['valid_over_invalid', 'most_recent', 'longest'],
  },
  { name: 'id_number', values: (r) => one(r.idNumber?.value, r.idNumber?.valid ?? false), rules: ['valid_over_invalid', 'most_frequent', 'most_recent'] },
  { name: 'birth_date', values: (r) => one(r.birthDate), rules: ['most_frequent', 'most_recent'] },
  { name: 'gender', values: (r) => one(r.gender), rules: ['most_frequent', 'most_recent'] },
  { name: 'owner', values: (r) => one(r.fields.owner?.trim()), rules: ['most_recent', 'most_frequent'] },
];

/** Address parts copied from the record whose address won. */
export const ADDRESS_PARTS = ['province', 'city', 'district', 'suburb', 'state', 'postcode'] as const;
