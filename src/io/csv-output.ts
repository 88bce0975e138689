import { writeFileAtomicStream } from './atomic-write.js';
import type { Reject } from './reject.js';

export type CsvCell = string | number | boolean | null | undefined;
export type CsvRow = Readonly<Record<string, CsvCell>>;

export interface CsvOptions {
  /** Neutralise spreadsheet formulas (default true); see {@link neutralizeFormula}. */
  escapeFormulas?: boolean;
  /** Start with a UTF-8 byte-order mark, which Excel needs to read UTF-8 Chinese text (default false). */
  bom?: boolean;
}

const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * OWASP CSV injection defence: a cell starting with = + - @ tab or CR gets a
 * leading apostrophe, so a spreadsheet shows it as text instead of running it.
 * This includes numbers such as "-5" and phone numbers such as "+8613800138000"
 * (OWASP: any such cell); a spreadsheet then shows them as text, which for phone
 * numbers is what a steward wants anyway. `--no-escape-formulas` turns it off.
 */
export function neutralizeFormula(cell: string): string {
  return cell.length > 0 && FORMULA_START.has(cell[0]) ? `'${cell}` : cell;
}

/**
 * RFC 4180 quoting: a cell is quoted when it holds a comma, quote or line
 * break, or starts or ends with whitespace (so readers that trim, ours does,
 * get it back unchanged); quotes inside are doubled. Written here rather than
 * with csv-stringify because the output stage writes millions of cells and
 * this is the whole of what it needs (a test checks the two agree).
 */
const NEEDS_QUOTES = /[",\n\r]|^\s|\s$/;

export function csvCell(s: string): string {
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toLines(rows: readonly (readonly CsvCell[])[], escape: boolean): string {
  let out = '';
  for (const row of rows) {
    let line = '';
    for (let k = 0; k < row.length; k++) {
      const v = row[k];
      const s = v === null || v === undefined ? '' : String(v);
      line += (k ? ',' : '') + csvCell(escape ? neutralizeFormula(s) : s);
    }
    out += line + '\n';
  }
  return out;
}

/** One CSV row without its line break (cells quoted and neutralised as in {@link toCsv}). */
export function toCsvLine(cells: readonly CsvCell[], options: CsvOptions = {}): string {
  return toLines([cells], options.escapeFormulas !== false).replace(/\n$/, '');
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

/** A CSV file made chunk by chunk while it is written: header, then rows in batches (see FileContent). */
export function csvChunks(rows: () => Iterable<CsvRow>, columns: readonly string[], options: CsvOptions = {}): () => Iterable<string> {
  const escape = options.escapeFormulas !== false;
  return function* () {
    yield (options.bom ? '\uFEFF' : '') + toLines([columns], escape);
    let batch: CsvCell[][] = [];
    for (const row of rows()) {
      batch.push(columns.map((c) => row[c]));
      if (batch.length === ROWS_PER_BATCH) {
        yield toLines(batch, escape);
        batch = [];
      }
    }
    if (batch.length) yield toLines(batch, escape);
  };
}
