import { availableParallelism } from 'node:os';
import type { CountryCode } from 'libphonenumber-js';
import type { CrmConfig } from '../config/schema.js';
import { importFiles } from '../io/import-files.js';
import { normalizeRecord } from '../normalize/normalize-record.js';
import { matchRecords, type MatchOptions } from '../match/index.js';
import type { ProgressSink } from './progress.js';
import type { SourceRecord } from '../model/record.js';
import type { PipelineState } from './state.js';
import { sourceNotes } from '../report/source-notes.js';

export interface PipelineOptions {
  config: CrmConfig;
  encoding?: string;
  delimiter?: string;
  region: CountryCode;
  dateOrder: 'YMD' | 'DMY' | 'MDY';
  asOf: string;
  /** Threads for normalization; default every core. */
  threads?: number;
  progress: ProgressSink;
  /** Told once per file what people should know about its columns (see sourceNotes); absent: not told. */
  warn?: (message: string) => void;
}

/** Stage 1: read every file into records, keeping lineage, and account for every row; `onRecord` sees each record as it is read. */
export async function importStage(paths: string[], opts: PipelineOptions, onRecord?: (record: SourceRecord) => void): Promise<PipelineState> {
  opts.progress.start('import');
  const result = await importFiles(paths, (source) => {
    const sc = opts.config.sources?.[source] ?? {};
    return {
      encoding: opts.encoding ?? sc.encoding,
      delimiter: opts.delimiter ?? sc.delimiter,
      columns: sc.columns,
    };
  }, onRecord);
  opts.progress.end(`${result.records.length.toLocaleString('en')} records, ${result.rejects.length} rejected, from ${paths.length} files`);
  for (const s of result.sources) for (const note of sourceNotes(s)) opts.warn?.(`${s.source}: ${note}`);
  return {
    sources: result.sources.map((s) => ({ ...s })),
    rejects: result.rejects.map((r) => ({ ...r })),
    records: result.records,
    normalized: null,
    match: null,
  };
}

/** Stage 2: clean every field; raw values stay beside the normalized ones. */
export function normalizeStage(state: PipelineState, opts: PipelineOptions): PipelineState {
  const { records } = state;
  const { progress } = opts;
  progress.start('normalize', records.length);
  const options = { defaultRegion: opts.region, dateOrder: opts.dateOrder, asOf: opts.asOf };
  const normalized = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    normalized[i] = normalizeRecord(records[i], options);
    if ((i & 4095) === 0) progress.update(i);
  }
  progress.end(`${records.length.toLocaleString('en')} records`);
  return { ...state, normalized };
}

/** Stage 3: find which records are the same customer (blocking, comparison, estimation, clustering). */
export function dedupeStage(state: PipelineState, opts: PipelineOptions, extra: Partial<MatchOptions> = {}): PipelineState {
  const normalized = state.normalized ?? normalizeStage(state, opts).normalized!;
  const { result, model } = matchRecords(normalized, { ...matchOptionsFor(opts), ...extra });
  return { ...state, normalized, match: { result, model } };
}

/** The match options of a run: the config's, its progress, and its threads (every core unless `threads` says otherwise). */
export function matchOptionsFor(opts: PipelineOptions): Partial<MatchOptions> {
  return { ...matchOptionsFromConfig(opts.config), progress: opts.progress, threads: opts.threads ?? availableParallelism() };
}

export function matchOptionsFromConfig(config: CrmConfig): Partial<MatchOptions> {
  const m = config.match ?? {};
  return {
    ...(m.threshold !== undefined && { threshold: m.threshold }),
    ...(m.reviewThreshold !== undefined && { reviewThreshold: m.reviewThreshold }),
    ...(m.blocking && { blockingRules: m.blocking }),
    ...(m.comparisons && { comparisons: m.comparisons }),
    ...(m.maxBlockSize !== undefined && { maxBlockSize: m.maxBlockSize }),
  };
}
