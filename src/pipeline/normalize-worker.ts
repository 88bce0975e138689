import { parentPort, workerData } from 'node:worker_threads';
import { normalizeRecord, type NormalizeOptions } from '../normalize/normalize-record.js';
import { packRecords, unpackFields, RecurringOut, type Packed } from './record-codec.js';

/**
 * Chunks of the normalize stage in a worker thread: the same pure function, so
 * results are identical. Records travel packed both ways (see record-codec.ts).
 */
const { options } = workerData as { options: NormalizeOptions };
const recurring = new RecurringOut();
parentPort!.on('message', ({ start, fields }: { start: number; fields: Packed }) => {
  const packed = packRecords(unpackFields(fields).map((r) => normalizeRecord(r, options)), recurring);
  parentPort!.postMessage({ start, packed }, [packed.ints.buffer]);
});
