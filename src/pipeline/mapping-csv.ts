import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { csvLineChunks, type CsvCell } from '../io/csv-output.js';
import type { FileContent } from '../io/atomic-write.js';
import { goldenIdText } from '../golden/golden-table.js';

const WORKER = new URL('./mapping-worker.js', import.meta.url);
/** Below this many lines a worker's start costs more than making the file here. */
const MIN_LINES_FOR_WORKER = 20_000;

/**
 * mapping.csv as plain numbers, line by line in the order it is written: all
 * it takes to make the file, on this thread or another.
 */
export interface MappingColumns {
  sources: string[];
  /** Per line: the record's source (an index into `sources`), its row, its golden record, its match score (NaN: none). */
  source: Int32Array;
  row: Int32Array;
  golden: Int32Array;
  score: Float64Array;
  /** In a master run, per line: 1 when the record's customer existed before the run, 0 for a new one (the `status` column). */
  existing?: Uint8Array;
  /** Golden record x's id: `ids[x]` where given (a master's customers), else the prefix and x + 1 (goldenIdText). */
  ids?: readonly string[];
  idPrefix: string;
  idWidth: number;
  escapeFormulas: boolean;
}

const COLUMNS = ['source', 'row', 'golden_id', 'match_score'];
const MASTER_COLUMNS = ['source', 'row', 'golden_id', 'status', 'match_score'];

/** The file's chunks, made here as they are written. */
export function mappingChunks(m: MappingColumns): () => Iterable<Uint8Array> {
  const { existing, ids } = m;
  const columns = existing ? MASTER_COLUMNS : COLUMNS;
  return csvLineChunks(
    columns,
    function* () {
      // One array refilled for every line (csvLineChunks reads a row before asking for the next).
      const cells: CsvCell[] = columns.map(() => '');
      const score = cells.length - 1;
      for (let k = 0; k < m.row.length; k++) {
        cells[0] = m.sources[m.source[k]];
        cells[1] = m.row[k];
        cells[2] = ids ? ids[m.golden[k]] : goldenIdText(m.idPrefix, m.idWidth, m.golden[k]);
        if (existing) cells[3] = existing[k] ? 'existing' : 'new';
        cells[score] = Number.isNaN(m.score[k]) ? '' : m.score[k].toFixed(4);
        yield cells;
      }
    },
    { escapeFormulas: m.escapeFormulas },
  );
}

/**
 * mapping.csv made by a worker thread, which starts now: at a million records
 * the file takes a second to make, which the worker spends while this thread
 * scores quality and writes golden.csv. The same chunks either way; should
 * the worker fail, they are made here when the file is written.
 */
export function mappingContent(m: MappingColumns, threads: number): FileContent {
  if (threads < 2 || m.row.length < MIN_LINES_FOR_WORKER || !existsSync(fileURLToPath(WORKER))) return mappingChunks(m);
  const worker = new Worker(WORKER, { workerData: m });
  const made = new Promise<Uint8Array[] | null>((resolve) => {
    worker.once('message', resolve);
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  return async function* () {
    const chunks = await made;
    void worker.terminate();
    yield* chunks ?? mappingChunks(m)();
  };
}
