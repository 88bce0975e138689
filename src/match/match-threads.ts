import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Comparison } from './comparisons/comparison.js';
import type { MatchFeatures } from './features.js';
import type { FeatureColumns } from './feature-ids.js';
import { featureTables } from './feature-tables.js';
import { compareCodedPairs } from './compare-pairs.js';
import { runRule, type RuleJob, type RuleResult } from './blocking/block.js';
import { int32s, uint8s } from '../model/big-arrays.js';

const WORKER = new URL('./match-worker.js', import.meta.url);
/** Below this many records the worker's start and the copied values cost more than it saves. */
const MIN_RECORDS_FOR_WORKER = 20_000;
/** Pairs a thread takes at a time: a few milliseconds of work, so neither thread waits long for the other's last. */
const CHUNK = 16_384;
/** A worker that finishes nothing for this long is taken for dead, and the main thread does what it had taken. */
const STALL_MS = 10_000;

/** Slots of a job's control array (shared memory both threads count in). */
const NEXT = 0;
const DONE = 1;
const FAILED = 2;

/** Pairs to compare, all in shared memory: both threads take chunks and write their rows of `levels`. */
export interface CompareJob {
  kind: 'compare';
  /** Pairs coded a · n + b. */
  codes: Float64Array;
  n: number;
  levels: Uint8Array;
  control: Int32Array;
  /** 1 for each chunk whose rows are written. */
  chunkDone: Uint8Array;
}

/** Blocking rules to run: both threads take rules; the worker sends its results through `port`. */
export interface RulesJob {
  kind: 'rules';
  jobs: readonly RuleJob[];
  control: Int32Array;
  port: MessagePort;
}

/**
 * Take items 0 … count − 1 one at a time until none are left, counting each
 * one done (both threads run this on the same control array). A failure is
 * flagged for the other thread before it is thrown.
 */
export function takeEach(control: Int32Array, count: number, work: (item: number) => void): void {
  try {
    for (let item = Atomics.add(control, NEXT, 1); item < count; item = Atomics.add(control, NEXT, 1)) {
      work(item);
      Atomics.add(control, DONE, 1);
      Atomics.notify(control, DONE);
    }
  } catch (err) {
    Atomics.store(control, FAILED, 1);
    Atomics.notify(control, DONE);
    throw err;
  }
}

/** Wait until `count` items are done, the other thread failed, or it has done nothing for STALL_MS. */
function awaitOthers(control: Int32Array, count: number): void {
  let done = Atomics.load(control, DONE);
  while (done < count && !Atomics.load(control, FAILED)) {
    if (Atomics.wait(control, DONE, done, STALL_MS) === 'timed-out' && Atomics.load(control, DONE) === done) return;
    done = Atomics.load(control, DONE);
  }
}

/** Compare chunk c's pairs and mark the chunk done; returns how many pairs there were. */
export function compareChunk({ codes, n, levels, chunkDone }: CompareJob, features: readonly MatchFeatures[], comparisons: readonly Comparison[], c: number): number {
  const to = Math.min(codes.length, (c + 1) * CHUNK);
  compareCodedPairs(features, comparisons, codes, n, levels, c * CHUNK, to);
  Atomics.store(chunkDone, c, 1);
  return to - c * CHUNK;
}

/**
 * Blocking and comparison on two cores. A worker thread gets every record's
 * match features as integer columns in shared memory plus each feature's
 * distinct values (`featureTables`) and rebuilds the features, while the main
 * thread builds the blocking keys. Then both threads take blocking rules (the
 * keys are typed arrays in shared memory too), and later chunks of each batch
 * of pairs to compare (the candidates, then the random pairs for u), writing
 * each pair's levels into one shared array. Rules and comparisons are pure and
 * see equal values, so the results are those one thread gets, in whatever
 * order the work is taken.
 *
 * Stays synchronous for its callers: the main thread takes work itself, then
 * waits on the shared counter for the worker's last piece. Whatever a worker
 * that failed, stalled or never started did not finish, the main thread does.
 */
