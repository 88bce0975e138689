/**
 * A streaming CSV tokenizer that knows where every record starts and recovers
 * from broken quoting. csv-parse was the first choice, but with
 * skip_records_with_error it silently drops the rest of a buffer after some
 * errors (e.g. `"x" y` with trim), and an unclosed quote swallows the whole rest
 * of the file; a data-cleaning import must lose nothing without saying so.
 *
 * Dialect: RFC 4180 plus what real exports do — `\r\n`, `\n` and `\r` line ends,
 * mixed; spaces around fields (FEBRL writes ", " between fields) trimmed outside
 * quotes; a quote inside an unquoted field is a literal character; text after a
 * closing quote is kept; a final line without a line end.
 */

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;

export type BrokenCode = 'unbalanced_quote' | 'too_long';

export interface TokenizerSink {
  /** A record; `lines` is how many physical lines it spans (> 1 when a quoted field holds line breaks). */
  record(fields: string[], line: number, lines: number): void;
  /** Text that is not a record; reading resumes on the next line. */
  broken(line: number, code: BrokenCode, reason: string): void;
}

export interface TokenizerOptions {
  delimiter: string;
  /** A record still open after this many characters is given up on (bounded memory). */
  maxRecordChars?: number;
  /** Line number of the first line of text pushed (default 1), when lines before it were consumed elsewhere. */
  firstLine?: number;
}

export const DEFAULT_MAX_RECORD_CHARS = 16 * 1024 * 1024;

type Step =
  | { kind: 'record'; fields: string[]; end: number; breaks: number; terminated: boolean }
  | { kind: 'incomplete'; inQuotes: boolean }
  | { kind: 'unclosed' };

const INCOMPLETE_IN_QUOTES: Step = { kind: 'incomplete', inQuotes: true };
const INCOMPLETE: Step = { kind: 'incomplete', inQuotes: false };
const UNCLOSED: Step = { kind: 'unclosed' };

export class CsvTokenizer {
  private buf = '';
  /** Physical line number of buf[0]. */
  private line = 1;
  /** Discarding an over-long line up to its end. */
  private skipping = false;
  private readonly delimiter: number;
  private readonly maxRecordChars: number;

  constructor(
    options: TokenizerOptions,
    private readonly sink: TokenizerSink,
  ) {
    this.delimiter = options.delimiter.charCodeAt(0);
    this.maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
    this.line = options.firstLine ?? 1;
  }

  push(text: string): void {
    this.buf = this.buf ? this.buf + text : text;
    this.drain(false);
  }

  end(): void {
    this.drain(true);
    this.buf = '';
  }

  private drain(final: boolean): void {
    const buf = this.buf;
    const n = buf.length;
    let p = 0;
    while (p < n) {
      if (this.skipping) {
        const next = nextLineStart(buf, p, final);
        if (next < 0) {
          p = n;
          break;
        }
        this.skipping = false;
        this.line++;
        p = next;
        continue;
      }
      const step = readRecord(buf, p, this.delimiter, final);
      if (step.kind === 'record') {
        this.sink.record(step.fields, this.line, step.breaks + 1);
        this.line += step.breaks + (step.terminated ? 1 : 0);
        p = step.end;
        continue;
      }
      if (step.kind === 'unclosed') {
        p = this.giveUpLine(buf, p, final, `a quote opened on line ${this.line} is never closed`);
        continue;
      }
      if (n - p <= this.maxRecordChars) break; // wait for more text
      if (step.inQuotes) {
        p = this.giveUpLine(buf, p, final, `a quoted field opened on line ${this.line} is still open after ${this.maxRecordChars.toLocaleString('en')} characters`);
      } else {
        this.sink.broken(this.line, 'too_long', `line is longer than ${this.maxRecordChars.toLocaleString('en')} characters`);
        this.skipping = true;
      }
    }
    this.buf = p >= n ? '' : buf.slice(p);
  }

