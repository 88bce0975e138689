import { describe, expect, it } from 'vitest';
import { hasValidityIssue, isValidityIssue } from '../../src/quality/validity.js';
import { issues } from './records.js';

describe('isValidityIssue', () => {
  it.each([
    'phone.invalid',
    'phone.too_long',
    'phone.digits_lost',
    'id_number.digits_lost',
    'email.invalid',
    'id_number.bad_checksum',
    'id_number.bad_length',
    'id_number.birth_date_mismatch',
    'date.invalid',
    'date.future',
    'date.implausible',
    'address.district_not_in_city',
    'address.unknown_region',
    'postcode.invalid',
    'gender.invalid',
  ])('%s says the value is wrong', (code) => expect(isValidityIssue(code)).toBe(true));

  it.each(['name.placeholder', 'phone.placeholder', 'email.placeholder', 'address.placeholder', 'id_number.placeholder', 'date.ambiguous', 'email.several', 'name.several'])(
    '%s is not a validity issue',
    (code) => expect(isValidityIssue(code)).toBe(false),
  );
});

describe('hasValidityIssue', () => {
  it('looks only at the issue fields it is given', () => {
    const list = issues('postcode.invalid', 'phone.placeholder');
    expect(hasValidityIssue(list, ['address', 'postcode'])).toBe(true);
    expect(hasValidityIssue(list, ['phone'])).toBe(false);
    expect(hasValidityIssue(list, ['email'])).toBe(false);
  });
});
