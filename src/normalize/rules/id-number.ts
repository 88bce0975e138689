import type { NormalizedIdNumber } from '../../model/record.js';
import { issue, type NormalizerRule } from '../rule.js';
import { cleanText } from '../text/fold.js';

const FIELD = 'id_number';
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** ISO 7064 MOD 11-2 check character of the first 17 digits of a resident ID. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK[sum % 11];
}

function birthOf(id18: string): string | null {
  const y = +id18.slice(6, 10);
  const m = +id18.slice(10, 12);
  const d = +id18.slice(12, 14);
  const t = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${id18.slice(6, 10)}-${id18.slice(10, 12)}-${id18.slice(12, 14)}`;
}

export const idNumberRule: NormalizerRule<string, NormalizedIdNumber | null, { birthDate: string | null; gender: 'M' | 'F' | null }> = {
  id: 'id_number',
  doc: 'Chinese resident ID numbers: 18 characters with the ISO 7064 MOD 11-2 check character (x upper-cased), 15-digit first-generation numbers converted to 18; birth date, gender and region read from the number and checked against the birth date and gender columns. Other identifiers (5–20 letters and digits, e.g. a social-security number) are kept as they are and not checked.',
  codes: {
    'id_number.bad_checksum': 'The check character does not match: a typo or a made-up number.',
    'id_number.bad_length': 'Digits, but neither 15 nor 18 of them, nor another plausible identifier.',
    'id_number.bad_birth_date': 'The birth date inside the number is not a calendar date.',
    'id_number.birth_date_mismatch': 'The birth date inside the number differs from the birth date column.',
    'id_number.gender_mismatch': 'The gender digit differs from the gender column.',
    'id_number.placeholder': 'A made-up number (all one digit, 123456…).',
  },
  normalize(raw, { birthDate, gender }) {
    const text = cleanText(raw ?? '').replace(/[\s-]/g, '').toUpperCase();
    if (!text) return { raw, value: null, parts: null, issues: [] };
    const fail = (code: string, message: string, value: string | null = text): ReturnType<typeof idNumberRule.normalize> => ({
      raw,
      value,
      parts: value ? { value, valid: false, birthDate: null, gender: null, region: null } : null,
      issues: [issue(FIELD, code, message)],
    });
    if (/^(\d)\1+X?$/.test(text) || /^(?:0?123456789|987654321)/.test(text)) return fail('id_number.placeholder', 'a made-up ID number', null);
    let id = text;
    if (/^\d{15}$/.test(text)) {
      const first17 = `${text.slice(0, 6)}19${text.slice(6)}`;
      id = first17 + idCheckDigit(first17);
    } else if (!/^\d{17}[\dX]$/.test(text)) {
      if (/^[A-Z0-9]{5,20}$/.test(text) && !/^\d{16,19}$/.test(text)) {
        return { raw, value: text, parts: { value: text, valid: true, birthDate: null, gender: null, region: null }, issues: [] };
      }
      return fail('id_number.bad_length', `an ID number of ${text.length} characters (expected 18)`);
    }
    if (idCheckDigit(id.slice(0, 17)) !== id[17]) return fail('id_number.bad_checksum', 'the check character does not match', id);
    const born = birthOf(id);
    if (!born) return fail('id_number.bad_birth_date', 'the birth date inside the number is not a calendar date', id);
    const sex = Number(id[16]) % 2 === 1 ? 'M' : 'F';
    const issues = [];
    if (birthDate && birthDate !== born) issues.push(issue(FIELD, 'id_number.birth_date_mismatch', 'the birth date inside the number differs from the birth date column'));
    if (gender && gender !== sex) issues.push(issue(FIELD, 'id_number.gender_mismatch', 'the gender digit differs from the gender column'));
    return { raw, value: id, parts: { value: id, valid: true, birthDate: born, gender: sex, region: id.slice(0, 6) }, issues };
  },
};
