import { stringify } from 'csv-stringify/sync';
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

const STRINGIFY_OPTIONS = {
  // Quote cells with edge spaces so readers that trim (ours does) get them back unchanged.
  quoted_match: /^\s|\s$/,
  record_delimiter: 'unix',
} as const;

function toLines(rows: readonly (readonly CsvCell[])[], escape: boolean): string {
  const cells = rows.map((row) =>
    row.map((v) => {
      const s = v === null || v === undefined ? '' : String(v);
      return escape ? neutralizeFormula(s) : s;
    }),
  );
  return stringify(cells, STRINGIFY_OPTIONS);
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
