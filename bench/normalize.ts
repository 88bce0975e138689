/**
 * Normalization micro-benchmark: `npm run bench:normalize -- --records 200000`.
 * Imports synthetic exports once, then times the normalize stage alone on one
 * core and prints records/s and the projected time for 1,000,000 records.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeDatasetStreaming, entitiesForRecords } from '../fixtures/synth/index.js';
import { importStage, normalizeStage, type PipelineOptions } from '../src/pipeline/run.js';
import { silentProgress } from '../src/pipeline/progress.js';

const { values } = parseArgs({ options: { records: { type: 'string', default: '200000' } } });
const records = Number(values.records);
const dir = mkdtempSync(join(tmpdir(), 'crmclean-bench-normalize-'));
const summary = writeDatasetStreaming(dir, { seed: 7, entities: entitiesForRecords(records, 0.3), duplicateRate: 0.3 });
const opts: PipelineOptions = { config: {}, region: 'CN', dateOrder: 'YMD', asOf: '2026-11-01', progress: silentProgress };
const imported = await importStage(summary.files.map((f) => join(dir, f.name)), opts);
const started = performance.now();
const state = normalizeStage(imported, opts);
const seconds = (performance.now() - started) / 1000;
const n = state.normalized!.length;
console.log(`normalized ${n.toLocaleString('en')} records in ${seconds.toFixed(2)}s: ${Math.round(n / seconds).toLocaleString('en')} records/s, ~${((1_000_000 / n) * seconds).toFixed(0)}s per 1,000,000`);
rmSync(dir, { recursive: true, force: true });
