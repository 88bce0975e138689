/**
 * Accuracy benchmark: dedupe each FEBRL dataset, the bundled sample and a
 * larger synthetic set (Chinese + Latin, with same-name, household and
 * colleague look-alikes) with zero labels and default settings, and print
 * pairwise precision, recall and F1 against the ground truth. The synthetic
 * set keeps a change that helps FEBRL honest about other data.
 * `npm run bench:accuracy`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { importStage, normalizeStage, dedupeStage, type PipelineOptions } from '../src/pipeline/run.js';
import { silentProgress } from '../src/pipeline/progress.js';
import { evaluateClusters, type Evaluation } from '../src/match/evaluate.js';
import { readTruth } from '../src/io/read-truth.js';
import { recordRef } from '../src/explain/record-ref.js';
import { writeDatasetStreaming, entitiesForRecords, TRUTH_FILE } from '../fixtures/synth/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const FEBRL = join(ROOT, 'fixtures/febrl');
const SAMPLE = join(ROOT, 'fixtures/sample');

const opts: PipelineOptions = { config: {}, region: 'AU', dateOrder: 'YMD', asOf: '2026-11-01', progress: silentProgress };

async function run(
  name: string,
  files: string[],
  truthOf: (source: string, row: number, customerId: string | undefined) => string,
  region = opts.region,
  sources: PipelineOptions['config']['sources'] = {},
): Promise<Evaluation & { name: string; seconds: number }> {
  const started = performance.now();
  const o = { ...opts, region, config: { sources } };
  const state = dedupeStage(normalizeStage(await importStage(files, o), o), o);
  const truth = state.records.map((r) => truthOf(r.source, r.row, r.fields.customer_id));
  return { name, seconds: (performance.now() - started) / 1000, ...evaluateClusters(state.match!.result.clusterOf, truth) };
}

const febrlEntity = (_s: string, _r: number, id: string | undefined) => /^rec-(\d+)-/.exec(id ?? '')?.[1] ?? `?${id}`;

const results = [
  await run('febrl dataset1 (1,000)', [join(FEBRL, 'dataset1.csv')], febrlEntity),
  await run('febrl dataset2 (5,000)', [join(FEBRL, 'dataset2.csv')], febrlEntity),
  await run('febrl dataset3 (5,000)', [join(FEBRL, 'dataset3.csv')], febrlEntity),
  await run('febrl dataset3 without soc_sec_id', [join(FEBRL, 'dataset3.csv')], febrlEntity, opts.region, { 'dataset3.csv': { columns: { soc_sec_id: 'ignore' } } }),
  await run('febrl dataset4a+4b (10,000, linkage)', [join(FEBRL, 'dataset4a.csv'), join(FEBRL, 'dataset4b.csv')], febrlEntity),
];
const sampleTruth = await readTruth(join(SAMPLE, 'truth.csv'));
const sampleFiles = ['crm_sales.csv', 'service_center.csv', 'ecommerce.csv', 'marketing.tsv'].map((f) => join(SAMPLE, f));
results.push(await run('bundled sample (Chinese + Latin)', sampleFiles, (s, r) => sampleTruth.get(recordRef({ source: s, row: r })) ?? `?${s}:${r}`, 'CN'));
const synthDir = mkdtempSync(join(tmpdir(), 'crmclean-accuracy-'));
try {
  const synth = writeDatasetStreaming(synthDir, { seed: 1, entities: entitiesForRecords(20_000, 0.3), duplicateRate: 0.3 });
  const synthTruth = await readTruth(join(synthDir, TRUTH_FILE));
  const synthFiles = synth.files.map((f) => join(synthDir, f.name));
  results.push(await run('synthetic (20,000, Chinese + Latin)', synthFiles, (s, r) => synthTruth.get(recordRef({ source: s, row: r })) ?? `?${s}:${r}`, 'CN'));
} finally {
  rmSync(synthDir, { recursive: true, force: true });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
console.log(`${'dataset'.padEnd(40)} ${'records'.padStart(8)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(7)} ${'seconds'.padStart(8)}`);
for (const r of results) {
  console.log(`${r.name.padEnd(40)} ${String(r.records).padStart(8)} ${pct(r.precision).padStart(9)} ${pct(r.recall)} ${pct(r.f1)} ${r.seconds.toFixed(2).padStart(8)}`);
}
