import { usageError } from '../model/errors.js';
import { MAX_ROWS_ABOVE_HEADER } from './column-mapping.js';
import { CsvTokenizer, filledCells, fitsHeader, isBlankRecord } from './csv-tokenizer.js';

/** Candidates, in the order ties are broken. */
export const DELIMITERS = [',', '\t', ';', '|'] as const;

const SAMPLE_RECORDS = 50;

/** Validate an explicit delimiter: one character that is not a quote or a line break (exit 2 otherwise). */
export function resolveDelimiter(option: string): string {
  if (option.length !== 1 || option === '"' || option === '\r' || option === '\n') {
    throw usageError(
      `invalid delimiter ${JSON.stringify(option)}: it must be a single character such as , ; | or a tab`,
      'Leave --delimiter out to detect it.',
    );
  }
  return option;
}

/**
 * Pick the delimiter from the first records of a file, reading them with the
 * real (quote-aware) tokenizer for each candidate: the header must split into
 * at least two columns, and the candidate whose data rows most often have the
 * header's field count wins. With no candidate splitting the header, the file
 * has one column and "," is as good as any.
 *
 * A title above the header ("Customer export 2026-11-01") either splits under no
 * candidate, and the header is the first record that splits, provided most rows
 * below it fit it (else a stray ";" in a one-column file would win); or it splits
 * but is narrower than the header ("Exported by: admin;2026-11-01, 10:32" over a
 * 3-column ";" file), and the header is the first record wider than every one above
 * it that most rows below fit, as the reader skips such a title.
 */
export function sniffDelimiter(sample: string, final: boolean): string {
  const found: { delimiter: string; score: number; columns: number; atTop: boolean }[] = [];
  for (const delimiter of DELIMITERS) {
    const rows = firstRecords(sample, final, delimiter);
    const first = rows.findIndex((r, i) => i <= MAX_ROWS_ABOVE_HEADER && r.length >= 2);
    if (first < 0) continue;
    const header = headerBelowTitles(rows) ?? first;
    const { score, below } = fitBelow(rows, header);
    if (first > 0 && (below === 0 || score < 0.5)) continue;
    found.push({ delimiter, score, columns: rows[header].length, atTop: first === 0 });
  }
  // A candidate splitting the first record beats any that finds its header further down.
  const pool = found.some((c) => c.atTop) ? found.filter((c) => c.atTop) : found;
  let best: (typeof found)[number] | null = null;
  for (const c of pool) if (!best || c.score > best.score || (c.score === best.score && c.columns > best.columns)) best = c;
  return best?.delimiter ?? ',';
}

/** The first record that splits, is wider than every record above it and is fitted by most rows below it. */
function headerBelowTitles(rows: readonly string[][]): number | undefined {
  let widest = 0;
  for (let h = 0; h <= MAX_ROWS_ABOVE_HEADER && h < rows.length; h++) {
    const width = filledCells(rows[h]);
    if (rows[h].length >= 2 && width > widest && fitBelow(rows, h).score >= 0.5) return h;
    widest = Math.max(widest, width);
  }
  return undefined;
}

/** The share of the rows below `header` that have its field count (1 when there are none). */
function fitBelow(rows: readonly string[][], header: number): { score: number; below: number } {
  const columns = rows[header].length;
  let consistent = 0;
  for (let r = header + 1; r < rows.length; r++) if (fitsHeader(rows[r], columns)) consistent++;
  const below = rows.length - header - 1;
  return { score: below > 0 ? consistent / below : 1, below };
}

function firstRecords(sample: string, final: boolean, delimiter: string): string[][] {
  const rows: string[][] = [];
  const tokenizer = new CsvTokenizer(
    { delimiter },
    {
      record(fields) {
        if (rows.length < SAMPLE_RECORDS && !isBlankRecord(fields)) rows.push(fields);
      },
      broken() {},
    },
  );
  tokenizer.push(sample);
  if (final) tokenizer.end();
  return rows;
}
