import { parentPort, workerData } from 'node:worker_threads';
import { normalizeRecord, type NormalizeOptions } from '../normalize/normalize-record.js';
import type { NormalizedRecord } from '../model/record.js';
import { matchFeatures, type MatchFeatures } from '../match/features.js';
import { COMPARISONS } from '../match/comparisons/index.js';
import { takeChunks, type SharedComparison } from '../match/shared-compare.js';
import { packRecords, unpackFields, type Packed, type RecurringOut } from './record-codec.js';

export type WorkerMessage =
  /** Normalize these records and send them back. */
  | { kind: 'normalize'; start: number; fields: Packed }
  /** Records another thread normalized: only their match features are wanted here. */
  | { kind: 'features'; start: number; fields: Packed }
  /** Help compare the candidate pairs. */
  | { kind: 'compare'; work: SharedComparison };

/**
 * Chunks of the normalize stage in a worker thread: the same pure function, so
 * results are identical. Records travel packed both ways (see record-codec.ts).
 * A worker asked to help matching keeps every record's match features (those
 * of records it did not normalize arrive as raw fields) and then takes chunks
 * of the candidate pairs alongside the main thread.
 */
const { options, keepFeatures } = workerData as { options: NormalizeOptions; keepFeatures: boolean };
const recurring: RecurringOut = new Map();
const features: MatchFeatures[] = [];

function keep(start: number, records: readonly NormalizedRecord[]): void {
  for (let k = 0; k < records.length; k++) features[start + k] = matchFeatures(records[k]);
}

parentPort!.on('message', (message: WorkerMessage) => {
  switch (message.kind) {
    case 'normalize': {
      const normalized = unpackFields(message.fields).map((r) => normalizeRecord(r, options));
      if (keepFeatures) keep(message.start, normalized);
      const packed = packRecords(normalized, recurring);
      parentPort!.postMessage({ start: message.start, packed }, [packed.ints.buffer]);
      return;
    }
    case 'features':
      keep(message.start, unpackFields(message.fields).map((r) => normalizeRecord(r, options)));
      return;
    case 'compare': {
      const comparisons = message.work.names.map((name) => COMPARISONS.find((c) => c.name === name)!);
      takeChunks(message.work, features, comparisons);
      return;
    }
  }
});
