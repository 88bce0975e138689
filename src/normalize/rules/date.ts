import { issue, NO_ISSUES, sharedIssues, type Finding, type NormalizerRule } from '../rule.js';
import { cleanCell } from '../text/cell.js';
import { isNoValue } from '../text/no-value.js';
import { BoundedCache } from '../bounded-cache.js';
import { chineseToNumber } from '../address/chinese-numerals.js';

export interface DateOptions {
  /** How to read ambiguous numeric dates such as 02/11/2023. */
  order: 'YMD' | 'DMY' | 'MDY';
  /** Birth dates and event dates (updates, contacts) have different plausible ranges. */
  kind: 'birth' | 'event';
  /** ISO run date: later dates are in the future. */
  asOf: string;
}

/** A time of day after the date: 14:30, 14:30:00.5Z, 1:45 PM, 下午 01:45:00, 上午9:30. */
const TIME = /(?:[T\s]|\s*(?:上午|下午|中午|晚上|凌晨)\s*)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$/i;
/** A date column's way of saying no date. */
const ZERO_DATE = /^0{4}-?0{2}-?0{2}$/;
const SLASHED = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const TEXT_MONTH = /^(\d{1,2})[\s-]([a-z]{3})[a-z]*\.?[\s-,]+(\d{4})$|^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/;
/** A weekday after the date (2023年5月6日 星期六, 2023/5/6 (周六)), or a full stop that ends it (2023.05.06.): not kept. */
const WEEKDAY_OR_FULL_STOP = /\s*\(?(?:星期|周|礼拜)[一二三四五六日天]\)?$|\.$/;
/** Chinese numerals in a date written out (二〇二三年五月六日, 二〇二三年十二月三十一日). */
const NUMERALS = /[零〇一二三四五六七八九十]+/g;
const HAS_NUMERAL = /[零〇一二三四五六七八九十]/;
/** A year, or a year and month, with no day: 1990, 1990年, 2023-05, 2023/5, 2023年5月, 05/2023. */
const PARTIAL = /^(\d{4})(?:年|[-/.年](\d{1,2})月?)?$|^(\d{1,2})[-/.](\d{4})$/;
/** Excel stores dates as days since 1899-12-30; five digits are 1927–2173 (readDate keeps those the column can hold). */
const EXCEL_SERIAL = /^\d{5}(?:\.\d+)?$/;

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, m - 1, d);
  const date = new Date(t);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The number written by the digits s[from..to). */
function digitsValue(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + s.charCodeAt(i) - 48;
  return v;
}

/** End of the run of digits starting at `from`, at most `end`. */
function digitsEnd(s: string, from: number, end: number): number {
  let i = from;
  while (i < end && isDigit(s.charCodeAt(i))) i++;
  return i;
}

/** Whether s[i] is before `end` and one of `chars`. */
const oneOf = (s: string, i: number, end: number, chars: string) => i < end && chars.includes(s[i]);

/**
 * Year-first dates — 2023-01-05, 2023/1/5, 2023.1.5, 2023年1月5日 and 20230105 — filling s[0, end),
 * as year * 10000 + month * 100 + day, read with character codes: most dates in exports look like
 * this, and a regular expression allocates a match for each. -1 for text of any other shape.
 */
function yearFirstDay(s: string, end: number): number {
  const yearEnd = digitsEnd(s, 0, end);
  if (yearEnd === 8 && end === 8) return digitsValue(s, 0, 8);
  if (yearEnd !== 4 || !oneOf(s, 4, end, '-/.年')) return -1;
  const monthEnd = digitsEnd(s, 5, end);
  if (monthEnd - 5 < 1 || monthEnd - 5 > 2 || !oneOf(s, monthEnd, end, '-/.月')) return -1;
  const dayEnd = digitsEnd(s, monthEnd + 1, end);
  if (dayEnd - monthEnd - 1 < 1 || dayEnd - monthEnd - 1 > 2) return -1;
  // 日, or 号 as it is said: 2023年5月6号.
  if (dayEnd !== end && !(dayEnd === end - 1 && (s[dayEnd] === '日' || s[dayEnd] === '号'))) return -1;
  return digitsValue(s, 0, 4) * 10000 + digitsValue(s, 5, monthEnd) * 100 + digitsValue(s, monthEnd + 1, dayEnd);
}

/** The ISO date of a year-first date; null when it is not a calendar date, undefined for text of any other shape. */
function yearFirst(s: string): string | null | undefined {
  const day = yearFirstDay(s, s.length);
  return day < 0 ? undefined : iso(Math.floor(day / 10000), Math.floor(day / 100) % 100, day % 100);
}

