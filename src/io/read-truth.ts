import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { inputError, usageError } from '../model/errors.js';

/** A ground-truth file: source,row,entity (any third column name) → `source:row` → entity. */
export async function readTruth(path: string): Promise<Map<string, string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw usageError(`cannot read truth file ${path}: ${(err as Error).message}`);
  }
  const rows: string[][] = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  const header = rows[0]?.map((h) => h.toLowerCase()) ?? [];
  const source = header.indexOf('source');
  const row = header.indexOf('row');
  const entity = header.findIndex((h, i) => i !== source && i !== row);
  if (source < 0 || row < 0 || entity < 0) throw inputError('a truth file needs columns source,row and an entity column', { file: path, line: 1 });
  return new Map(rows.slice(1).map((r) => [`${r[source]}:${r[row]}`, r[entity]]));
}
