import { parentPort, workerData } from 'node:worker_threads';
import { mappingChunks, type MappingColumns } from './mapping-csv.js';

/** Makes mapping.csv's chunks for the main thread, which writes them (see mappingContent). */
parentPort!.postMessage([...mappingChunks(workerData as MappingColumns)()]);
