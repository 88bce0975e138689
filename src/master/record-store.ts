import type { MatchFeatures } from '../match/features.js';
import type { SourceRecord } from '../model/record.js';
import { escapeCell as escape, unescapeCell as unescape } from './tsv.js';

/**
 * The master's memory of every source record it has seen, one tab-separated
 * line per record in records-NNNNNN.tsv:
 *
 *   golden_id  fingerprint  run  <17 match features>
 *
 * Features are stored ready for blocking and comparison, so a night never
 * normalizes the master again; they are plain tab-separated text because
 * splitting a million lines is several times faster than parsing a million JSON
 * objects. The raw values sit in raw-NNNNNN.ndjson, line for line, and are read
 * only for the few customers whose golden record must be rebuilt.
 */
export interface StoredRecord {
  /** The golden id the record was given; follow merges.csv for today's id. */
  goldenId: string;
  fingerprint: string;
  run: number;
  features: MatchFeatures;
}

/** Column order of the features; a compile error here means MatchFeatures changed and the master format must too. */
const FEATURE_KEYS = [
  'name',
  'pinyin',
  'phonetic',
  'given',
  'family',
  'phones',
  'email',
  'idNumber',
  'birthDate',
  'company',
  'locality',
  'city',
  'street',
  'streetNumber',
  'unit',
  'postcode',
  // Added in master format 3: a line of an older master has one column less (see decodeRecord).
  'generation',
] as const satisfies readonly (keyof MatchFeatures)[];
type MissingKeys = Exclude<keyof MatchFeatures, (typeof FEATURE_KEYS)[number]>;
const _everyFeatureStored: MissingKeys extends never ? true : never = true;
void _everyFeatureStored;

const FIXED_COLUMNS = 3;
const COLUMNS = FIXED_COLUMNS + FEATURE_KEYS.length;

export function encodeRecord(r: StoredRecord): string {
  const cells = [escape(r.goldenId), r.fingerprint, String(r.run)];
  for (const key of FEATURE_KEYS) {
    const v = r.features[key];
    cells.push(key === 'phones' ? (v as string[]).join(' ') : v === null ? '' : escape(v as string));
  }
  return cells.join('\t');
}

/** Decode one line; null when it does not have the expected shape (the caller names file and line). */
export function decodeRecord(line: string): StoredRecord | null {
  const cells = line.split('\t');
  // A line of master format 2 or older has no generation, the last column: read as none.
  if (cells.length === COLUMNS - 1) cells.push('');
  if (cells.length !== COLUMNS) return null;
  const run = Number(cells[2]);
  if (!Number.isInteger(run)) return null;
  const features = {} as Record<string, string | string[] | null>;
  for (let k = 0; k < FEATURE_KEYS.length; k++) {
    const cell = cells[FIXED_COLUMNS + k];
    const key = FEATURE_KEYS[k];
    features[key] = key === 'phones' ? (cell ? cell.split(' ') : []) : cell === '' ? null : unescape(cell);
  }
  return { goldenId: unescape(cells[0]), fingerprint: cells[1], run, features: features as unknown as MatchFeatures };
}

/** One raw-NNNNNN.ndjson line (JSON escapes line breaks inside values, so a record is always one line). */
export function rawOf(rec: SourceRecord): string {
  return JSON.stringify({ source: rec.source, row: rec.row, line: rec.line, fields: rec.fields, extra: rec.extra });
}

/** Lines `wanted` (0-based, ascending) of a newline-separated file, without splitting the rest of it. */
export function pickLines(text: Buffer, wanted: readonly number[]): string[] {
  const out: string[] = [];
  let line = 0;
  let start = 0;
  for (const target of wanted) {
    while (line < target) {
      start = text.indexOf(10, start) + 1;
      if (start === 0) throw new Error(`line ${target + 1} is past the end`);
      line++;
    }
    const end = text.indexOf(10, start);
    out.push(text.toString('utf8', start, end < 0 ? text.length : end));
  }
  return out;
}
