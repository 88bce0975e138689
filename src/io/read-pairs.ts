import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { inputError, usageError } from '../model/errors.js';

export interface PairRow {
  left: string;
  right: string;
  match: boolean;
  line: number;
}

const YES = new Set(['match', 'yes', 'y', '1', 'true', 'same', 'merge', '是']);
const NO = new Set(['no-match', 'no_match', 'nomatch', 'no', 'n', '0', 'false', 'different', 'distinct', '否']);

/**
 * A file of record pairs with a verdict: a steward's decisions (review.csv with
 * its `decision` column filled in, or left,right,decision) or labelled training
 * pairs (left,right,is_match). Records are named `source:row`. Rows with an
 * empty verdict are skipped, so a half-reviewed review.csv can be fed back.
 */
export async function readPairFile(path: string): Promise<PairRow[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw usageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (err) {
    throw inputError(`not a valid CSV file: ${(err as Error).message}`, { file: path });
  }
  const header = (rows[0] ?? []).map((h) => h.toLowerCase());
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const left = col('left', 'a', 'left_id');
  const right = col('right', 'b', 'right_id');
  const verdict = col('decision', 'is_match', 'match', 'label');
  if (left < 0 || right < 0 || verdict < 0) {
    throw inputError(`needs columns left, right and decision (or is_match); found: ${header.join(', ') || 'nothing'}`, { file: path, line: 1 });
  }
  const out: PairRow[] = [];
  rows.slice(1).forEach((row, k) => {
    const v = (row[verdict] ?? '').toLowerCase();
    if (v === '') return;
    const line = k + 2;
    if (!YES.has(v) && !NO.has(v)) {
      throw inputError(`"${row[verdict]}" is not a decision`, { file: path, line, column: verdict + 1 }, 'Write match or no-match (also yes/no, 1/0, true/false).');
    }
    out.push({ left: row[left], right: row[right], match: YES.has(v), line });
  });
  return out;
}
