import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { normalizeRecord, type NormalizeOptions } from '../normalize/normalize-record.js';
import type { NormalizedRecord, SourceRecord } from '../model/record.js';
import { importStage, type PipelineOptions } from './run.js';
import type { ProgressSink } from './progress.js';
import type { PipelineState } from './state.js';
import { packFields, unpackRecords, RecurringIn, type Packed } from './record-codec.js';

/** Below this many records a worker's start-up and copying cost more than they save. */
const MIN_RECORDS_FOR_WORKERS = 20_000;
/** About that many records of a typical export (100–150 bytes a row), to decide before reading. */
const MIN_BYTES_FOR_WORKERS = 2_000_000;
const WORKER = new URL('./normalize-worker.js', import.meta.url);

/** Records per chunk handed out: small enough to balance the threads, big enough that messages cost little. */
const CHUNK = 4096;
/** Chunks a worker holds at once, so it never waits while the main thread is busy with its own chunk. */
const IN_FLIGHT = 2;

/**
 * The normalize stage on every core. Records are added as they are read;
 * worker threads (when the input is big enough for them to pay) take chunks
 * while the main thread is still importing, and once the input has ended the
 * main thread takes chunks too, until none are left — a thread that runs
 * faster simply takes more. normalizeRecord is pure, so the result is
 * identical to a single-thread run (which is what happens for small inputs, one
 * thread, or when run from TypeScript sources where no compiled worker exists).
 */
class ChunkedNormalizer {
  private readonly records: SourceRecord[] = [];
  /**
   * Results by chunk (chunk k holds records k·CHUNK onwards). Chunks finish out
   * of order; writing them straight into one array would leave gaps wider than
   * V8 keeps in fast elements, and it would switch the whole array to a hash
   * table and back again and again.
   */
  private readonly chunks: NormalizedRecord[][] = [];
  /** First record not yet handed to a thread. */
  private next = 0;
  private ended = false;
  private done = 0;
  private progress: ProgressSink | null = null;
  private readonly workers: Worker[] = [];
  /** Hand each worker chunks up to its limit; called when records arrive, when the input ends and when a chunk comes back. */
  private readonly feeders: (() => void)[] = [];
  private workersDone: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly options: NormalizeOptions,
    private readonly threads: number,
  ) {}

  add(record: SourceRecord): void {
    const length = this.records.push(record);
    // Inputs whose size was not known up front (a pipe) get their workers once they prove big enough.
    if (length === MIN_RECORDS_FOR_WORKERS) this.useWorkers();
    if (length % CHUNK === 0) this.feed();
  }

  /** Start the worker threads now: they load their dictionaries while the first records are read. */
  useWorkers(): void {
    if (this.threads > 1 && this.workers.length === 0 && existsSync(fileURLToPath(WORKER))) this.startWorkers();
  }

  /** Normalize what is left (the main thread joins in) and return every record's result, in input order. */
  async finish(progress: ProgressSink): Promise<NormalizedRecord[]> {
    this.ended = true;
    this.progress = progress;
    const total = this.records.length;
    const early = this.done;
    progress.start('normalize', total);
    progress.update(this.done);
    try {
      this.feed();
      for (let start = this.take(); start !== null; start = this.take()) {
        const end = Math.min(total, start + CHUNK);
        const chunk: NormalizedRecord[] = [];
        for (let i = start; i < end; i++) chunk.push(normalizeRecord(this.records[i], this.options));
        this.chunks[start / CHUNK] = chunk;
        this.finished(end - start);
        // Let the workers' finished chunks in, and hand them new ones.
        if (this.workers.length) await new Promise((resolve) => setImmediate(resolve));
      }
      await this.workersDone;
    } finally {
      this.close();
    }
    const threads = this.workers.length + 1;
    const during = early ? ` (${early.toLocaleString('en')} of them while importing)` : '';
    progress.end(`${total.toLocaleString('en')} records${threads > 1 ? ` on ${threads} threads` : ''}${during}`);
    return this.chunks.flat();
  }

  /** Stop the workers (the input failed, or the work is done). */
  close(): void {
    for (const worker of this.workers) void worker.terminate();
  }

  private take(): number | null {
    const available = this.records.length;
    if (this.next >= available || (!this.ended && this.next + CHUNK > available)) return null;
    const start = this.next;
    this.next = Math.min(available, start + CHUNK);
    return start;
  }

  private feed(): void {
    for (const feed of this.feeders) feed();
  }

  private finished(count: number): void {
    this.done += count;
    this.progress?.update(this.done);
  }

  private startWorkers(): void {
    for (let t = 1; t < this.threads; t++) {
      const worker = new Worker(WORKER, { workerData: { options: this.options } });
      this.workers.push(worker);
      this.workersDone = Promise.all([
        this.workersDone,
        new Promise<void>((resolve, reject) => {
          let pending = 0;
          const recurring = new RecurringIn();
          const feed = () => {
            while (pending < IN_FLIGHT) {
              const start = this.take();
              if (start === null) break;
              pending++;
              const fields = packFields(this.records.slice(start, start + CHUNK));
              worker.postMessage({ start, fields }, [fields.ints.buffer]);
            }
            if (pending === 0 && this.ended && this.next >= this.records.length) resolve();
          };
          worker.on('message', ({ start, packed }: { start: number; packed: Packed }) => {
            pending--;
            const chunk = unpackRecords(packed, this.records.slice(start, start + CHUNK), recurring);
            this.chunks[start / CHUNK] = chunk;
            this.finished(chunk.length);
            feed();
          });
          worker.once('error', reject);
          // A worker that dies without an error event (killed, out of memory) must not leave the stage waiting forever.
          worker.once('exit', (code) => reject(new Error(`a normalize worker stopped early (exit code ${code})`)));
          this.feeders.push(feed);
        }),
      ]);
    }
    // Awaited once the input has ended; until then a worker's failure must not count as unhandled.
    this.workersDone.catch(() => {});
  }
}

function normalizerFor(opts: PipelineOptions): ChunkedNormalizer {
  return new ChunkedNormalizer({ defaultRegion: opts.region, dateOrder: opts.dateOrder, asOf: opts.asOf }, opts.threads ?? availableParallelism());
}

/** Stage 2 on every core, for records already imported (or read from another stage's NDJSON). */
export async function normalizeStageParallel(state: PipelineState, opts: PipelineOptions): Promise<PipelineState> {
  const normalizer = normalizerFor(opts);
  for (const record of state.records) normalizer.add(record);
  return { ...state, normalized: await normalizer.finish(opts.progress) };
}

/** Stages 1 and 2 together, as most commands start: records are normalized by worker threads while the files are still being read. */
export async function importAndNormalize(paths: string[], opts: PipelineOptions): Promise<PipelineState> {
  const normalizer = normalizerFor(opts);
  if (totalBytes(paths) >= MIN_BYTES_FOR_WORKERS) normalizer.useWorkers();
  let imported: PipelineState;
  try {
    imported = await importStage(paths, opts, (record) => normalizer.add(record));
  } catch (err) {
    normalizer.close();
    throw err;
  }
  return { ...imported, normalized: await normalizer.finish(opts.progress) };
}

/** Input size in bytes; a file that cannot be read counts 0 here (the import names the problem). */
function totalBytes(paths: readonly string[]): number {
  let bytes = 0;
  for (const path of paths) {
    try {
      bytes += statSync(path).size;
    } catch {
      // Missing or unreadable: reported by the import, with the file's name.
    }
  }
  return bytes;
}
