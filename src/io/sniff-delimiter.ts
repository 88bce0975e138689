import { usageError } from '../model/errors.js';
import { MAX_ROWS_ABOVE_HEADER } from './column-mapping.js';
import { CsvTokenizer, fitsHeader, isBlankRecord } from './csv-tokenizer.js';

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
 * A title above the header ("Customer export 2026-11-01") splits under no
 * candidate; only then is the header the first record that splits, provided
 * most rows below it fit it (else a stray ";" in a one-column file would win).
 */
export function sniffDelimiter(sample: string, final: boolean): string {
  const found: { delimiter: string; score: number; columns: number; atTop: boolean }[] = [];
  for (const delimiter of DELIMITERS) {
    const rows = firstRecords(sample, final, delimiter);
    const header = rows.findIndex((r, i) => i <= MAX_ROWS_ABOVE_HEADER && r.length >= 2);
    if (header < 0) continue;
    const columns = rows[header].length;
    let consistent = 0;
    for (let r = header + 1; r < rows.length; r++) if (fitsHeader(rows[r], columns)) consistent++;
    const below = rows.length - header - 1;
    const score = below > 0 ? consistent / below : 1;
    if (header > 0 && (below === 0 || score < 0.5)) continue;
    found.push({ delimiter, score, columns, atTop: header === 0 });
  }
  // A candidate splitting the first record beats any that finds its header further down.
  const pool = found.some((c) => c.atTop) ? found.filter((c) => c.atTop) : found;
  let best: (typeof found)[number] | null = null;
  for (const c of pool) if (!best || c.score > best.score || (c.score === best.score && c.columns > best.columns)) best = c;
  return best?.delimiter ?? ',';
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
