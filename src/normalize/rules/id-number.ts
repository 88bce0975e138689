import type { Issue, NormalizedIdNumber } from '../../model/record.js';
import { issue, NO_ISSUES, sharedIssues, type Finding, type NormalizerRule } from '../rule.js';
import { cleanCell, lostDigits } from '../text/cell.js';
import { isNoValue } from '../text/no-value.js';
import { BoundedCache } from '../bounded-cache.js';
import { sharedDigits } from '../text/shared-strings.js';

const FIELD = 'id_number';
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
/** Characters upper-casing could change. */
const LOWER_OR_NON_ASCII = /[a-z]|[^\x00-\x7f]/;
const SPACES_AND_DASHES = /[\s-]/g;
const ONE_DIGIT_REPEATED = /^(\d)\1+X?$/;
const COUNTING = /^(?:0?123456789|987654321)/;
const FIRST_GENERATION = /^\d{15}$/;
const SECOND_GENERATION = /^\d{17}[\dX]$/;
const OTHER_IDENTIFIER = /^[A-Z0-9]{5,20}$/;
/** A check character in brackets, as Hong Kong and Macau identity cards print it: A123456(3), 1234567(8). */
const BRACKETED_CHECK = /^([A-Z0-9]{4,19})\(([A-Z0-9])\)$/;
/** Bank-card lengths: digits like these are not another kind of identifier. */
const CARD_NUMBER = /^\d{16,19}$/;

/** ISO 7064 MOD 11-2 check character of the first 17 digits of a resident ID (any characters after them are not read). */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Birth dates by year * 10000 + month * 100 + day: the same days recur, and the records share one string per day. */
const birthDates = new BoundedCache<string | null, number>();

/** The birth date written in digits 7–14 of an 18-character ID, or null when it is not a calendar date from 1900 on. */
function birthOf(id18: string): string | null {
  let day = 0;
  for (let i = 6; i < 14; i++) day = day * 10 + id18.charCodeAt(i) - 48;
  const known = birthDates.lookup(day);
  return known !== undefined ? known : birthDates.store(day, isoDay(day));
}

