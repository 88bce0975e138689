import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { normalizeRecord } from '../normalize/normalize-record.js';
import type { NormalizedRecord } from '../model/record.js';
import { importStage, normalizeStage, type PipelineOptions } from './run.js';
import type { PipelineState } from './state.js';

/** Below this many records a worker's start-up and copying cost more than they save. */
const MIN_RECORDS_FOR_WORKERS = 20_000;
const WORKER = new URL('./normalize-worker.js', import.meta.url);

/**
 * The normalize stage on every core: the main thread normalizes the first
 * slice while worker threads take the others. normalizeRecord is pure, so the
 * result is identical to {@link normalizeStage} (which runs instead for small
 * inputs, or when run from TypeScript sources where no compiled worker exists).
 */
export async function normalizeStageParallel(state: PipelineState, opts: PipelineOptions): Promise<PipelineState> {
  const { records } = state;
  const threads = opts.threads ?? availableParallelism();
  if (threads < 2 || records.length < MIN_RECORDS_FOR_WORKERS || !existsSync(fileURLToPath(WORKER))) return normalizeStage(state, opts);
  const { progress } = opts;
  progress.start('normalize', records.length);
  const options = { defaultRegion: opts.region, dateOrder: opts.dateOrder, asOf: opts.asOf };
  const size = Math.ceil(records.length / threads);
  const slices = Array.from({ length: threads }, (_, t) => records.slice(t * size, (t + 1) * size));
  const others = slices.slice(1).map(
    (slice) =>
      new Promise<NormalizedRecord[]>((resolve, reject) => {
        const worker = new Worker(WORKER, { workerData: { records: slice, options } });
        worker.once('message', (result: NormalizedRecord[]) => {
          resolve(result);
          void worker.terminate();
        });
        worker.once('error', reject);
      }),
  );
  const first = slices[0];
  const normalized: NormalizedRecord[] = new Array(first.length);
  for (let i = 0; i < first.length; i++) {
    normalized[i] = normalizeRecord(first[i], options);
    // The main thread's share stands for all of them: the slices are the same size.
    if ((i & 4095) === 0) progress.update(i * threads);
  }
  for (const part of await Promise.all(others)) for (const r of part) normalized.push(r);
  progress.end(`${records.length.toLocaleString('en')} records on ${threads} threads`);
  return { ...state, normalized };
}

/** Stages 1 and 2 together, as most commands start. */
export async function importAndNormalize(paths: string[], opts: PipelineOptions): Promise<PipelineState> {
  return normalizeStageParallel(await importStage(paths, opts), opts);
}
