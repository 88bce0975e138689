import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Comparison } from './comparisons/comparison.js';
import type { MatchFeatures } from './features.js';
import type { FeatureColumns } from './feature-ids.js';
import { featureTables } from './feature-tables.js';
import { compareCodedPairs } from './compare-pairs.js';
import { int32s, uint8s } from '../model/big-arrays.js';

const WORKER = new URL('./compare-worker.js', import.meta.url);
/** Below this many records the worker's start and the copied values cost more than it saves. */
const MIN_RECORDS_FOR_WORKER = 20_000;
/** Pairs a thread takes at a time: a few milliseconds of work, so neither thread waits long for the other's last. */
const CHUNK = 16_384;
/** A worker that finishes no chunk for this long is taken for dead, and the main thread does its chunks. */
const STALL_MS = 10_000;

/** Slots of a job's control array. */
const NEXT_CHUNK = 0;
const CHUNKS_DONE = 1;
const FAILED = 2;

/** One batch of pairs to compare, all in shared memory: both threads take chunks and write their rows of `levels`. */
export interface CompareJob {
  /** Pairs coded a · n + b. */
  codes: Float64Array;
  n: number;
  levels: Uint8Array;
  control: Int32Array;
  /** 1 for each chunk whose rows are written. */
  chunkDone: Uint8Array;
}

/** Take chunks of the job until none are left (both threads run this). */
export function takeChunks(job: CompareJob, features: readonly MatchFeatures[], comparisons: readonly Comparison[], onChunk?: (pairs: number) => void): void {
  const { control, chunkDone } = job;
  try {
    for (let c = Atomics.add(control, NEXT_CHUNK, 1); c < chunkDone.length; c = Atomics.add(control, NEXT_CHUNK, 1)) {
      const pairs = compareChunk(job, features, comparisons, c);
      Atomics.store(chunkDone, c, 1);
      Atomics.add(control, CHUNKS_DONE, 1);
      Atomics.notify(control, CHUNKS_DONE);
      onChunk?.(pairs);
    }
  } catch (err) {
    Atomics.store(control, FAILED, 1);
    Atomics.notify(control, CHUNKS_DONE);
    throw err;
  }
}

/** Compare chunk c's pairs; returns how many there were. */
function compareChunk({ codes, n, levels }: CompareJob, features: readonly MatchFeatures[], comparisons: readonly Comparison[], c: number): number {
  const to = Math.min(codes.length, (c + 1) * CHUNK);
  compareCodedPairs(features, comparisons, codes, n, levels, c * CHUNK, to);
  return to - c * CHUNK;
}

/**
 * The compare stage on two cores. A worker thread gets every record's match
 * features as integer columns in shared memory plus each feature's distinct
 * values (`featureTables`), rebuilds the features while the main thread
 * blocks, and from then on both threads take chunks of each batch of pairs
 * (candidates, then the random pairs for u), writing each pair's levels into
 * one shared array. Comparisons are pure and see equal values, so the levels
 * are those one thread writes, in whatever order the chunks are taken.
 *
 * Stays synchronous for its callers: the main thread takes chunks itself and
 * then waits on the shared counter for the worker's last one. A worker that
 * failed, or never started, leaves its chunks to the main thread.
 */
export class PairComparer {
  /** Pairs the worker compared, over every job so far. */
  pairsOnWorker = 0;

  private constructor(
    private readonly features: readonly MatchFeatures[],
    private readonly comparisons: readonly Comparison[],
    private readonly worker: Worker | null,
  ) {}

  /** A comparer with a worker when there are threads to spare and records enough to pay for it; alone otherwise. */
  static start(features: readonly MatchFeatures[], columns: FeatureColumns, comparisons: readonly Comparison[], threads: number): PairComparer {
    if (threads < 2 || features.length < MIN_RECORDS_FOR_WORKER || !existsSync(fileURLToPath(WORKER))) return new PairComparer(features, comparisons, null);
    const worker = new Worker(WORKER, { workerData: { tables: featureTables(columns), comparisonNames: comparisons.map((c) => c.name) } });
    // The main thread does whatever the worker does not: a worker error costs time, never a result.
    worker.on('error', () => {});
    worker.unref();
    return new PairComparer(features, comparisons, worker);
  }

  get threads(): number {
    return this.worker ? 2 : 1;
  }

  /** Levels of the coded pairs (pair-major, one byte per comparison). */
  compare(codes: Float64Array, n: number, onProgress?: (done: number) => void): Uint8Array {
    return this.finish(this.begin(codes, n), onProgress);
  }

  /** Hand the pairs to the worker, which starts on them while this thread does other work before {@link finish}. */
  begin(codes: Float64Array, n: number): CompareJob {
    const job: CompareJob = { codes, n, levels: uint8s(codes.length * this.comparisons.length), control: int32s(3), chunkDone: uint8s(Math.ceil(codes.length / CHUNK)) };
    this.worker?.postMessage(job);
    return job;
  }

  /** Take the job's remaining chunks on this thread, wait for the worker's last, and return the levels. */
  finish(job: CompareJob, onProgress?: (done: number) => void): Uint8Array {
    const { control, chunkDone, codes } = job;
    const chunks = chunkDone.length;
    let here = 0;
    takeChunks(job, this.features, this.comparisons, (pairs) => {
      here += pairs;
      onProgress?.(Math.min(codes.length, Atomics.load(control, CHUNKS_DONE) * CHUNK));
    });
    let done = Atomics.load(control, CHUNKS_DONE);
    while (done < chunks && !Atomics.load(control, FAILED)) {
      if (Atomics.wait(control, CHUNKS_DONE, done, STALL_MS) === 'timed-out' && Atomics.load(control, CHUNKS_DONE) === done) break;
      done = Atomics.load(control, CHUNKS_DONE);
    }
    // Chunks the worker left (failed or stalled): the same values written again are harmless.
    for (let c = 0; c < chunks; c++) if (!Atomics.load(chunkDone, c)) here += compareChunk(job, this.features, this.comparisons, c);
    this.pairsOnWorker += Math.max(0, codes.length - here);
    return job.levels;
  }

  close(): void {
    void this.worker?.terminate();
  }
}
