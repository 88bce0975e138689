import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { normalizeRecord } from '../normalize/normalize-record.js';
import type { NormalizedRecord } from '../model/record.js';
import { importStage, normalizeStage, type PipelineOptions } from './run.js';
import type { PipelineState } from './state.js';
import { packFields, unpackRecords, type Packed } from './record-codec.js';

/** Below this many records a worker's start-up and copying cost more than they save. */
const MIN_RECORDS_FOR_WORKERS = 20_000;
const WORKER = new URL('./normalize-worker.js', import.meta.url);

/** Records per chunk handed out: small enough to balance the threads, big enough that messages cost little. */
const CHUNK = 4096;
/** Chunks a worker holds at once, so it never waits while the main thread is busy with its own chunk. */
const IN_FLIGHT = 2;

/**
 * The normalize stage on every core: the input is cut into chunks that the
 * main thread and worker threads take in turn until none are left, so a
 * thread that runs faster simply takes more. normalizeRecord is pure, so the
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
  const normalized: NormalizedRecord[] = new Array(records.length);
  let next = 0;
  let done = 0;
  const take = (): number | null => {
    if (next >= records.length) return null;
    const start = next;
    next = Math.min(records.length, start + CHUNK);
    return start;
  };
  const finished = (count: number) => {
    done += count;
    progress.update(done);
  };

  const workers = Array.from({ length: threads - 1 }, () => new Worker(WORKER, { workerData: { options } }));
  const workersDone = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        let pending = 0;
        const send = () => {
          const start = take();
          if (start === null) {
            if (pending === 0) resolve();
            return;
          }
          pending++;
          const fields = packFields(records.slice(start, start + CHUNK));
          worker.postMessage({ start, fields }, [fields.ints.buffer]);
        };
        worker.on('message', ({ start, packed }: { start: number; packed: Packed }) => {
          pending--;
          const chunk = unpackRecords(packed, records.slice(start, start + CHUNK));
          for (let k = 0; k < chunk.length; k++) normalized[start + k] = chunk[k];
          finished(chunk.length);
          send();
        });
        worker.once('error', reject);
        // A worker that dies without an error event (killed, out of memory) must not leave the stage waiting forever.
        worker.once('exit', (code) => reject(new Error(`a normalize worker stopped early (exit code ${code})`)));
        for (let k = 0; k < IN_FLIGHT; k++) send();
      }),
  );
  const allDone = Promise.all(workersDone);
  // Awaited after the main thread's own share; until then a worker's failure must not count as unhandled.
  allDone.catch(() => {});
  try {
    for (let start = take(); start !== null; start = take()) {
      const end = Math.min(records.length, start + CHUNK);
      for (let i = start; i < end; i++) normalized[i] = normalizeRecord(records[i], options);
      finished(end - start);
      // Let the workers' finished chunks in, and hand them new ones.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await allDone;
  } finally {
    for (const worker of workers) void worker.terminate();
  }
  progress.end(`${records.length.toLocaleString('en')} records on ${threads} threads`);
  return { ...state, normalized };
}

/** Stages 1 and 2 together, as most commands start. */
export async function importAndNormalize(paths: string[], opts: PipelineOptions): Promise<PipelineState> {
  return normalizeStageParallel(await importStage(paths, opts), opts);
}
