import type { NormalizedRecord } from '../../src/model/record.js';

/** A normalized record with everything empty, overridden by `p`. */
export function rec(source: string, row: number, p: Partial<NormalizedRecord> = {}): NormalizedRecord {
  return {
    source,
    row,
    line: row + 1,
    fields: {},
    extra: {},
    name: { display: null, given: null, family: null, givenKey: null, honorific: null, generation: null, script: null, key: null, pinyin: null, phonetic: null, placeholder: false },
    company: { display: null, key: null },
    phones: [],
    email: { value: null, valid: false, placeholder: false },
    idNumber: null,
    birthDate: null,
    gender: null,
    address: { display: null, country: null, province: null, city: null, district: null, street: null, number: null, unit: null, line2: null, suburb: null, state: null, postcode: null, key: null },
    updatedAt: null,
    issues: [],
    ...p,
  };
}

export const name = (display: string, placeholder = false): NormalizedRecord['name'] => ({
  display,
  given: null,
  family: null,
  honorific: null,
  script: 'han',
  key: display,
  pinyin: null,
  phonetic: null,
  placeholder,
});

export const phone = (e164: string, ok = true): NormalizedRecord['phones'][number] => ({ e164, type: 'mobile', valid: ok, fake: !ok, extension: null });
