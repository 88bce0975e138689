import { writeFileAtomicStream } from './atomic-write.js';
import { ByteChunks } from './byte-chunks.js';
import type { Reject } from './reject.js';

export type CsvCell = string | number | boolean | null | undefined;
export type CsvRow = Readonly<Record<string, CsvCell>>;

export interface CsvOptions {
  /** Neutralise spreadsheet formulas (default true); see {@link neutralizeFormula}. */
  escapeFormulas?: boolean;
  /** Start with a UTF-8 byte-order mark, which Excel needs to read UTF-8 Chinese text (default false). */
  bom?: boolean;
}

/**
 * OWASP CSV injection defence: a cell starting with = + - @ tab or CR gets a
 * leading apostrophe, so a spreadsheet shows it as text instead of running it.
 * This includes numbers such as "-5" and phone numbers such as "+8613800138000"
 * (OWASP: any such cell); a spreadsheet then shows them as text, which for phone
 * numbers is what a steward wants anyway. `--no-escape-formulas` turns it off.
 * Only text cells are escaped: a number cell is one crmclean computed (a
 * weight, a count), never a value from the input, and is written as it is.
 */
export function neutralizeFormula(cell: string): string {
  return isFormulaStart(cell.charCodeAt(0)) ? `'${cell}` : cell;
}

/** = + - @ tab CR, compared as character codes (the same in UTF-8 bytes): no one-character string per cell. */
function isFormulaStart(c: number): boolean {
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d;
}

const COMMA = 0x2c;
const QUOTE_MARK = 0x22;
const APOSTROPHE = 0x27;

/**
 * A CSV line as {@link toCsvLine} writes it, its cells written raw, with the formula escaping of
 * {@link neutralizeFormula} applied (`escape`) or not. With `mayBeEscaped`, a cell already holding
 * the escape ('=…) counts as escaped: it is kept with `escape`, and loses the apostrophe without.
 * A line with nothing to change comes back as it is, so that copying stored lines stays copying.
 * Read byte by byte in one loop: a million golden lines took 0.6 s (a plain copy 0.13 s), where finding
 * each cell with Buffer.indexOf took 2.4 s (a native call per cell).
 */
export function withFormulaEscaping(line: string | Buffer, escape: boolean, mayBeEscaped: boolean): string | Buffer {
  if (!escape && !mayBeEscaped) return line;
  const bytes = typeof line === 'string' ? Buffer.from(line) : line;
  // Where an apostrophe goes in (escape) or comes out (not).
  const edits: number[] = [];
  let cellStart = true;
  let quoted = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (cellStart) {
      cellStart = false;
      if (c === QUOTE_MARK && !quoted) {
        quoted = true;
        cellStart = true; // the cell's text starts after the quote mark
        continue;
      }
      if (escape ? isFormulaStart(c) : c === APOSTROPHE && isFormulaStart(bytes[i + 1])) edits.push(i);
    }
    if (quoted) {
      // A doubled quote mark is a quote inside the cell; a single one ends it.
      if (c === QUOTE_MARK) {
        if (bytes[i + 1] === QUOTE_MARK) i++;
        else quoted = false;
      }
    } else if (c === COMMA) cellStart = true;
  }
  if (!edits.length) return line;
  const out = Buffer.allocUnsafe(bytes.length + (escape ? edits.length : -edits.length));
  let from = 0;
  let to = 0;
  for (const at of edits) {
    to += bytes.copy(out, to, from, at);
    if (escape) out[to++] = APOSTROPHE;
    from = escape ? at : at + 1;
  }
  bytes.copy(out, to, from);
  return out;
}

/**
 * RFC 4180 quoting: a cell is quoted when it holds a comma, quote or line
 * break, or starts or ends with whitespace (so readers that trim, ours does,
 * get it back unchanged); quotes inside are doubled. Written here rather than
 * with csv-stringify because the output stage writes millions of cells and
 * this is the whole of what it needs (a test checks the two agree).
 */
const QUOTED_CHARACTER = /[",\n\r]/;
const QUOTE = /"/g;

export function csvCell(s: string): string {
  // The edges are read as character codes: a regular expression anchored at both ends costs more than the cell.
  return isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(s.length - 1)) || QUOTED_CHARACTER.test(s) ? `"${s.replace(QUOTE, '""')}"` : s;
}

