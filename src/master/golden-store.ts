import { parse } from 'csv-parse/sync';
import { goldenRowSource, goldenToRow, type GoldenRecord } from '../golden/build-golden.js';
import { goldenCsv } from '../golden/golden-csv.js';
import type { GoldenTable } from '../golden/golden-table.js';
import { toCsvLine, withFormulaEscaping, type CsvCell } from '../io/csv-output.js';
import { escapeCell, unescapeCell } from './tsv.js';

/**
 * Golden records as the master keeps them: each one already rendered as its
 * golden.csv line, so writing tonight's full golden list is copying lines, not
 * rebuilding a million records. Cells are stored raw: formula escaping is the
 * writing night's setting, applied to each line as golden.csv is written. Columns only ever grow (master.json
 * `goldenColumns`); a line written when there were fewer columns is padded.
 *
 * goldens-NNNNNN.tsv lines (a later run's line for an id wins):
 *   G  id  updated_at  run  cells  csv_line      a golden record
 *   M  id  into_id     run  as_of  evidence      a merge: id now redirects to into_id
 */
export interface StoredGolden {
  id: string;
  updatedAt: string | null;
  run: number;
  /** Cells in `line` (the column count when it was written). */
  cells: number;
  /**
   * The golden.csv line, without its line break, as UTF-8 bytes: the file's own
   * when loaded (a million lines are copied to golden.csv without ever becoming
   * strings); a string only where a loaded line held an escape. A line built as
   * a string is a rope of a piece per cell, some 1.5 KB where its bytes take 200.
   */
  line: string | Buffer;
}

export interface MergeEntry {
  id: string;
  mergedInto: string;
  run: number;
  asOf: string;
  /** The record that showed the two customers are one, as "file:row". */
  evidence: string;
}

export type GoldenLine = StoredGolden | MergeEntry;

export function isMerge(line: GoldenLine): line is MergeEntry {
  return 'mergedInto' in line;
}

/** Columns that describe the record's make-up, not the customer: changing them is not a change of the customer's data. */
const BOOKKEEPING = new Set(['golden_id', 'record_count', 'sources', 'provenance']);

/** Render a golden record for the master, raw, appending any column it has that `columns` lacks. */
export function storeGolden(g: GoldenRecord, run: number, columns: string[]): StoredGolden {
  const row = goldenToRow(goldenRowSource(g));
  for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  return storedLine(g.goldenId, g.updatedAt, run, columns.map((c) => row[c]));
}

/**
 * Every golden record of a table rendered for the master, and their columns:
 * the lines are made from golden.csv's cells as read off the table, without a
 * golden record object per customer (a first night has hundreds of thousands).
 */
export function storeGoldenTable(table: GoldenTable, run: number): { columns: string[]; golden: StoredGolden[] } {
  const { columns, rows } = goldenCsv(table);
  const golden = new Array<StoredGolden>(table.size);
  let c = 0;
  for (const cells of rows()) {
    golden[c] = storedLine(table.goldenId(c), table.updatedAt(c), run, cells);
    c++;
  }
  return { columns, golden };
}

function storedLine(id: string, updatedAt: string | null, run: number, cells: readonly CsvCell[]): StoredGolden {
  return { id, updatedAt, run, cells: cells.length, line: Buffer.from(toCsvLine(cells, { escapeFormulas: false })) };
}

/** The customer's values (not the bookkeeping columns) back from a stored line; the formula escape of a version 1 line removed. */
export function goldenValues(g: StoredGolden, columns: readonly string[], rawGoldensFrom: number): Record<string, string> {
  const [cells] = parse(withFormulaEscaping(g.line, false, g.run < rawGoldensFrom).toString(), { relax_column_count: true }) as string[][];
  const values: Record<string, string> = {};
  cells.forEach((cell, k) => {
    const column = columns[k];
    if (cell === '' || BOOKKEEPING.has(column)) return;
    values[column] = cell;
  });
  return values;
}

/** The line for golden.csv: formula escaping as tonight's setting says, empty cells added for columns that came after it was written. */
export function goldenCsvLine(g: StoredGolden, columns: number, escapeFormulas: boolean, rawGoldensFrom: number): string | Buffer {
  const line = withFormulaEscaping(g.line, escapeFormulas, g.run < rawGoldensFrom);
  if (g.cells >= columns) return line;
  const pad = ','.repeat(columns - g.cells);
  return typeof line === 'string' ? line + pad : Buffer.concat([line, Buffer.from(pad)]);
}

export function encodeGoldenLine(l: GoldenLine): string {
  return isMerge(l)
    ? ['M', escapeCell(l.id), escapeCell(l.mergedInto), l.run, l.asOf, escapeCell(l.evidence)].join('\t')
    : ['G', escapeCell(l.id), l.updatedAt ?? '', l.run, l.cells, escapeCell(l.line.toString())].join('\t');
}

/**
 * Decode one line from the file's bytes: only the short leading cells become
 * strings; a golden record's CSV line stays a slice of `bytes` unless it holds
 * an escape.
 */
export function decodeGoldenBytes(bytes: Buffer): GoldenLine | null {
  const tabs: number[] = [];
  for (let at = bytes.indexOf(9); at >= 0 && tabs.length < 5; at = bytes.indexOf(9, at + 1)) tabs.push(at);
  if (tabs.length < 5 || bytes[0] !== 0x47 /* G */) return decodeGoldenLine(bytes.toString('utf8'));
  const cell = (k: number) => bytes.toString('utf8', k === 0 ? 0 : tabs[k - 1] + 1, tabs[k]);
  const run = Number(cell(3));
  const cells = Number(cell(4));
  if (cell(0) !== 'G' || !Number.isInteger(run) || !Number.isInteger(cells)) return null;
  const line = bytes.subarray(tabs[4] + 1);
  if (line.includes(9)) return null;
  return { id: unescapeCell(cell(1)), updatedAt: cell(2) || null, run, cells, line: line.includes(92) ? unescapeCell(line.toString('utf8')) : line };
}

export function decodeGoldenLine(text: string): GoldenLine | null {
  const c = text.split('\t');
  if (c.length !== 6) return null;
  const run = Number(c[3]);
  if (!Number.isInteger(run)) return null;
  if (c[0] === 'M') return { id: unescapeCell(c[1]), mergedInto: unescapeCell(c[2]), run, asOf: c[4], evidence: unescapeCell(c[5]) };
  if (c[0] !== 'G') return null;
  const cells = Number(c[4]);
  if (!Number.isInteger(cells)) return null;
  return { id: unescapeCell(c[1]), updatedAt: c[2] || null, run, cells, line: unescapeCell(c[5]) };
}

/** Follows merges to the id a customer has today. */
export class IdRedirects {
  private readonly into = new Map<string, string>();

  add(from: string, to: string): void {
    this.into.set(from, to);
  }

  resolve(id: string): string {
    let current = id;
    for (let hops = 0; hops <= this.into.size; hops++) {
      const next = this.into.get(current);
      if (next === undefined) return current;
      current = next;
    }
    throw new Error(`merge redirects form a cycle at ${id}`);
  }
}
