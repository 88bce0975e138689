import { parentPort, workerData } from 'node:worker_threads';
import { normalizeRecord, type NormalizeOptions } from '../normalize/normalize-record.js';
import type { SourceRecord } from '../model/record.js';

/** Chunks of the normalize stage in a worker thread: the same pure function, so results are identical. */
const { options } = workerData as { options: NormalizeOptions };
parentPort!.on('message', ({ start, records }: { start: number; records: SourceRecord[] }) => {
  parentPort!.postMessage({ start, normalized: records.map((r) => normalizeRecord(r, options)) });
});