/** What `\s` matches in a regular expression (NaN, past the end of an empty string, is not). */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A cell as written: quoted and, with `escape`, a text cell neutralised; missing cells are empty. */
function csvField(v: CsvCell, escape: boolean): string {
  // Empty cells are common (a golden record has no email, no suburb …) and stay empty.
  if (v === null || v === undefined || v === '') return '';
  if (typeof v !== 'string') return csvCell(String(v));
  return csvCell(escape ? neutralizeFormula(v) : v);
}

/** One CSV line without its break. */
function csvLine(cells: readonly CsvCell[], escape: boolean): string {
  let line = '';
  for (let k = 0; k < cells.length; k++) line += (k ? ',' : '') + csvField(cells[k], escape);
  return line;
}

function toLines(rows: readonly (readonly CsvCell[])[], escape: boolean): string {
  let out = '';
  for (const row of rows) out += csvLine(row, escape) + '\n';
  return out;
}

/** One CSV row without its line break (cells quoted and neutralised as in {@link toCsv}). */
export function toCsvLine(cells: readonly CsvCell[], options: CsvOptions = {}): string {
  return csvLine(cells, options.escapeFormulas !== false);
}

/** A whole CSV file as a string: header row of `columns`, then one line per row (missing cells empty). */
export function toCsv(rows: readonly CsvRow[], columns: readonly string[], options: CsvOptions = {}): string {
  const escape = options.escapeFormulas !== false;
  const body = toLines([columns, ...rows.map((r) => columns.map((c) => r[c]))], escape);
  return options.bom ? `\uFEFF${body}` : body;
}

export const REJECT_COLUMNS = ['source', 'row', 'line', 'code', 'reason'] as const;

/** rejects.csv: `source,row,line,code,reason`, one line per rejected row, in the order given. */
export function rejectsToCsv(rejects: readonly Reject[], options: CsvOptions = {}): string {
  return toCsv(
    rejects.map((r) => ({ ...r })),
    REJECT_COLUMNS,
    options,
  );
}

const ROWS_PER_BATCH = 2048;

/** Stream rows into a CSV file, written atomically, for outputs too big to build as one string. */
export async function writeCsvFile(
  path: string,
  columns: readonly string[],
  rows: Iterable<CsvRow> | AsyncIterable<CsvRow>,
  options: CsvOptions = {},
): Promise<void> {
  const escape = options.escapeFormulas !== false;
  await writeFileAtomicStream(path, async (write) => {
    await write((options.bom ? '\uFEFF' : '') + toLines([columns], escape));
    let batch: CsvCell[][] = [];
    for await (const row of rows) {
      batch.push(columns.map((c) => row[c]));
      if (batch.length === ROWS_PER_BATCH) {
        await write(toLines(batch, escape));
        batch = [];
      }
    }
    if (batch.length) await write(toLines(batch, escape));
  });
}

/** A CSV file made chunk by chunk while it is written: header, then rows (see FileContent). */
export function csvChunks(rows: () => Iterable<CsvRow>, columns: readonly string[], options: CsvOptions = {}): () => Iterable<Uint8Array> {
  return csvLineChunks(
    columns,
    function* () {
      for (const row of rows()) yield columns.map((c) => row[c]);
    },
    options,
  );
}

/**
 * A CSV file made chunk by chunk while it is written, from rows given as cells
 * in column order (each row is read before the next is asked for, so `rows`
 * may refill one array). Cells are encoded one by one straight into chunks of
 * about a megabyte (see ByteChunks), a line split between two chunks where it
 * falls: building each line as a string first, to be copied again when
 * encoded, doubles what the garbage collector sees of a million-line file.
 */
export function csvLineChunks(columns: readonly string[], rows: () => Iterable<readonly CsvCell[]>, options: CsvOptions = {}): () => Iterable<Uint8Array> {
  const escape = options.escapeFormulas !== false;
  return function* () {
    const out = new ByteChunks();
    if (options.bom) out.text('\uFEFF');
    const iterator = rows()[Symbol.iterator]();
    // The header first, then the rows.
    for (let cells: readonly CsvCell[] | null = columns; cells; cells = nextOf(iterator)) {
      for (let k = 0; k < cells.length; k++) {
        const field = csvField(cells[k], escape);
        // Room for the comma, the field and a line break.
        const full = out.room(3 * field.length + 2);
        if (full) yield full;
        if (k) out.byte(0x2c);
        if (field) out.text(field);
      }
      const full = out.room(1);
      if (full) yield full;
      out.byte(0x0a);
    }
    const rest = out.rest();
    if (rest) yield rest;
  };
}

function nextOf<T>(iterator: Iterator<T>): T | null {
  const next = iterator.next();
  return next.done ? null : next.value;
}
