import { describe, expect, it } from 'vitest';
import { idCheckDigit, idNumberRule } from '../../src/normalize/rules/id-number.js';

const withCheck = (first17: string) => first17 + idCheckDigit(first17);
const norm = (s: string, birthDate: string | null = null, gender: 'M' | 'F' | null = null) => idNumberRule.normalize(s, { birthDate, gender });

describe('id-number rule', () => {
  it('computes the ISO 7064 MOD 11-2 check character (GB 11643 examples)', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X');
    expect(idCheckDigit('44030819900101123')).toBe(withCheck('44030819900101123').slice(-1));
  });

  it.each([
    ['11010519491231002X', { value: '11010519491231002X', birthDate: '1949-12-31', gender: 'F', region: '110105' }],
    ['11010519491231002x', { value: '11010519491231002X' }],
    ['110105 19491231 002X', { value: '11010519491231002X' }],
    [withCheck('44030819900101123'), { birthDate: '1990-01-01', gender: 'M', region: '440308' }],
    [withCheck('31010419851224062'), { birthDate: '1985-12-24', gender: 'F', region: '310104' }],
    [withCheck('51010720000229151'), { birthDate: '2000-02-29', gender: 'M' }],
    [withCheck('65010219700615004'), { birthDate: '1970-06-15', gender: 'F', region: '650102' }],
    ['１１０１０５１９４９１２３１００２Ｘ', { value: '11010519491231002X' }],
    ['110105-1949-1231-002X', { value: '11010519491231002X' }],
    // Kept as text in a spreadsheet: a leading apostrophe, the ="…" formula.
    ["'11010519491231002X", { value: '11010519491231002X' }],
    ['="11010519491231002X"', { value: '11010519491231002X' }],
    // A first-generation number in a number column.
    ['110105491231002.0', { value: withCheck('11010519491231002'), birthDate: '1949-12-31' }],
  ])('%s is valid', (raw, parts) => {
    const r = norm(raw);
    expect(r.parts).toMatchObject({ valid: true, ...parts });
    expect(r.issues).toEqual([]);
  });

  it('converts a 15-digit first-generation number to 18 digits', () => {
    const r = norm('110105491231002');
    expect(r.parts).toMatchObject({ value: withCheck('11010519491231002'), valid: true, birthDate: '1949-12-31' });
  });

  it.each(['无', '暂无', '不详', 'N/A', '-', '/', '0'])('%s is no ID number and no problem', (raw) => {
    expect(norm(raw)).toMatchObject({ value: null, parts: null, issues: [] });
  });

  it('keeps another kind of identifier (a 7-digit social-security number) unchecked', () => {
    expect(norm('6988048')).toMatchObject({ value: '6988048', parts: { valid: true, birthDate: null }, issues: [] });
    // A Hong Kong or Macau identity card number is one number with or without the brackets round its check character.
    for (const raw of ['A123456(3)', 'a123456（3）', 'A1234563']) expect(norm(raw)).toMatchObject({ value: 'A1234563', parts: { valid: true }, issues: [] });
    expect(norm('1514587(2)')).toMatchObject({ value: '15145872', parts: { valid: true }, issues: [] });
  });

  it.each([
    ['110105194912310021', [], 'id_number.bad_checksum'],
    ['1101051949123100', [], 'id_number.bad_length'],
    [withCheck('11010519491331002'), [], 'id_number.bad_birth_date'],
    ['111111111111111111', [], 'id_number.placeholder'],
    ['123456789012345678', [], 'id_number.placeholder'],
    [withCheck('51010719990229151'), [], 'id_number.bad_birth_date'],
    ['11010519491231002', [], 'id_number.bad_length'],
    ['1101051949123100299', [], 'id_number.bad_length'],
    ['11010519491231002X', ['1950-01-01', null], 'id_number.birth_date_mismatch'],
    ['11010519491231002X', [null, 'M'], 'id_number.gender_mismatch'],
    ['3.30106E+17', [], 'id_number.digits_lost'],
    ["'1.10105E+17", [], 'id_number.digits_lost'],
  ] as [string, [string | null, 'M' | 'F' | null] | [], string][])('%s → %s', (raw, ctx, code) => {
    const r = norm(raw, ...(ctx as [string | null, 'M' | 'F' | null]));
    expect(r.issues.map((i) => i.code)).toEqual([code]);
    for (const i of r.issues) expect(i.message).not.toContain(raw);
  });
});