  /** Report the record's first line as broken and resume on the line after it. */
  private giveUpLine(buf: string, p: number, final: boolean, why: string): number {
    this.sink.broken(this.line, 'unbalanced_quote', `${why}; line ${this.line} skipped, reading resumed on the next line`);
    const next = nextLineStart(buf, p, final);
    if (next < 0) {
      this.skipping = true;
      return buf.length;
    }
    this.line++;
    return next;
  }
}

/** Start of the line after the one containing `p`, or -1 if its end is not in the buffer yet. */
function nextLineStart(buf: string, p: number, final: boolean): number {
  const n = buf.length;
  for (let i = p; i < n; i++) {
    const c = buf.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR) {
      if (i + 1 < n) return buf.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      return final ? n : -1;
    }
  }
  return final ? n : -1;
}

/** Blank lines and rows of bare delimiters (",,,,", left by spreadsheets) carry no data. */
export function isBlankRecord(fields: string[]): boolean {
  for (const f of fields) if (f !== '') return false;
  return true;
}

/** Cells that are not blank: how wide a row is for telling a title above the header from the header. */
export function filledCells(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) if (c.trim() !== '') n++;
  return n;
}

/** Same field count as the header, allowing trailing empty fields (a trailing delimiter on every row). */
export function fitsHeader(fields: string[], columns: number): boolean {
  if (fields.length < columns) return false;
  for (let i = columns; i < fields.length; i++) if (fields[i] !== '') return false;
  return true;
}

function skipSpaces(buf: string, i: number, delimiter: number): number {
  for (;;) {
    const c = buf.charCodeAt(i);
    if (c === SPACE || (c === TAB && delimiter !== TAB)) i++;
    else return i;
  }
}

function countBreaks(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && s.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}

/** One record from `p`, or why there is none yet. Pure, so partial records are simply re-read when more text arrives. */
function readRecord(buf: string, p: number, d: number, final: boolean): Step {
  const n = buf.length;
  const fields: string[] = [];
  let breaks = 0;
  let i = p;
  for (;;) {
    const s = skipSpaces(buf, i, d);
    let e: number;
    if (s < n && buf.charCodeAt(s) === QUOTE) {
      let value = '';
      let j = s + 1;
      for (;;) {
        const q = buf.indexOf('"', j);
        if (q < 0 || (q + 1 >= n && !final)) return q < 0 && final ? UNCLOSED : INCOMPLETE_IN_QUOTES;
        if (buf.charCodeAt(q + 1) === QUOTE) {
          value += buf.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        value += buf.slice(j, q);
        e = q + 1;
        break;
      }
      if (value.includes('\n') || value.includes('\r')) breaks += countBreaks(value);
      // Text after the closing quote (`"abc" def`) is kept rather than dropped.
      const tail = e;
      while (e < n && !isFieldEnd(buf.charCodeAt(e), d)) e++;
      if (e >= n && !final) return INCOMPLETE;
      if (e > tail) value += buf.slice(tail, e).trimEnd();
      fields.push(value);
    } else {
      e = s;
      while (e < n && !isFieldEnd(buf.charCodeAt(e), d)) e++;
      if (e >= n && !final) return INCOMPLETE;
      fields.push(buf.slice(s, e).trim());
    }
    if (e >= n) return { kind: 'record', fields, end: n, breaks, terminated: false };
    const c = buf.charCodeAt(e);
    if (c === d) {
      i = e + 1;
      continue;
    }
    if (c === CR) {
      if (e + 1 >= n && !final) return INCOMPLETE;
      const end = buf.charCodeAt(e + 1) === LF ? e + 2 : e + 1;
      return { kind: 'record', fields, end, breaks, terminated: true };
    }
    return { kind: 'record', fields, end: e + 1, breaks, terminated: true };
  }
}

function isFieldEnd(c: number, d: number): boolean {
  return c === d || c === LF || c === CR;
}