function isoDay(day: number): string | null {
  const y = Math.floor(day / 10000);
  const m = Math.floor(day / 100) % 100;
  const d = day % 100;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Upper-casing copies text imported as two-byte characters even when it changes nothing (digits), and the record keeps the copy. */
function upperCase(s: string): string {
  return LOWER_OR_NON_ASCII.test(s) ? s.toUpperCase() : s;
}

type IdFinding = Finding<NormalizedIdNumber | null>;

const NONE: IdFinding = { parts: null, issues: NO_ISSUES };
const PLACEHOLDER: IdFinding = { parts: null, issues: sharedIssues(issue(FIELD, 'id_number.placeholder', 'a made-up ID number')) };
const DIGITS_LOST: IdFinding = {
  parts: null,
  issues: sharedIssues(issue(FIELD, 'id_number.digits_lost', 'a spreadsheet wrote the number in scientific notation: its last digits are lost and cannot be recovered; export the column as text')),
};
const BAD_CHECKSUM = sharedIssues(issue(FIELD, 'id_number.bad_checksum', 'the check character does not match'));
const BAD_BIRTH_DATE = sharedIssues(issue(FIELD, 'id_number.bad_birth_date', 'the birth date inside the number is not a calendar date'));
const BIRTH_DATE_MISMATCH = issue(FIELD, 'id_number.birth_date_mismatch', 'the birth date inside the number differs from the birth date column');
const GENDER_MISMATCH = issue(FIELD, 'id_number.gender_mismatch', 'the gender digit differs from the gender column');
const MISMATCHES = {
  birthDate: sharedIssues(BIRTH_DATE_MISMATCH),
  gender: sharedIssues(GENDER_MISMATCH),
  both: sharedIssues(BIRTH_DATE_MISMATCH, GENDER_MISMATCH),
};

/** An identifier that does not check out: kept, marked invalid. */
function invalid(value: string, issues: Issue[]): IdFinding {
  return { parts: { value, valid: false, birthDate: null, gender: null, region: null }, issues };
}

/** The ID number cell as a finding, checked against the birth date and gender read from their columns. */
export function readIdNumber(raw: string | undefined, birthDate: string | null, gender: 'M' | 'F' | null): IdFinding {
  const cell = raw ? cleanCell(raw) : '';
  if (!cell || isNoValue(cell)) return NONE;
  if (lostDigits(cell)) return DIGITS_LOST;
  const spaced = upperCase(cell.replace(SPACES_AND_DASHES, ''));
  // Written with or without its brackets, it is one number.
  const text = spaced.endsWith(')') ? spaced.replace(BRACKETED_CHECK, '$1$2') : spaced;
  if (!text) return NONE;
  if (ONE_DIGIT_REPEATED.test(text) || COUNTING.test(text)) return PLACEHOLDER;
  let id = text;
  if (FIRST_GENERATION.test(text)) {
    const first17 = `${text.slice(0, 6)}19${text.slice(6)}`;
    id = first17 + idCheckDigit(first17);
  } else if (!SECOND_GENERATION.test(text)) {
    if (OTHER_IDENTIFIER.test(text) && !CARD_NUMBER.test(text)) {
      return { parts: { value: text, valid: true, birthDate: null, gender: null, region: null }, issues: NO_ISSUES };
    }
    return invalid(text, [issue(FIELD, 'id_number.bad_length', `an ID number of ${text.length} characters (expected 18)`)]);
  }
  if (idCheckDigit(id) !== id[17]) return invalid(id, BAD_CHECKSUM);
  const born = birthOf(id);
  if (!born) return invalid(id, BAD_BIRTH_DATE);
  const sex = Number(id[16]) % 2 === 1 ? 'M' : 'F';
  const birthDateDiffers = !!birthDate && birthDate !== born;
  const genderDiffers = !!gender && gender !== sex;
  const issues = birthDateDiffers ? (genderDiffers ? MISMATCHES.both : MISMATCHES.birthDate) : genderDiffers ? MISMATCHES.gender : NO_ISSUES;
  return { parts: { value: id, valid: true, birthDate: born, gender: sex, region: sharedDigits(id, 0, 6) }, issues };
}

export const idNumberRule: NormalizerRule<string, NormalizedIdNumber | null, { birthDate: string | null; gender: 'M' | 'F' | null }> = {
  id: 'id_number',
  doc: 'Chinese resident ID numbers: 18 characters with the ISO 7064 MOD 11-2 check character (x upper-cased), 15-digit first-generation numbers converted to 18; numbers kept as text by a spreadsheet (\'…, ="…") unwrapped; birth date, gender and region read from the number and checked against the birth date and gender columns. Other identifiers (5–20 letters and digits, e.g. a social-security number, a Hong Kong or Macau identity card number with its bracketed check character joined: A123456(3) → A1234563) are kept and not checked.',
  codes: {
    'id_number.bad_checksum': 'The check character does not match: a typo or a made-up number.',
    'id_number.bad_length': 'Digits, but neither 15 nor 18 of them, nor another plausible identifier.',
    'id_number.bad_birth_date': 'The birth date inside the number is not a calendar date.',
    'id_number.birth_date_mismatch': 'The birth date inside the number differs from the birth date column.',
    'id_number.gender_mismatch': 'The gender digit differs from the gender column.',
    'id_number.placeholder': 'A made-up number (all one digit, 123456…).',
    'id_number.digits_lost': 'A number a spreadsheet wrote in scientific notation (3.30106E+17): its last digits are lost for good; export the column as text.',
  },
  normalize(raw, { birthDate, gender }) {
    const { parts, issues } = readIdNumber(raw, birthDate, gender);
    return { raw, value: parts?.value ?? null, parts, issues };
  },
};
