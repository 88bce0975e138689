import { describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { nationalNumber, sameNationalNumber } from '../../src/match/national-number.js';

describe('nationalNumber', () => {
  it.each([
    ['a Chinese mobile', '+8613812345678', '13812345678'],
    ['a NANP number (one-digit code)', '+17185593856', '7185593856'],
    ['a UK mobile (two digits)', '+447862446286', '7862446286'],
    ['Hong Kong (three digits)', '+85291234567', '91234567'],
    ['Kazakhstan shares +7 with Russia', '+77012345678', '7012345678'],
    ['no known code: every digit', '+0123', '0123'],
  ])('%s: %s → %s', (_, e164, expected) => {
    expect(nationalNumber(e164)).toBe(expected);
  });

  it('gives what libphonenumber-js gives as the national number of valid numbers', () => {
    for (const e164 of ['+8613812345678', '+12025550123', '+61426049054', '+4915112345678', '+35312345678', '+9718001234', '+5511987654321']) {
      expect(nationalNumber(e164)).toBe(parsePhoneNumberFromString(e164)!.nationalNumber);
    }
  });
});

describe('sameNationalNumber', () => {
  it.each([
    ['the same number', '+8613812345678', '+8613812345678', true],
    ['a UK mobile read in China', '+867862446286', '+447862446286', true],
    ['an Australian mobile read in China', '+86426049054', '+61426049054', true],
    ['a US number read in China', '+867185593856', '+17185593856', true],
    ['one digit differs', '+867185593857', '+17185593856', false],
    ['the same national digits under any two codes', '+8613812345678', '+4413812345678', true],
    ['a longer national number', '+86138123456789', '+4413812345678', false],
  ])('%s: %s, %s → %s', (_, x, y, expected) => {
    expect(sameNationalNumber(x, y)).toBe(expected);
    expect(sameNationalNumber(y, x)).toBe(expected);
  });
});
