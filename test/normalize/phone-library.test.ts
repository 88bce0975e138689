import { describe, expect, it } from 'vitest';
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import { isValidNumber, numberType } from '../../src/normalize/phone/number-type.js';
import { isPlainCnNational, plainCnMobile } from '../../src/normalize/phone/plain-cn-mobile.js';

/** Deterministic pseudo-random digits, so a failure names the same numbers on every run. */
function digitsFrom(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % 10;
  };
}

describe('phone number types compiled once', () => {
  it('agree with libphonenumber-js getType() and isValid() for every country, on its example mobile and typo variants', () => {
    const next = digitsFrom(1);
    let compared = 0;
    for (const country of getCountries()) {
      const example = (examples as Partial<Record<CountryCode, string>>)[country];
      if (!example) continue;
      for (let k = 0; k < 12; k++) {
        const digits = example.split('');
        // Change, drop or add a digit or two: valid, invalid and other-type numbers alike.
        for (let e = 0; e < k % 3; e++) {
          const at = next() % digits.length;
          if (next() < 6) digits[at] = String(next());
          else if (next() < 5) digits.splice(at, 1);
          else digits.splice(at, 0, String(next()));
        }
        const text = k % 2 ? `+${getCountryCallingCode(country)}${digits.join('')}` : digits.join('');
        const parsed = parsePhoneNumberFromString(text, country);
        if (!parsed) continue;
        const plan = parsed.country ?? parsed.countryCallingCode;
        expect([text, numberType(plan, parsed.nationalNumber), isValidNumber(plan, parsed.nationalNumber)]).toEqual([text, parsed.getType(), parsed.isValid()]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});

describe('plain Chinese mobiles read without the parser', () => {
  // Every four-digit start of 13…–19…, and the five-digit starts China's metadata treats specially.
  const starts = [
    ...Array.from({ length: 700 }, (_, i) => String(1300 + i)),
    ...Array.from({ length: 100 }, (_, i) => `179${String(i).padStart(2, '0')}`),
    ...Array.from({ length: 10 }, (_, i) => `1740${i}`),
    ...Array.from({ length: 10 }, (_, i) => `1610${i}`),
  ];
  const next = digitsFrom(2);
  const numbers = starts.map((start) => start + Array.from({ length: 11 - start.length }, next).join(''));

  it.each([['bare', ''], ['+86', '+86']])('give the national number and E.164 libphonenumber-js gives (%s)', (_name, prefix) => {
    let fast = 0;
    for (const n of numbers) {
      const national = plainCnMobile(prefix + n, 'CN');
      if (national === null) continue;
      fast++;
      const parsed = parsePhoneNumberFromString(prefix + n, 'CN');
      expect([n, parsed?.nationalNumber, parsed?.number, parsed?.ext, parsed?.carrierCode]).toEqual([n, national, `+86${national}`, undefined, undefined]);
    }
    expect(fast).toBeGreaterThan(700);
  });

  it('leaves numbers the parser would strip a carrier prefix from (17951…) and other shapes to it', () => {
    expect(plainCnMobile('17951139128734', 'CN')).toBeNull();
    expect(plainCnMobile('17951123456', 'CN')).toBeNull();
    expect(plainCnMobile('01062581937', 'CN')).toBeNull();
    expect(plainCnMobile('1391287346', 'CN')).toBeNull();
    expect(plainCnMobile('+8613912873460', 'CN')).toBe('13912873460');
  });

  it('reads a bare number as Chinese only when China is the default region', () => {
    expect(plainCnMobile('13912873460', 'AU')).toBeNull();
    expect(plainCnMobile('+8613912873460', 'AU')).toBe('13912873460');
  });
});

describe('bare digits read as a Chinese national number without the parser', () => {
  it('are read by libphonenumber-js as exactly that number, whatever their length and first digits', () => {
    const next = digitsFrom(3);
    const starts = ['', '1', '10', '11', '12', '179', '17951', '2', '44', '61', '86', '861', '0', '00', '9'];
    let fast = 0;
    for (let i = 0; i < 20000; i++) {
      const start = starts[i % starts.length];
      const digits = start + Array.from({ length: Math.max(0, 5 + (i % 13) - start.length) }, next).join('');
      if (!isPlainCnNational(digits, 'CN')) continue;
      fast++;
      const parsed = parsePhoneNumberFromString(digits, 'CN');
      expect([digits, parsed?.country, parsed?.nationalNumber, parsed?.number, parsed?.ext, parsed?.carrierCode]).toEqual([digits, 'CN', digits, `+86${digits}`, undefined, undefined]);
    }
    expect(fast).toBeGreaterThan(5000);
  });

  it('leaves prefixes the parser strips, the calling code 86, long numbers and other regions to it', () => {
    for (const digits of ['01062581937', '0013912873460', '17951139128734', '12345678901234', '8613912873460', '86123456', '123456789012345678', '+2139183354']) {
      expect([digits, isPlainCnNational(digits, 'CN')]).toEqual([digits, false]);
    }
    expect(isPlainCnNational('2139183354', 'CN')).toBe(true);
    expect(isPlainCnNational('2139183354', 'AU')).toBe(false);
  });
});
