import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CountryCode } from 'libphonenumber-js';
import { looksFake, phoneRule, readPhones } from '../../src/normalize/rules/phone.js';

const norm = (s: string, defaultRegion: 'CN' | 'AU' = 'CN') => phoneRule.normalize(s, { defaultRegion });

// valid: cell → E.164 numbers (with type) and no issue.
const VALID: [string, string[], string][] = [
  ['13912873460', ['+8613912873460'], 'mobile'],
  ['+86 139-1287-3460', ['+8613912873460'], 'mobile'],
  ['0086 13912873460', ['+8613912873460'], 'mobile'],
  ['8613912873460', ['+8613912873460'], 'mobile'],
  ['(139)1287 3460', ['+8613912873460'], 'mobile'],
  ['１３９１２８７３４６０', ['+8613912873460'], 'mobile'],
  ['010-62581937', ['+861062581937'], 'fixed_line'],
  ['13912873460/15821937465', ['+8613912873460', '+8615821937465'], 'mobile'],
  ['13912873460、15821937465', ['+8613912873460', '+8615821937465'], 'mobile'],
  ['13912873460 15821937465', ['+8613912873460', '+8615821937465'], 'mobile'],
  ['13912873460 / 139-1287-3460', ['+8613912873460'], 'mobile'],
  ['447932084071', ['+447932084071'], 'mobile'],
  // Not a Chinese mobile (12…), valid in North America: a foreign number typed without its plus.
  ['12012873460', ['+12012873460'], 'other'],
  // Grouped as North America writes its numbers (1, then 3-3-4 digits): read there, though the bare digits may be a
  // Chinese mobile, as 18002752273 is.
  ['1-800-275-2273', ['+18002752273'], 'other'],
  ['1 (212) 875-3959', ['+12128753959'], 'other'],
  ['1.212.875.3959', ['+12128753959'], 'other'],
  ['18002752273', ['+8618002752273'], 'mobile'],
  ['180-0275-2273', ['+8618002752273'], 'mobile'],
  // Grouped so but not valid in North America (no area code 391): the Chinese mobile the digits are.
  ['1-391-287-3460', ['+8613912873460'], 'mobile'],
  // Several numbers one after another with single spaces, each formatted its own way.
  ['+86 139-6221-7985 +86 132-3880-1759', ['+8613962217985', '+8613238801759'], 'mobile'],
  ['134-7009-8902 156 9388 5324', ['+8613470098902', '+8615693885324'], 'mobile'],
  ['(１８０)６３８６ ２３４８ １８３０７６１９９６９', ['+8618063862348', '+8618307619969'], 'mobile'],
  ['19143311514 0086 13615379566', ['+8619143311514', '+8613615379566'], 'mobile'],
  ['+8619873463063 18748411631', ['+8619873463063', '+8618748411631'], 'mobile'],
  // As spreadsheets write them: a number column, a number kept as text; dots between groups are separators.
  ['13957120486.0', ['+8613957120486'], 'mobile'],
  ['13957120486.00', ['+8613957120486'], 'mobile'],
  ["'13957120486", ['+8613957120486'], 'mobile'],
  ['="13957120486"', ['+8613957120486'], 'mobile'],
  ['139.5712.0486', ['+8613957120486'], 'mobile'],
  ['1.3957120486E+10', ['+8613957120486'], 'mobile'],
  // An extension after a dash, as Chinese switchboards write it.
  ['0755-86001234-8021', ['+8675586001234'], 'fixed_line'],
  ['010-62581937-801', ['+861062581937'], 'fixed_line'],
];

const INVALID: [string, string][] = [
  ['13800138000', 'phone.placeholder'],
  ['11111111111', 'phone.placeholder'],
  ['12345678901', 'phone.placeholder'],
  ['13912345678', 'phone.placeholder'],
  ['13987654321', 'phone.placeholder'],
  ['12345', 'phone.invalid'],
  ['1391287346', 'phone.invalid'],
  // A dash before the last digits of a mobile is no extension: mobiles have none.
  ['139-1287-346-12', 'phone.invalid'],
  // Split into words, the last does not make a valid number: the cell stays one invalid number.
  ['139 1287 3460 12', 'phone.invalid'],
  ['+86 139-6221-7985 +86 132', 'phone.invalid'],
  ['21 47 58 36 90 13 42 75 86 09', 'phone.invalid'],
  // Scientific notation from a spreadsheet: the last digits are gone.
  ['1.39128E+10', 'phone.digits_lost'],
  ['8.61396e+12', 'phone.digits_lost'],
  ['please call my assistant after five on weekdays, or write to the office. '.repeat(4), 'phone.too_long'],
];

// Read in the country of the record's address (default region CN): cell, address country → E.164 numbers, all valid, no issue.
const IN_ADDRESS_COUNTRY: [string, CountryCode | null, string[]][] = [
  ['415-234-5678', 'US', ['+14152345678']],
  ['(212) 875-3959', 'US', ['+12128753959']],
  ['0426 063 215', 'AU', ['+61426063215']],
  ['(02) 9374 4000', 'AU', ['+61293744000']],
  ['07843 062421', 'GB', ['+447843062421']],
  ['0426 063 215 / +1 415 234 5678', 'AU', ['+61426063215', '+14152345678']],
  // A country code wins over the address.
  ['+44 7843 062421', 'US', ['+447843062421']],
  ['0044 7843 062421', 'AU', ['+447843062421']],
  // Not valid in the address's country: the default region reads it.
  ['13912873460', 'US', ['+8613912873460']],
  ['139 1287 3460', 'GB', ['+8613912873460']],
  ['010-62581937', 'AU', ['+861062581937']],
  // Chinese addresses, and addresses that name no country, leave the default region alone.
  ['13912873460', 'CN', ['+8613912873460']],
  ['010-62581937', 'CN', ['+861062581937']],
  ['+86 139-1287-3460', null, ['+8613912873460']],
];

