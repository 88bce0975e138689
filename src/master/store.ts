import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CrmError, EXIT, usageError } from '../model/errors.js';
import { matchModelSchema, type MatchModel } from '../match/model.js';
import { MASTER_FILE, MASTER_FORMAT, MASTER_VERSION, MODEL_FILE, goldensFile, masterMetaSchema, rawFile, recordsFile, type MasterMeta } from './format.js';
import { decodeRecord, pickLines, type StoredRecord } from './record-store.js';
import type { SourceRecord } from '../model/record.js';
import { IdRedirects, decodeGoldenBytes, isMerge, type MergeEntry, type StoredGolden } from './golden-store.js';

export interface LoadedMaster {
  dir: string;
  meta: MasterMeta;
  model: MatchModel;
  records: StoredRecord[];
  /**
   * Live golden records by id (merged ones are gone, see `merges`), in id order:
   * a rebuilt record keeps its place and new ids, always higher, come last.
   */
  goldens: Map<string, StoredGolden>;
  merges: MergeEntry[];
  redirects: IdRedirects;
  /** Raw values of master records by index (read from the raw segments only when asked). */
  sourceRecords(indices: Iterable<number>): Map<number, SourceRecord>;
}

/**
 * Read a master directory. Returns null for a directory that does not exist or
 * is empty (the first night starts a master there); fails clearly for anything
 * else that is not a master this version can continue.
 */
export async function loadMaster(dir: string): Promise<LoadedMaster | null> {
  const metaText = await readOptional(join(dir, MASTER_FILE));
  if (metaText === null) {
    const entries = await readdir(dir).catch(() => [] as string[]);
    const foreign = entries.filter((e) => !e.startsWith('.'));
    if (foreign.length) {
      throw usageError(
        `${dir} is not a crmclean master: it has files (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}) but no ${MASTER_FILE}`,
        'Point --master at the directory of an earlier master run, or at a new or empty directory to start one.',
      );
    }
    return null;
  }
  const meta = parseMeta(metaText.toString('utf8'), join(dir, MASTER_FILE));
  const model = parseModel((await readRequired(join(dir, MODEL_FILE))).toString('utf8'), join(dir, MODEL_FILE));

  const records: StoredRecord[] = [];
  const goldens = new Map<string, StoredGolden>();
  const merges: MergeEntry[] = [];
  const redirects = new IdRedirects();
  for (const segment of meta.segments) {
    const path = join(dir, recordsFile(segment.run));
    const lines = splitLines((await readRequired(path)).toString('utf8'));
    if (lines.length !== segment.records) throw corrupt(path, `holds ${lines.length} records, ${MASTER_FILE} lists ${segment.records}`);
    lines.forEach((line, k) => {
      const r = decodeRecord(line);
      if (!r) throw corrupt(path, 'is not a master record line', k + 1);
      records.push(r);
    });
    const goldenPath = join(dir, goldensFile(segment.run));
    const goldenLines = splitBytes(await readRequired(goldenPath));
    if (goldenLines.length !== segment.goldens) throw corrupt(goldenPath, `holds ${goldenLines.length} lines, ${MASTER_FILE} lists ${segment.goldens}`);
    goldenLines.forEach((bytes, k) => {
      const line = decodeGoldenBytes(bytes);
      if (!line) throw corrupt(goldenPath, 'is not a master golden line', k + 1);
      if (isMerge(line)) {
        goldens.delete(line.id);
        merges.push(line);
        redirects.add(line.id, line.mergedInto);
      } else goldens.set(line.id, line);
    });
  }
  const sourceRecords = (indices: Iterable<number>): Map<number, SourceRecord> => {
    const sorted = [...new Set(indices)].sort((a, b) => a - b);
    const out = new Map<number, SourceRecord>();
    let first = 0;
    let k = 0;
    for (const segment of meta.segments) {
      const wanted: number[] = [];
      while (k < sorted.length && sorted[k] < first + segment.records) wanted.push(sorted[k++] - first);
      if (wanted.length) {
        const path = join(dir, rawFile(segment.run));
        let lines: string[];
        try {
          lines = pickLines(readFileSync(path), wanted);
        } catch (err) {
          throw corrupt(path, `cannot be read as ${segment.records} records: ${(err as Error).message}`);
        }
        wanted.forEach((w, x) => {
          try {
            out.set(first + w, JSON.parse(lines[x]) as SourceRecord);
          } catch {
            throw corrupt(path, 'is not JSON', w + 1);
          }
        });
      }
      first += segment.records;
    }
    return out;
  };
  return { dir, meta, model, records, goldens, merges, redirects, sourceRecords };
}

function parseMeta(text: string, path: string): MasterMeta {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw corrupt(path, 'is not JSON');
  }
  const format = (data as { format?: unknown } | null)?.format;
  const version = (data as { version?: unknown } | null)?.version;
  if (format !== MASTER_FORMAT) throw usageError(`${path} is not a crmclean master file (format is ${JSON.stringify(format)})`);
  if (typeof version === 'number' && version > MASTER_VERSION) {
    throw usageError(
      `${path} was written by a newer crmclean (master format version ${version}; this version reads up to ${MASTER_VERSION})`,
      'Upgrade crmclean to continue this master; it was not modified.',
    );
  }
  // Older formats are migrated here, one version step at a time; only in memory: master.json is rewritten when a night commits.
  if (version === 1) data = fromVersion1(data as Record<string, unknown>);
  // Version 2 differs only in its record lines, which decodeRecord reads as they are.
  if (version === 1 || version === 2) data = { ...(data as Record<string, unknown>), version: 3 };
  const parsed = masterMetaSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw corrupt(path, `is damaged: ${issue.path.join('.') || 'root'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Version 1 stored golden lines escaped or not, as each night's --escape-formulas had it; from tonight on they are raw. */
function fromVersion1(data: Record<string, unknown>): unknown {
  const history = Array.isArray(data.history) ? data.history : [];
  return { ...data, version: 2, rawGoldensFrom: history.length + 1 };
}

function parseModel(text: string, path: string): MatchModel {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw corrupt(path, 'is not JSON');
  }
  const parsed = matchModelSchema.safeParse(data);
  if (!parsed.success) throw corrupt(path, `is not a model this version can use: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Lines of a file as slices of its bytes (no copies, no strings). */
function splitBytes(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(10, start);
    lines.push(bytes.subarray(start, end < 0 ? bytes.length : end));
    start = end < 0 ? bytes.length : end + 1;
  }
  return lines;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

async function readOptional(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw new CrmError(`cannot read ${path}: ${(err as Error).message}`, EXIT.USAGE);
  }
}

async function readRequired(path: string): Promise<Buffer> {
  const bytes = await readOptional(path);
  if (bytes === null) throw corrupt(path, 'is missing');
  return bytes;
}

function corrupt(path: string, what: string, line?: number): CrmError {
  return new CrmError(`master file ${what}`, EXIT.INPUT, { file: path, line }, 'The master directory is damaged; restore it from a backup (crmclean never rewrites a master file in place).');
}
