import type { Comparison } from './comparisons/comparison.js';
import { compareLevel } from './comparisons/comparison.js';
import type { MatchFeatures } from './features.js';

/** Pairs per chunk a thread takes: big enough that taking one costs nothing, small enough to balance the threads. */
const CHUNK = 8192;
const TAKEN = 1;
const DONE = 2;

/**
 * The candidate pairs' comparison in memory every thread sees: the pairs, the
 * level matrix they fill in, a counter from which each thread takes the next
 * chunk, and a status per chunk. Any thread holding every record's match
 * features can join; the levels are the same whichever thread computes them.
 */
export interface SharedComparison {
  /** Names of the comparisons, in matrix order (a helper thread looks them up in COMPARISONS). */
  names: string[];
  /** Record count: pair p is (⌊pairs[p] / n⌋, pairs[p] mod n). */
  n: number;
  pairs: Float64Array;
  /** Pair-major levels: row p holds pair p's level per comparison. */
  levels: Uint8Array;
  /** [0]: the next chunk to take; [1 + c]: chunk c's status (untaken, taken, done). */
  chunks: Int32Array;
}

/** Something that can lend a thread to a comparison: it starts working on it and returns at once. */
export interface PairHelper {
  join(work: SharedComparison): void;
}

export function sharedComparison(pairs: Float64Array, n: number, comparisons: readonly Comparison[]): SharedComparison {
  const shared = new Float64Array(new SharedArrayBuffer(pairs.byteLength));
  shared.set(pairs);
  const chunkCount = Math.ceil(pairs.length / CHUNK);
  return {
    names: comparisons.map((c) => c.name),
    n,
    pairs: shared,
    levels: new Uint8Array(new SharedArrayBuffer(pairs.length * comparisons.length)),
    chunks: new Int32Array(new SharedArrayBuffer(4 * (1 + chunkCount))),
  };
}

/** Take chunks and compare their pairs until none are left untaken; returns how many this thread took. */
export function takeChunks(work: SharedComparison, features: readonly MatchFeatures[], comparisons: readonly Comparison[], onProgress?: (done: number) => void): number {
  const chunkCount = work.chunks.length - 1;
  let taken = 0;
  for (let c = Atomics.add(work.chunks, 0, 1); c < chunkCount; c = Atomics.add(work.chunks, 0, 1), taken++) {
    Atomics.store(work.chunks, 1 + c, TAKEN);
    compareChunk(work, c, features, comparisons);
    Atomics.store(work.chunks, 1 + c, DONE);
    onProgress?.(Math.min(work.pairs.length, (c + 1) * CHUNK));
  }
  return taken;
}

/**
 * The thread that needs the levels, once no chunk is left to take: it
 * compares again any chunk another thread took and has not finished, rather
 * than wait for it. It never blocks, so a helper that is slow, busy or dead
 * cannot stall the run; a chunk compared twice gets the same bytes twice.
 */
export function compareTogether(
  work: SharedComparison,
  features: readonly MatchFeatures[],
  comparisons: readonly Comparison[],
  onProgress?: (done: number) => void,
): { levels: Uint8Array; helped: number } {
  const chunkCount = work.chunks.length - 1;
  let own = takeChunks(work, features, comparisons, onProgress);
  for (let c = 0; c < chunkCount; c++) {
    if (Atomics.load(work.chunks, 1 + c) === DONE) continue;
    compareChunk(work, c, features, comparisons);
    own++;
  }
  return { levels: work.levels, helped: chunkCount ? (chunkCount - Math.min(own, chunkCount)) / chunkCount : 0 };
}

function compareChunk(work: SharedComparison, c: number, features: readonly MatchFeatures[], comparisons: readonly Comparison[]): void {
  const { pairs, n, levels } = work;
  const width = comparisons.length;
  const end = Math.min(pairs.length, (c + 1) * CHUNK);
  for (let k = c * CHUNK; k < end; k++) {
    const a = features[Math.floor(pairs[k] / n)];
    const b = features[pairs[k] % n];
    for (let x = 0; x < width; x++) levels[k * width + x] = compareLevel(comparisons[x], a, b);
  }
}
