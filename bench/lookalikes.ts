/**
 * How much a shared name says at a given size: `npm run bench:lookalikes -- --records 1000000`.
 * Generates the end-to-end benchmark's data (same seed), normalizes it and,
 * for pairs of records that share a name and one more field, prints how many
 * are different customers. Names come from a fixed pool, as real names do, so
 * look-alikes multiply with the population and the same evidence proves less
 * at 1M than at 100k: the reason pairwise F1 falls a little with size.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { writeDatasetStreaming, entitiesForRecords, TRUTH_FILE } from '../fixtures/synth/index.js';
import { importAndNormalize } from '../src/pipeline/normalize-parallel.js';
import type { PipelineOptions } from '../src/pipeline/run.js';
import { silentProgress } from '../src/pipeline/progress.js';
import { matchFeatures, type MatchFeatures } from '../src/match/features.js';

const { values } = parseArgs({ options: { records: { type: 'string', default: '100000' }, seed: { type: 'string', default: '1' } } });
const records = Number(values.records);
const dir = mkdtempSync(join(tmpdir(), 'crmclean-bench-lookalikes-'));
const summary = writeDatasetStreaming(dir, { seed: Number(values.seed), entities: entitiesForRecords(records, 0.3), duplicateRate: 0.3, asOf: '2026-10-01' });
const opts: PipelineOptions = { config: {}, region: 'CN', dateOrder: 'YMD', asOf: '2026-11-01', progress: silentProgress };
const state = await importAndNormalize(summary.files.map((f) => join(dir, f.name)), opts);
const truth = new Map<string, string>();
for (const t of parse(readFileSync(join(dir, TRUTH_FILE)), { columns: true }) as { source: string; row: string; entity: string }[]) truth.set(`${t.source}:${t.row}`, t.entity);
const entity = state.records.map((r) => truth.get(`${r.source}:${r.row}`));
const features = state.normalized!.map(matchFeatures);
rmSync(dir, { recursive: true, force: true });

const joined = (...parts: (string | null)[]) => (parts.every((p) => p !== null) ? parts.join('\u0001') : null);
const evidence: [string, (f: MatchFeatures) => string | null][] = [
  ['name + district', (f) => joined(f.name, f.locality)],
  ['name + company', (f) => joined(f.name, f.company)],
  ['name + street', (f) => joined(f.name, f.locality, f.street)],
  ['name + birth date', (f) => joined(f.name, f.birthDate)],
];
console.log(`${features.length.toLocaleString('en')} records\n`);
console.log('shared                 same customer   different customers   different per 1,000 records   share different');
for (const [label, key] of evidence) {
  const groups = new Map<string, number[]>();
  features.forEach((f, i) => {
    const k = key(f);
    if (k !== null) (groups.get(k) ?? groups.set(k, []).get(k)!).push(i);
  });
  let same = 0;
  let different = 0;
  for (const members of groups.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        if (entity[members[x]] === entity[members[y]]) same++;
        else different++;
      }
    }
  }
  const share = same + different ? (100 * different) / (same + different) : 0;
  console.log(
    `${label.padEnd(22)} ${same.toLocaleString('en').padStart(13)} ${different.toLocaleString('en').padStart(21)} ${((1000 * different) / features.length).toFixed(2).padStart(29)} ${share.toFixed(2).padStart(16)}%`,
  );
}
