import { stripDiacritics } from '../text/fold.js';
import { STATES, STREET_TYPES, US_STATE_CODES } from './street-types.js';

export interface LatinAddress {
  street: string | null;
  number: string | null;
  unit: string | null;
  suburb: string | null;
  state: string | null;
  postcode: string | null;
  /** The country written after the locality ("usa", "united kingdom"), folded; null when none is. */
  country: string | null;
}

/** Words that name a unit, floor or room (Apt 12B, Suite 400, Flat 3, Fl 2, Rm 101). */
const UNIT_WORDS = 'apartment|apt|suite|ste|unit|flat|floor|fl|room|rm';
const UNIT_PREFIX = new RegExp(`^(?:${UNIT_WORDS}|u)\\b\\s*(\\w+)(?:[,\\s]+|$)`);
/**
 * A unit after the street ("king street apt 12b", "king st apt12b", "king st, suite 400"): the word, then a number of
 * at most four digits, perhaps with a letter (a ZIP code after "FL", Florida, is no floor), or one letter alone.
 * Street names that hold such a word (Flat Rock Road, Kangaroo Flat) have no number after it.
 */
const UNIT_AFTER = new RegExp(`\\b(?:${UNIT_WORDS})(?:\\s*([a-z]?\\d{1,4}[a-z]?(?:-[a-z\\d]+)?)|\\s+([a-z]))(?![\\w-])`);
/** "#12", "Apt #12": the hash stands for a unit word, or is dropped after one (folding would drop it and keep the number). */
const HASH_UNIT = new RegExp(`(?:\\b(${UNIT_WORDS})\\.?\\s*)?#\\s*(?=[a-z\\d])`, 'gi');
const SLASH_UNIT = /^(\w+)\s*\/\s*(\d+\w?)\s+/;
const LEADING_NUMBER = /^(\d+[a-z]?(?:-\d+[a-z]?)?)\s+/;
/** Postcodes at the end of a locality: AU/US/EU digits, US ZIP+4, UK and Canadian forms. */
const TRAILING_POSTCODE = /\s*\b(\d{4,5}(?:-\d{4})?|[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}|[a-z]\d[a-z]\s*\d[a-z]\d)$/;
const TRAILING_COUNTRY = /\s*\b(usa|us|united states(?: of america)?|uk|gb|united kingdom|great britain|england|scotland|wales|australia|au|canada|new zealand|nz|ireland|singapore)$/;
const ZIP_CODE = /^\d{5}(?:-\d{4})?$/;
const DOT_OR_HASH = /[.#]/;
const DOTS_AND_HASHES = /[.#]/g;
const ANY_DROPPED = /[^\p{L}\p{N}\s,/-]/u;
const DROPPED = /[^\p{L}\p{N}\s,/-]+/gu;
/** Anything but single spaces: a run of white space, or white space other than a space. */
const UNEVEN_SPACE = /\s\s|[^\S ]/;
const WHITESPACE_RUNS = /\s+/g;
const WHITESPACE = /\s/g;
const COMMAS = /,/g;

/** Lower-case letters, digits, commas, slashes and dashes between single spaces. Each replacement runs only when it would change something. */
export function foldLatin(s: string): string {
  let t = stripDiacritics(s).toLowerCase();
  if (DOT_OR_HASH.test(t)) t = t.replace(DOTS_AND_HASHES, ' ');
  if (ANY_DROPPED.test(t)) t = t.replace(DROPPED, ' ');
  // Single spaces stay as they are: only runs of white space, or other white space, are collapsed.
  if (UNEVEN_SPACE.test(t)) t = t.replace(WHITESPACE_RUNS, ' ');
  return t.trim();
}

/** Canonical street: words folded, the street type abbreviated. */
export function canonicalStreet(s: string): string | null {
  const words = foldLatin(s).replace(COMMAS, ' ').split(' ').filter(Boolean);
  if (!words.length) return null;
  const last = words.length - 1;
  if (last > 0 && STREET_TYPES[words[last]]) words[last] = STREET_TYPES[words[last]];
  return words.join(' ');
}

/** The comma-separated pieces of the line being parsed, trimmed, empty ones left out (one list, reused: this runs for every address). */
const segments: string[] = [];

function splitSegments(text: string): void {
  segments.length = 0;
  for (let from = 0; ; ) {
    const comma = text.indexOf(',', from);
    const piece = (comma < 0 ? text.slice(from) : text.slice(from, comma)).trim();
    if (piece) segments.push(piece);
    if (comma < 0) return;
    from = comma + 1;
  }
}

function lastWord(s: string): string {
  return s.slice(s.lastIndexOf(' ') + 1);
}

/** A locality ("richmond vic 3121, australia") split into the town, its postcode, state and country (one object, reused). */
const place = { locality: '', postcode: null as string | null, state: null as string | null, country: null as string | null };

function readLocality(text: string): typeof place {
  let locality = text;
  let m = TRAILING_COUNTRY.exec(locality);
  place.country = m ? m[1] : null;
  if (m) locality = locality.slice(0, m.index);
  place.postcode = null;
  if ((m = TRAILING_POSTCODE.exec(locality))) {
    place.postcode = m[1];
    locality = locality.slice(0, m.index).trim();
  }
  const last = lastWord(locality);
  place.state = STATES[last] ?? (place.postcode && ZIP_CODE.test(place.postcode) && US_STATE_CODES.has(last) ? last : null);
  if (place.state) locality = locality.slice(0, Math.max(0, locality.length - last.length)).trim();
  place.locality = locality;
  return place;
}

/**
 * A Latin-script address from a street line ("3/27 Tullaroop Street",
 * "Unit 4, 12 King St, Richmond VIC 3121") plus separate columns, which win.
 */
export function parseLatinAddress(line: string, colNumber?: string, colSuburb?: string, colState?: string, colPostcode?: string): LatinAddress {
  splitSegments(foldLatin(line.includes('#') ? line.replace(HASH_UNIT, (_, word: string | undefined) => ` ${word ?? 'unit'} `) : line));
  let first = segments.shift() ?? '';
  let unit: string | null = null;
  let number: string | null = null;
  let m = UNIT_PREFIX.exec(first);
  if (m) {
    unit = m[1];
    first = first.slice(m[0].length);
    if (!first && segments.length) first = segments.shift()!;
  }
  if ((m = SLASH_UNIT.exec(first))) {
    unit = m[1];
    number = m[2];
    first = first.slice(m[0].length);
  } else if ((m = LEADING_NUMBER.exec(first))) {
    number = m[1];
    first = first.slice(m[0].length);
  }
  // A unit after the street, in the street's piece ("king st apt 12b") or in a piece of its own ("king st, apt 12b"):
  // what follows it in that piece is the start of the locality.
  m = UNIT_AFTER.exec(first);
  const inStreet = m !== null && m.index > 0;
  if (!inStreet) m = segments.length ? UNIT_AFTER.exec(segments[0]) : null;
  if (m && (inStreet || m.index === 0)) {
    unit ??= m[1] ?? m[2];
    const piece = inStreet ? first : segments.shift()!;
    const after = piece.slice(m.index + m[0].length).trim();
    if (inStreet) first = first.slice(0, m.index).trim();
    if (after) segments.unshift(after);
  }
  // What follows the street: "richmond vic 3121".
  let { locality, postcode, state, country } = readLocality(segments.join(' '));
  // A line that is only a place ("New York, NY 10015", "Sydney NSW 2000") names no street.
  if (!number && !unit && !locality && first && !STREET_TYPES[lastWord(first)]) {
    const whole = readLocality(segments.length ? `${first} ${segments.join(' ')}` : first);
    if (whole.postcode || whole.state) {
      ({ locality, postcode, state, country } = whole);
      first = '';
    }
  }
  const words = locality.split(' ').filter(Boolean);
  const numberFolded = colNumber ? foldLatin(colNumber) : '';
  const stateFolded = colState ? foldLatin(colState) : '';
  return {
    country,
    street: canonicalStreet(first),
    number: numberFolded || number,
    unit,
    suburb: (colSuburb ? foldLatin(colSuburb) : '') || words.join(' ') || null,
    state: stateFolded ? (STATES[stateFolded] ?? stateFolded) : state,
    postcode: colPostcode?.replace(WHITESPACE, '') || postcode?.replace(WHITESPACE, '') || null,
  };
}