export class MatchThreads {
  /** Pairs the worker compared, over every batch so far. */
  pairsOnWorker = 0;
  /** Blocking rules the worker ran. */
  rulesOnWorker = 0;

  private constructor(
    private readonly features: readonly MatchFeatures[],
    private readonly comparisons: readonly Comparison[],
    private readonly worker: Worker | null,
  ) {}

  /** With a worker when there are threads to spare and records enough to pay for it; the main thread alone otherwise. */
  static start(features: readonly MatchFeatures[], columns: FeatureColumns, comparisons: readonly Comparison[], threads: number): MatchThreads {
    if (threads < 2 || features.length < MIN_RECORDS_FOR_WORKER || !existsSync(fileURLToPath(WORKER))) return new MatchThreads(features, comparisons, null);
    const worker = new Worker(WORKER, { workerData: { tables: featureTables(columns), comparisonNames: comparisons.map((c) => c.name) } });
    // The main thread does whatever the worker does not: a worker error costs time, never a result.
    worker.on('error', () => {});
    worker.unref();
    return new MatchThreads(features, comparisons, worker);
  }

  /** Threads at work: 2 with a worker, else 1. */
  get count(): number {
    return this.worker ? 2 : 1;
  }

  /** Blocking rules' results in job order (a RuleRunner for blockRecords). */
  readonly runRules = (jobs: readonly RuleJob[]): RuleResult[] => {
    const results = new Array<RuleResult | undefined>(jobs.length);
    const control = int32s(3);
    const channel = this.worker ? new MessageChannel() : null;
    if (channel) this.worker!.postMessage({ kind: 'rules', jobs, control, port: channel.port2 } satisfies RulesJob, [channel.port2]);
    takeEach(control, jobs.length, (j) => (results[j] = runRule(jobs[j])));
    if (channel) {
      awaitOthers(control, jobs.length);
      for (let m = receiveMessageOnPort(channel.port1); m; m = receiveMessageOnPort(channel.port1)) {
        const { j, result } = m.message as { j: number; result: RuleResult };
        results[j] = result;
        this.rulesOnWorker++;
      }
      channel.port1.close();
    }
    return results.map((result, j) => result ?? runRule(jobs[j]));
  };

  /** Levels of the coded pairs (pair-major, one byte per comparison). */
  compare(codes: Float64Array, n: number, onProgress?: (done: number) => void): Uint8Array {
    return this.finish(this.begin(codes, n), onProgress);
  }

  /** Hand the pairs to the worker, which starts on them while this thread does other work before {@link finish}. */
  begin(codes: Float64Array, n: number): CompareJob {
    const job: CompareJob = { kind: 'compare', codes, n, levels: uint8s(codes.length * this.comparisons.length), control: int32s(3), chunkDone: uint8s(Math.ceil(codes.length / CHUNK)) };
    this.worker?.postMessage(job);
    return job;
  }

  /** Take the job's remaining chunks on this thread, wait for the worker's last, and return the levels. */
  finish(job: CompareJob, onProgress?: (done: number) => void): Uint8Array {
    const { control, chunkDone, codes } = job;
    const chunks = chunkDone.length;
    let here = 0;
    takeEach(control, chunks, (c) => {
      here += compareChunk(job, this.features, this.comparisons, c);
      onProgress?.(Math.min(codes.length, Atomics.load(control, DONE) * CHUNK));
    });
    if (this.worker) awaitOthers(control, chunks);
    // Chunks the worker left (failed or stalled): the same values written again are harmless.
    for (let c = 0; c < chunks; c++) if (!Atomics.load(chunkDone, c)) here += compareChunk(job, this.features, this.comparisons, c);
    this.pairsOnWorker += Math.max(0, codes.length - here);
    return job.levels;
  }

  close(): void {
    void this.worker?.terminate();
  }
}