/** Where a time of day written as " 14:30" or " 14:30:00" ends `s` (the index of its space); -1 when none does. */
function timeOfDayStart(s: string): number {
  const space = s.lastIndexOf(' ');
  if (space < 0) return -1;
  const hourEnd = digitsEnd(s, space + 1, s.length);
  if (hourEnd - space - 1 < 1 || hourEnd - space - 1 > 2 || s[hourEnd] !== ':') return -1;
  if (digitsEnd(s, hourEnd + 1, s.length) !== hourEnd + 3) return -1;
  if (hourEnd + 3 === s.length) return space;
  return s[hourEnd + 3] === ':' && digitsEnd(s, hourEnd + 4, s.length) === s.length && s.length === hourEnd + 6 ? space : -1;
}

/**
 * The day of a cell that is a year-first date with nothing else but perhaps a time of day after it,
 * as year * 10000 + month * 100 + day; -1 for any other cell. Such a cell reads exactly as its day
 * does (its time is dropped, and its text needs no cleaning), so their findings are cached by this
 * number: a few thousand small keys instead of the text of every distinct timestamp.
 */
function dayOfCell(raw: string): number {
  const end = raw.includes(':') ? timeOfDayStart(raw) : raw.length;
  if (end < 0) return -1;
  const day = yearFirstDay(raw, end);
  // Month or day 0 goes the long way: 0000-00-00 is a placeholder, not a date.
  return day < 0 || day % 100 === 0 || Math.floor(day / 100) % 100 === 0 ? -1 : day;
}

/** The date without the time of day after it (which is not kept). A time part has a colon: without one there is nothing to strip. */
function withoutTime(text: string): string {
  return (text.includes(':') ? text.replace(TIME, '') : text).trim();
}

/** The date as written without a weekday or final full stop after it, with Chinese numerals as digits. */
function plainDate(text: string): string {
  const s = withoutTime(text).replace(WEEKDAY_OR_FULL_STOP, '');
  return HAS_NUMERAL.test(s) && s.includes('年') ? s.replace(NUMERALS, (m) => String(chineseToNumber(m) ?? m)) : s;
}

/** Parse a date in any of the forms exports use, Excel serial numbers included; null when it is not a calendar date. */
export function parseDate(text: string, order: DateOptions['order']): string | null {
  const s = plainDate(text).toLowerCase();
  const ymd = yearFirst(s);
  if (ymd !== undefined) return ymd;
  let m;
  if ((m = SLASHED.exec(s))) {
    if (order === 'YMD') {
      // With no day/month order configured only an unambiguous value is read; the caller flags the rest.
      const readings = slashedReadings(m);
      return readings.length === 1 ? readings[0] : null;
    }
    const [a, b, y] = [+m[1], +m[2], fullYear(m[3])];
    return order === 'MDY' ? iso(y, a, b) : iso(y, b, a);
  }
  if ((m = TEXT_MONTH.exec(s))) {
    const month = MONTHS.indexOf((m[2] ?? m[4]).slice(0, 3)) + 1;
    return month ? iso(+(m[3] ?? m[6]), month, +(m[1] ?? m[5])) : null;
  }
  if (EXCEL_SERIAL.test(s)) return new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(s)) * 86_400_000).toISOString().slice(0, 10);
  return null;
}

function fullYear(digits: string): number {
  const y = +digits;
  return digits.length === 2 ? y + (y < 50 ? 2000 : 1900) : y;
}

/**
 * The distinct calendar dates a slashed date can be: day first, month first, and with two digits first and last,
 * year first as well (23-05-06 is 2023-05-06 to a Chinese export, 23 May 2006 to a British one).
 */
function slashedReadings(m: RegExpExecArray): string[] {
  const [a, b, y] = [+m[1], +m[2], fullYear(m[3])];
  const readings: string[] = [];
  for (const r of [iso(y, b, a), iso(y, a, b), m[1].length === 2 && m[3].length === 2 ? iso(fullYear(m[1]), b, +m[3]) : null]) {
    if (r && !readings.includes(r)) readings.push(r);
  }
  return readings;
}

function isAmbiguous(text: string): boolean {
  const m = SLASHED.exec(withoutTime(text));
  return !!m && slashedReadings(m).length > 1;
}

/** Whether the text is a plausible year, or year and month, without a day (a month of 13 or the year 0512 is no date). */
function isPartial(text: string, asOf: string): boolean {
  const m = PARTIAL.exec(plainDate(text));
  if (!m) return false;
  const year = Number(m[1] ?? m[4]);
  const month = m[2] ?? m[3];
  return year >= 1900 && year <= Number(asOf.slice(0, 4)) + 1 && (!month || (Number(month) >= 1 && Number(month) <= 12));
}

