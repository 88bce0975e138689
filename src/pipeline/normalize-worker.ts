import { parentPort, workerData } from 'node:worker_threads';
import { normalizeRecord, type NormalizeOptions } from '../normalize/normalize-record.js';
import type { SourceRecord } from '../model/record.js';

/** One slice of the normalize stage in a worker thread: the same pure function, so results are identical. */
const { records, options } = workerData as { records: SourceRecord[]; options: NormalizeOptions };
parentPort!.postMessage(records.map((r) => normalizeRecord(r, options)));
