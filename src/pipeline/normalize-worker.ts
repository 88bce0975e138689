import { parentPort, workerData } from 'node:worker_threads';
import { normalizeRecord, type NormalizeOptions } from '../normalize/normalize-record.js';
import type { SourceRecord } from '../model/record.js';

/**
 * Chunks of the normalize stage in a worker thread: the same pure function, so
 * results are identical. The raw values go back empty: the main thread has
 * them already, and copying them would be a quarter of every message.
 */
const { options } = workerData as { options: NormalizeOptions };
parentPort!.on('message', ({ start, records }: { start: number; records: SourceRecord[] }) => {
    const normalized = records.map((r) => {
    const n = normalizeRecord(r, options);
    n.fields = {};
    n.extra = {};
    return n;
  });
  parentPort!.postMessage({ start, normalized });
});