// Still not valid, in the address's country or the default region: cell, address country → issue.
const INVALID_IN_ADDRESS_COUNTRY: [string, CountryCode | null, string][] = [
  ['415-234-567', 'US', 'phone.invalid'],
  ['0426 063 21', 'AU', 'phone.invalid'],
  ['617-425-0469', null, 'phone.invalid'],
  ['617-425-0469', 'AU', 'phone.invalid'],
  ['0426 063 215', 'CN', 'phone.invalid'],
  ['0412 345 678', 'AU', 'phone.placeholder'],
];

describe('phone rule: numbers without a country code, in the country of the address', () => {
  it.each(IN_ADDRESS_COUNTRY)('%s in %s → %j', (cell, country, e164) => {
    const r = readPhones(cell, 'CN', country);
    expect(r.parts.map((p) => p.e164)).toEqual(e164);
    expect(r.parts.every((p) => p.valid && !p.fake)).toBe(true);
    expect(r.issues).toEqual([]);
  });

  it.each(INVALID_IN_ADDRESS_COUNTRY)('%s in %s → %s', (cell, country, code) => {
    expect(readPhones(cell, 'CN', country).issues.map((i) => i.code)).toContain(code);
  });
});

describe('phone rule', () => {
  it.each(VALID)('%s → %j', (cell, e164, type) => {
    const r = norm(cell);
    expect(r.parts.map((p) => p.e164)).toEqual(e164);
    expect(r.parts.every((p) => p.valid && !p.fake && p.type === type)).toBe(true);
    expect(r.issues).toEqual([]);
  });

  it.each(INVALID)('%s → %s', (cell, code) => {
    expect(norm(cell).issues.map((i) => i.code)).toContain(code);
  });

  // What staff type for no number, and the 0 of a number column left empty: no number and no problem.
  it.each(['0', '无', 'N/A', '-', '0 / 0', '0 / 13912873460'])('%s holds no number other than its real one, and no issue', (cell) => {
    const r = norm(cell);
    expect(r.parts.map((p) => p.e164)).toEqual(cell.includes('139') ? ['+8613912873460'] : []);
    expect(r.issues).toEqual([]);
  });

  it('keeps fakes, marked, so quality can count them and matching can ignore them', () => {
    expect(norm('13800138000').parts).toEqual([expect.objectContaining({ e164: '+8613800138000', fake: true })]);
  });

  it('reads extensions', () => {
    expect(norm('010-62581937 转 123').parts[0]).toMatchObject({ e164: '+861062581937', extension: '123' });
    expect(norm('010-62581937 ext. 45').parts[0]).toMatchObject({ extension: '45' });
    expect(norm('0755-86001234-8021').parts[0]).toMatchObject({ e164: '+8675586001234', extension: '8021' });
  });

  it('uses the default region for numbers without a country code', () => {
    expect(norm('0412 573 961', 'AU').parts[0]).toMatchObject({ e164: '+61412573961', type: 'mobile', valid: true });
  });

  it('never quotes the number in an issue message', () => {
    for (const i of norm('13800138000 / 12345').issues) expect(i.message).not.toMatch(/\d{5}/);
  });

  it.each([
    ['13800138000', true],
    ['88888888', true],
    ['13912873460', false],
    ['62581937', false],
  ])('looksFake(%s) = %s', (n, fake) => expect(looksFake(n)).toBe(fake));

  it('leaves the stack-trace limit as it was after numbers the parser rejects', () => {
    const limit = Error.stackTraceLimit;
    norm('+0412573961 / 12345 / abc 99');
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('looksFake agrees with its definition as patterns on digit strings', () => {
    const byPatterns = (n: string) => {
      const tail = n.slice(-8);
      return ['13800138000', '13888888888', '12345678901', '13812345678', '18888888888', '10086', '10010', '95588'].includes(n) ||
        /^(\d)\1+$/.test(n) || /^(\d)\1{6,}\d?$/.test(tail) || /^\d?(\d)\1{6,}$/.test(tail) || runs(tail);
    };
    const runs = (t: string) => t.length >= 7 && [1, 9].some((d) => [...t].every((c, i) => i === 0 || (Number(c) - Number(t[i - 1]) + 10) % 10 === d));
    const digits = fc.array(fc.constantFrom('0', '1', '2', '3', '8', '9'), { maxLength: 14 }).map((a) => a.join(''));
    const seeded = fc.tuple(fc.constantFrom('', '1', '13', '138', '0'), fc.constantFrom('1234567', '12345678', '9876543', '98765432', '8888888', '88888888', '90123456', '2222222x'), fc.constantFrom('', '5', '55'))
      .map(([a, b, c]) => (a + b + c).replace('x', '3'));
    fc.assert(
      fc.property(fc.oneof(digits, seeded), (n) => {
        expect([n, looksFake(n)]).toEqual([n, byPatterns(n)]);
      }),
      { numRuns: 5000 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (s) => void norm(s)), { numRuns: 300 });
  });
});
