import { usageError } from '../model/errors.js';
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
 */
export function sniffDelimiter(sample: string, final: boolean): string {
  let best: { delimiter: string; score: number; columns: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const rows = firstRecords(sample, final, delimiter);
    const columns = rows[0]?.length ?? 0;
    if (columns < 2) continue;
    let consistent = 0;
    for (let r = 1; r < rows.length; r++) if (fitsHeader(rows[r], columns)) consistent++;
    const score = rows.length > 1 ? consistent / (rows.length - 1) : 1;
    if (!best || score > best.score || (score === best.score && columns > best.columns)) best = { delimiter, score, columns };
  }
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
