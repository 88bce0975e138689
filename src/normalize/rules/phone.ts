import { parsePhoneNumberFromString, type CountryCode, type NumberType, type PhoneNumber } from 'libphonenumber-js/max';
import type { NormalizedPhone } from '../../model/record.js';
import { issue, NO_ISSUES, sharedIssues, type Finding, type NormalizerRule } from '../rule.js';
import { cleanCell, lostDigits } from '../text/cell.js';
import { isNoValue } from '../text/no-value.js';
import { BoundedCache } from '../bounded-cache.js';
import { isValidNumber, numberType } from '../phone/number-type.js';
import { isPlainCnNational, plainCnMobile } from '../phone/plain-cn-mobile.js';

const FIELD = 'phone';
/** A longer cell is a paragraph, not phone numbers. */
const MAX_CELL = 200;
const SEPARATORS = /[\/,;、，；|]|\s{2,}|\s+(?:or|或)\s+/;
const SEVERAL_MOBILES = /^\s*1\d{10}(?:\s+1\d{10})+\s*$/;
const EXTENSION = /\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})\s*$/i;
/** An extension after a dash, as Chinese switchboards write it (0755-86001234-8021): read so only when the rest is a valid fixed line. */
const DASH_EXTENSION = /-\s*(\d{1,5})\s*$/;
/** A character an extension marker starts with: most numbers have none, and EXTENSION, which may start anywhere, need not run. */
const EXTENSION_MARK = /[转分xX#eE]/;
const ANY_NOT_DIGIT_OR_PLUS = /[^\d+]/;
const DIGIT = /\d/;
const NOT_DIGIT = /\D/g;
const NOT_DIGIT_OR_PLUS = /[^\d+]/g;
/**
 * North America's grouping, 1-800-275-2273 or 1 (212) 555-0134: the calling code 1, then groups of three, three and
 * four digits. A Chinese mobile is never grouped so (139-1287-3460, 139 1287 3460), while its bare eleven digits may be
 * the same (18002752273 is a China Telecom mobile): only the grouping tells them apart.
 */
const NANP_GROUPED = /^1(?:[\s.-]+\(?|\()\d{3}(?:\)[\s.-]*|[\s.-]+)\d{3}[\s.-]+\d{4}$/;
/** A Chinese mobile typed with its calling code but no plus: 8613912873460. */
const CN_MOBILE_WITHOUT_PLUS = /^861\d{10}$/;
/** Shared by every record without a phone: one array instead of one per record. */
const NONE: Finding<NormalizedPhone[]> = { parts: Object.freeze([]) as unknown as NormalizedPhone[], issues: NO_ISSUES };
const KNOWN_FAKES = new Set(['13800138000', '13888888888', '12345678901', '13812345678', '18888888888', '10086', '10010', '95588']);

/**
 * Made-up numbers: all one digit, a run up or down, or a well-known example number.
 * `national` holds digits only. Written with character codes rather than regular
 * expressions and slices: it runs for every number, and those allocate.
 */
export function looksFake(national: string): boolean {
  if (KNOWN_FAKES.has(national)) return true;
  if (national.length >= 2 && sameDigit(national, 0, national.length)) return true;
  // The subscriber part (last 8 digits) typed as a run, e.g. 138 12345678 or 87654321, or one digit repeated:
  // seven equal digits with at most one other before or after them.
  const from = Math.max(0, national.length - 8);
  const tail = national.length - from;
  if (tail >= 7 && (sameDigit(national, from, from + 7) || sameDigit(national, national.length - 7, national.length))) return true;
  return isRun(national, from, 1) || isRun(national, from, -1);
}

function sameDigit(s: string, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (s.charCodeAt(i) !== s.charCodeAt(from)) return false;
  return true;
}

/** Whether s[from..] counts up (step 1) or down (step -1) digit by digit, wrapping 9 → 0, over at least 7 digits. */
function isRun(s: string, from: number, step: number): boolean {
  if (s.length - from < 7) return false;
  for (let i = from + 1; i < s.length; i++) if ((s.charCodeAt(i) - s.charCodeAt(i - 1) + 10) % 10 !== (step + 10) % 10) return false;
  return true;
}

type Code = 'invalid' | 'placeholder';

/** What the normalizer keeps of a parsed number. */
interface Reading {
  e164: string;
  nationalNumber: string;
  type: NumberType;
  valid: boolean;
  ext: string | undefined;
}

/** What the normalizer uses of a parse: numbering plan (the country, or the calling code when that is all there is), national number, E.164, extension. */
interface Parse {
  plan: string;
  nationalNumber: string;
  e164: string;
  ext: string | undefined;
}

/**
 * libphonenumber-js's parse. It reports unparseable input by throwing a ParseError and
 * catching it itself; the stack trace each of those captures is wasted, so none is taken.
 */
function parseQuietly(digits: string, region?: CountryCode): Parse | undefined {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const parsed: PhoneNumber | undefined = parsePhoneNumberFromString(digits, region);
    return parsed && { plan: parsed.country ?? parsed.countryCallingCode, nationalNumber: parsed.nationalNumber, e164: parsed.number, ext: parsed.ext };
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function readWithLibrary(digits: string, region: CountryCode): Reading | null {
  let parsed = isPlainCnNational(digits, region) ? { plan: 'CN', nationalNumber: digits, e164: '+86' + digits, ext: undefined } : parseQuietly(digits, region);
  let valid = !!parsed && isValidNumber(parsed.plan, parsed.nationalNumber);
  // A foreign number typed without its plus (16176018653, 447932084070) is read as international when that is valid
  // (never one starting with 0: no calling code does, and the library reads no number there).
  if (parsed && !valid && !digits.startsWith('+') && !digits.startsWith('0')) {
    const international = parseQuietly('+' + digits);
    if (international && isValidNumber(international.plan, international.nationalNumber)) {
      parsed = international;
      valid = true;
    }
  }
  if (!parsed) return null;
  return { e164: parsed.e164, nationalNumber: parsed.nationalNumber, type: numberType(parsed.plan, parsed.nationalNumber), valid, ext: parsed.ext };
}

/** Readings of everything but plain mobiles, per default region: switchboard numbers recur, and each costs tens of µs. */
const readings = new Map<CountryCode, BoundedCache<Reading | null>>();

/** The reading of the plain mobile being parsed: one object, reused (parseOne copies what it keeps at once). */
const mobileReading: Reading = { e164: '', nationalNumber: '', type: undefined, valid: true, ext: undefined };

/** libphonenumber-js's reading of `digits`; null when it finds no number. Plain mobiles are cheaper to read than to look up. */
function read(digits: string, region: CountryCode): Reading | null {
  const mobile = plainCnMobile(digits, region);
  const mobileType = mobile ? numberType('CN', mobile) : undefined;
  if (mobile && mobileType) {
    // A number written +86… is its own E.164 form: no new string for the record to keep.
    mobileReading.e164 = digits[0] === '+' ? digits : '+86' + mobile;
    mobileReading.nationalNumber = mobile;
    mobileReading.type = mobileType;
    return mobileReading;
  }
  let cache = readings.get(region);
  if (!cache) readings.set(region, (cache = new BoundedCache()));
  const known = cache.lookup(digits);
  return known !== undefined ? known : cache.store(digits, readWithLibrary(digits, region));
}

/** Numbers and issue codes of the cell being read (scratch arrays: the finding keeps copies, and only when they are not empty). */
const found: NormalizedPhone[] = [];
const codes: Code[] = [];

/**
 * The reading of `digits` in the country the record's address is in, when that is another country and the number
 * is valid there (a US customer's 415-555-0134, an Australian's 0412 345 678), else in the default region.
 */
function readInCountry(digits: string, region: CountryCode, addressCountry: CountryCode | null): Reading | null {
  if (addressCountry && addressCountry !== region && digits[0] !== '+') {
    const local = read(digits, addressCountry);
    if (local?.valid) return local;
  }
  return read(digits, region);
}

/**
 * The digits and pluses of `body`, with a plus given to what libphonenumber reads as international only with one:
 * 0086 / 86 prefixes, and a number grouped as North America's that is valid there.
 */
function dialString(body: string, region: CountryCode): string {
  const digits = ANY_NOT_DIGIT_OR_PLUS.test(body) ? body.replace(NOT_DIGIT_OR_PLUS, '') : body;
  if (digits.startsWith('00')) return '+' + digits.slice(2);
  if (region === 'CN' && CN_MOBILE_WITHOUT_PLUS.test(digits)) return '+' + digits;
  if (digits.length === 11 && digits !== body && NANP_GROUPED.test(body.trim()) && isValidInternational('+' + digits)) return '+' + digits;
  return digits;
}

function isValidInternational(digits: string): boolean {
  const parsed = parseQuietly(digits);
  return !!parsed && isValidNumber(parsed.plan, parsed.nationalNumber);
}

/** The number in `piece`, or null; its issue code, if it has one, goes to `codes`. */
function parseOne(piece: string, region: CountryCode, addressCountry: CountryCode | null): NormalizedPhone | null {
  let ext = EXTENSION_MARK.test(piece) ? EXTENSION.exec(piece) : null;
  let body = ext ? piece.slice(0, ext.index) : piece;
  let digits = dialString(body, region);
  if (!ext && piece.includes('-')) {
    const dashed = DASH_EXTENSION.exec(piece);
    const line = dashed && !readInCountry(digits, region, addressCountry)?.valid ? piece.slice(0, dashed.index) : null;
    if (line && isFixedLine(readInCountry(dialString(line, region), region, addressCountry))) {
      ext = dashed;
      body = line;
      digits = dialString(line, region);
    }
  }
  if (digits.length - (digits.includes('+') ? 1 : 0) < 5) {
    codes.push('invalid');
    return null;
  }
  // `digits` holds digits and pluses only.
  const plain = digits.includes('+') ? digits.replace(NOT_DIGIT, '') : digits;
  const parsed = readInCountry(digits, region, addressCountry);
  const national = parsed?.nationalNumber ?? plain;
  const fake = looksFake(national) || looksFake(plain);
  if (fake) codes.push('placeholder');
  else if (!parsed?.valid) codes.push('invalid');
  if (!parsed) return null;
  const { type, valid } = parsed;
  return {
    e164: parsed.e164,
    type: type === 'MOBILE' ? 'mobile' : type === 'FIXED_LINE' ? 'fixed_line' : 'other',
    valid,
    fake,
    extension: ext?.[1] ?? parsed.ext ?? null,
  };
}

function isFixedLine(reading: Reading | null): boolean {
  return !!reading?.valid && (reading.type === 'FIXED_LINE' || reading.type === 'FIXED_LINE_OR_MOBILE');
}

/** A loop, not a closure over the new number: this runs for every number. */
function hasNumber(phones: NormalizedPhone[], e164: string): boolean {
  for (const p of phones) if (p.e164 === e164) return true;
  return false;
}

/** The number in a piece of a cell (null for a piece without digits, a 0 for none, or none found); issue codes go to `codes`. */
function readPiece(piece: string, region: CountryCode, addressCountry: CountryCode | null): NormalizedPhone | null {
  if (!DIGIT.test(piece)) return null;
  const trimmed = piece.trim();
  return isNoValue(trimmed) ? null : parseOne(trimmed, region, addressCountry);
}

function keep(phone: NormalizedPhone | null): void {
  if (phone && !hasNumber(found, phone.e164)) found.push(phone);
}

function addPiece(piece: string, region: CountryCode, addressCountry: CountryCode | null): void {
  keep(readPiece(piece, region, addressCountry));
}

function addPart(part: string, region: CountryCode, addressCountry: CountryCode | null): void {
  // A run of digits and spaces with no separator may still hold two mobiles ("13812345678 13987654321").
  if (SEVERAL_MOBILES.test(part)) {
    for (const piece of part.trim().split(/\s+/)) addPiece(piece, region, addressCountry);
    return;
  }
  const codesBefore = codes.length;
  const phone = readPiece(part, region, addressCountry);
  const pieces = phone?.valid ? null : numbersRunTogether(part, region, addressCountry);
  if (!pieces) return keep(phone);
  // The part is several numbers: its reading as one, and that reading's issue, go.
  codes.length = codesBefore;
  for (const piece of pieces) addPiece(piece, region, addressCountry);
}

const WORDS = /\S+/g;
const LONGEST_DIAL_STRING = 16;

/**
 * Numbers written one after another with single spaces, each formatted its own way ("+86 139-6221-7985 +86
 * 132-3880-1759", "(156)4050 8013 18329742093"): the words taken from the left until they make a valid number,
 * then again, when every piece so made is valid and there are two or more; else null. Only for parts that do not
 * read as one valid number, so a valid number is never split.
 */
function numbersRunTogether(part: string, region: CountryCode, addressCountry: CountryCode | null): string[] | null {
  const words = part.match(WORDS);
  if (!words || words.length < 2) return null;
  const pieces: string[] = [];
  let piece = '';
  for (const word of words) {
    piece = piece ? piece + ' ' + word : word;
    const digits = dialString(piece, region);
    // No number is longer (E.164: a plus and 15 digits), and more words only add digits: a long cell of digits
    // stops here instead of asking the library about every word.
    if (digits.length > LONGEST_DIAL_STRING) return null;
    if (digits.length >= 5 && readInCountry(digits, region, addressCountry)?.valid) {
      pieces.push(piece);
      piece = '';
    }
  }
  return piece === '' && pieces.length >= 2 ? pieces : null;
}

const DIGITS_LOST: Finding<NormalizedPhone[]> = {
  parts: NONE.parts,
  issues: sharedIssues(issue(FIELD, 'phone.digits_lost', 'a spreadsheet wrote the number in scientific notation: its last digits are lost and cannot be recovered; export the column as text')),
};
const INVALID = issue(FIELD, 'phone.invalid', 'not a valid phone number');
const PLACEHOLDER = issue(FIELD, 'phone.placeholder', 'a made-up placeholder number');
/** The issue lists a cell can have, in the order their codes first occur. */
const ISSUES = {
  invalid: sharedIssues(INVALID),
  placeholder: sharedIssues(PLACEHOLDER),
  invalidThenPlaceholder: sharedIssues(INVALID, PLACEHOLDER),
  placeholderThenInvalid: sharedIssues(PLACEHOLDER, INVALID),
};

function issuesOf(cellCodes: Code[]): Finding<NormalizedPhone[]>['issues'] {
  if (!cellCodes.length) return NO_ISSUES;
  const first = cellCodes[0];
  let both = false;
  for (const c of cellCodes) if (c !== first) both = true;
  if (first === 'invalid') return both ? ISSUES.invalidThenPlaceholder : ISSUES.invalid;
  return both ? ISSUES.placeholderThenInvalid : ISSUES.placeholder;
}

/**
 * The phone cell (one or more numbers) as a finding. Numbers without a country code are read in
 * `addressCountry` (the country the record's address is in, when it says) if they are valid there,
 * else in the default `region`.
 */
export function readPhones(raw: string, region: CountryCode, addressCountry: CountryCode | null = null): Finding<NormalizedPhone[]> {
  if (!raw || raw.trim() === '') return NONE;
  if (raw.length > MAX_CELL) return { parts: NONE.parts, issues: [issue(FIELD, 'phone.too_long', `phone cell holds ${raw.length} characters of text`)] };
  found.length = 0;
  codes.length = 0;
  const text = cleanCell(raw);
  if (lostDigits(text)) return DIGITS_LOST;
  // Most cells hold one number: no array of parts for them.
  if (!SEPARATORS.test(text)) addPart(text, region, addressCountry);
  else for (const part of text.split(SEPARATORS)) addPart(part, region, addressCountry);
  // One number (most cells) goes into an array literal: V8 allocates those long-lived arrays straight in the old
  // generation, where slice()'s copies are copied again by every young-generation collection they live through.
  const parts = found.length === 1 ? [found[0]] : found.length ? found.slice() : NONE.parts;
  return { parts, issues: issuesOf(codes) };
}

export const phoneRule: NormalizerRule<string, NormalizedPhone[], { defaultRegion: CountryCode }> = {
  id: 'phone',
  doc: 'Phone numbers to E.164 with libphonenumber-js (numbers without a country code: the country of the record\'s address when it names one and the number is valid there, else the default region); +86 / 0086 / 86 prefixes, dashes, brackets, full-width digits and extensions (转, ext, x, or a dash after a fixed line: 0755-86001234-8021) accepted, a number grouped as North America\'s (1-800-275-2273) read there when valid, and numbers as spreadsheets write them (13957120486.0, \'13957120486, ="13957120486"); several numbers in one cell are split; made-up numbers are kept but marked fake.',
  codes: {
    'phone.invalid': 'Not a valid phone number for its region.',
    'phone.placeholder': 'A made-up number (13800138000, all one digit, a run such as 12345678): counts as missing.',
    'phone.too_long': 'The cell holds text, not phone numbers.',
    'phone.digits_lost': 'A number a spreadsheet wrote in scientific notation (1.39128E+10): its last digits are lost for good; export the column as text.',
  },
  normalize(raw, { defaultRegion }) {
    const { parts, issues } = readPhones(raw, defaultRegion);
    return { raw, value: parts[0]?.e164 ?? null, parts, issues };
  },
};
