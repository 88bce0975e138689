import { parentPort, workerData } from 'node:worker_threads';
import { COMPARISONS } from './comparisons/index.js';
import { featuresFromTables, type FeatureTables } from './feature-tables.js';
import { takeChunks, type CompareJob } from './compare-threads.js';

/**
 * The second thread of the compare stage: rebuilds every record's match
 * features from the tables once (while the main thread blocks), then takes
 * chunks of each job's pairs until none are left. The same pure comparisons on
 * the same values, so the levels are those one thread would write.
 */
const { tables, comparisonNames } = workerData as { tables: FeatureTables; comparisonNames: string[] };
const features = featuresFromTables(tables);
const comparisons = comparisonNames.map((name) => COMPARISONS.find((c) => c.name === name)!);
parentPort!.on('message', (job: CompareJob) => takeChunks(job, features, comparisons));
