import { basename } from 'node:path';
import type { SourceRecord } from '../model/record.js';
import { usageError } from '../model/errors.js';
import type { Reject } from './reject.js';
import { readSource, type ReadSourceOptions, type SourceSummary } from './read-source.js';

export interface ImportResult {
  /** Records of every file, in input order, each file's in row order. */
  records: SourceRecord[];
  rejects: Reject[];
  /** One summary per file, in input order. */
  sources: SourceSummary[];
}

/** Options for one file, by its source name (base name) and path, e.g. from the config's `sources`. */
export type SourceOptionsFor = (source: string, path: string) => ReadSourceOptions;

/**
 * Read several exports, one after the other. A source is known by its file
 * base name everywhere (mapping.csv, rejects.csv, config), so two inputs with
 * the same base name are refused (exit 2) before anything is read.
 */
export async function importFiles(
  paths: readonly string[],
  optionsFor: SourceOptionsFor = () => ({}),
  /** Sees each record as soon as it is read (the next stage can start before the last file is read). */
  onRecord?: (record: SourceRecord) => void,
): Promise<ImportResult> {
  if (paths.length === 0) throw usageError('no input files', 'Name one or more CSV exports.');
  const pathOf = new Map<string, string>();
  for (const path of paths) {
    const source = basename(path);
    const other = pathOf.get(source);
    if (other !== undefined) {
      throw usageError(
        `two inputs have the same file name "${source}": ${other} and ${path}`,
        'Each source is known by its file name (in mapping.csv, rejects.csv and the config); rename or copy one of them.',
      );
    }
    pathOf.set(source, path);
  }

  const result: ImportResult = { records: [], rejects: [], sources: [] };
  for (const path of paths) {
    const summary = await readSource(
      path,
      optionsFor(basename(path), path),
      (r) => {
        result.records.push(r);
        onRecord?.(r);
      },
      (r) => result.rejects.push(r),
    );
    result.sources.push(summary);
  }
  return result;
}
