import { parentPort, workerData } from 'node:worker_threads';
import { COMPARISONS } from './comparisons/index.js';
import { featuresFromTables, type FeatureTables } from './feature-tables.js';
import { compareChunk, takeEach, type CompareJob, type RulesJob } from './match-threads.js';
import { runRule } from './blocking/block.js';

/**
 * The second thread of the block and compare stages (see MatchThreads):
 * rebuilds every record's match features from the tables once, then takes
 * blocking rules and chunks of pairs until none are left. The same pure
 * functions on the same values, so the results are those one thread gets.
 */
const { tables, comparisonNames } = workerData as { tables: FeatureTables; comparisonNames: string[] };
const features = featuresFromTables(tables);
const comparisons = comparisonNames.map((name) => COMPARISONS.find((c) => c.name === name)!);
parentPort!.on('message', (job: CompareJob | RulesJob) => {
  if (job.kind === 'rules') {
    takeEach(job.control, job.jobs.length, (j) => job.port.postMessage({ j, result: runRule(job.jobs[j]) }));
    job.port.close();
    return;
  }
  takeEach(job.control, job.chunkDone.length, (c) => compareChunk(job, features, comparisons, c));
});