type DateFinding = Finding<string | null>;

const NONE: DateFinding = { parts: null, issues: NO_ISSUES };

/** A reader's findings whose issue has a fixed message, made once per reader. */
type FixedFindings = Record<'ambiguous' | 'invalid' | 'partial' | 'future', DateFinding>;

function fixedFindings(field: string): FixedFindings {
  const finding = (code: string, message: string): DateFinding => ({ parts: null, issues: sharedIssues(issue(field, code, message)) });
  return {
    ambiguous: finding('date.ambiguous', 'day and month could be either way round; set dateOrder (DMY or MDY) in the config'),
    invalid: finding('date.invalid', 'not a calendar date'),
    partial: finding('date.partial', 'a year or a month without a day: no date kept'),
    future: finding('date.future', 'a date after the run date'),
  };
}

function readDate(raw: string, { order, kind, asOf }: DateOptions, fixed: FixedFindings): DateFinding {
  const text = cleanCell(raw);
  if (!text || isNoValue(text) || ZERO_DATE.test(text)) return NONE;
  const field = kind === 'birth' ? 'birth_date' : 'updated_at';
  const value = text.length > 40 ? null : parseDate(text, order);
  if (!value && order === 'YMD' && isAmbiguous(text)) return fixed.ambiguous;
  if (!value) return isPartial(text, asOf) ? fixed.partial : fixed.invalid;
  const year = Number(value.slice(0, 4));
  const asOfYear = Number(asOf.slice(0, 4));
  if (year > asOfYear + 1 || (kind === 'birth' ? year < 1900 || asOfYear - year > 120 : year < 1970)) {
    // A number is a day count only where it gives a year the column can hold; elsewhere it is no date at all.
    if (EXCEL_SERIAL.test(text)) return fixed.invalid;
    return { parts: null, issues: [issue(field, 'date.implausible', `year ${year} is not plausible for a ${kind === 'birth' ? 'birth date' : 'record date'}`)] };
  }
  if (value > asOf) return fixed.future;
  return { parts: value, issues: NO_ISSUES };
}

/** Reads the dates of one set of options; findings are shared by every cell with the same text. */
export type DateReader = (raw: string | undefined) => DateFinding;

/** Dates recur (the same days across thousands of rows), so readings are cached per set of options. */
const readers = new Map<string, DateReader>();

/** The reader for `options`, made once per distinct set of options. */
export function dateReader(options: DateOptions): DateReader {
  const key = `${options.order} ${options.kind} ${options.asOf}`;
  let reader = readers.get(key);
  if (!reader) {
    const byText = new BoundedCache<DateFinding>();
    const byDay = new BoundedCache<DateFinding, number>();
    // Its own copy of exactly the options its key names.
    const own: DateOptions = { order: options.order, kind: options.kind, asOf: options.asOf };
    const fixed = fixedFindings(options.kind === 'birth' ? 'birth_date' : 'updated_at');
    reader = (raw) => {
      if (!raw) return NONE;
      const day = dayOfCell(raw);
      if (day >= 0) return byDay.lookup(day) ?? byDay.store(day, readDate(raw, own, fixed));
      return byText.lookup(raw) ?? byText.store(raw, readDate(raw, own, fixed));
    };
    readers.set(key, reader);
  }
  return reader;
}

export const dateRule: NormalizerRule<string, string | null, DateOptions> = {
  id: 'date',
  doc: 'Dates to ISO YYYY-MM-DD from 2023-01-05, 2023/1/5, 2023.1.5, 20230105, 2023年1月5日 (or 5号, or written out: 二〇二三年一月五日; a weekday after it dropped), 05/01/2023 and 23-01-05 (by the configured order; without one, only when a single reading is a date), 5 Jan 2023 and Excel serial numbers (when they give a year the column can hold); time parts (14:30, 1:45 PM, 下午 01:45) dropped; impossible, future and implausible dates flagged.',
  codes: {
    'date.invalid': 'Not a calendar date (e.g. 1937-12-33 or free text).',
    'date.ambiguous': 'A date such as 02/11/2023 that reads as 2 November or 11 February, or 23-05-06 that reads as 2023-05-06 or 23 May 2006, with no day/month order configured: flagged, not guessed.',
    'date.partial': 'A year or a month without its day (1990, 1990年, 2023-05, 2023年5月): the record keeps no date, as there is none to compare, and says so.',
    'date.future': 'A date after the run date.',
    'date.implausible': 'A birth date before 1900 or giving an age over 120, or an event date before 1970 or in a far future.',
  },
  normalize(raw, options) {
    const { parts, issues } = dateReader(options)(raw);
    return { raw, value: parts, parts, issues };
  },
};
