/**
 * Nightly-run benchmark: `npm run bench:master -- --master-records 1000000 --new-records 10000`.
 *
 * Night 1 starts a master from M generated records (a full dedupe). Night 2
 * brings N records of the same customers exported again a day later (other
 * rows, other messes, other update dates, so no row is byte-identical and every
 * one goes through matching), and is timed against the full night-1 run. It
 * also reports how many night-2 records landed on the customer that already
 * held their person's records (ground truth from the generator).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { writeDatasetStreaming, entitiesForRecords, TRUTH_FILE } from '../fixtures/synth/index.js';

const { values } = parseArgs({
  options: {
    'master-records': { type: 'string', default: '1000000' },
    'new-records': { type: 'string', default: '10000' },
    keep: { type: 'boolean', default: false },
  },
});
const masterRecords = Number(values['master-records']);
const newRecords = Number(values['new-records']);
const DUPLICATE_RATE = 0.3;
const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'crmclean-bench-master-'));
const master = join(dir, 'master');
const rssProbe = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss '+process.resourceUsage().maxRSS+'\\n'))`;

function night(name: string, records: number, asOf: string) {
  const input = join(dir, name);
  mkdirSync(input);
  const summary = writeDatasetStreaming(input, { seed: 1, entities: entitiesForRecords(records, DUPLICATE_RATE), duplicateRate: DUPLICATE_RATE, asOf });
  const out = join(dir, `${name}-out`);
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ['--import', rssProbe, join(ROOT, 'bin/crmclean'), 'match', ...summary.files.map((f) => join(input, f.name)), '--master', master, '--out', out, '--as-of', asOf],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(run.status ?? 1);
  }
  const rss = Number(/maxrss (\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024;
  const stages = run.stderr.split('\n').filter((l) => l.startsWith('crmclean ')).map((l) => `    ${l.slice('crmclean '.length)}`);
  console.log(`${name}: ${summary.records.toLocaleString('en')} records in ${seconds.toFixed(1)}s, peak RSS ${rss.toFixed(0)} MiB\n${stages.join('\n')}`);
  const truth = new Map<string, string>();
  for (const t of parse(readFileSync(join(input, TRUTH_FILE)), { columns: true }) as { source: string; row: string; entity: string }[]) truth.set(`${t.source}:${t.row}`, t.entity);
  const mapping = parse(readFileSync(join(out, 'mapping.csv')), { columns: true, bom: true }) as { source: string; row: string; golden_id: string; status: string }[];
  return { seconds, mapping: mapping.map((m) => ({ ...m, entity: truth.get(`${m.source}:${m.row}`)! })) };
}

const first = night('night1', masterRecords, '2026-11-01');
// The customer each person's night-1 records mostly went to.
const votes = new Map<string, Map<string, number>>();
for (const m of first.mapping) {
  const v = votes.get(m.entity) ?? new Map<string, number>();
  v.set(m.golden_id, (v.get(m.golden_id) ?? 0) + 1);
  votes.set(m.entity, v);
}
const customerOf = new Map([...votes].map(([entity, v]) => [entity, [...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0]]));

const second = night('night2', newRecords, '2026-11-02');
const known = second.mapping.filter((m) => customerOf.has(m.entity));
const right = known.filter((m) => m.golden_id === customerOf.get(m.entity)).length;
const existing = second.mapping.filter((m) => m.status === 'existing').length;

console.log(`\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`master ${masterRecords.toLocaleString('en')} records: full run ${first.seconds.toFixed(1)}s`);
console.log(`${newRecords.toLocaleString('en')} records against it: ${second.seconds.toFixed(1)}s (${((second.seconds / first.seconds) * 100).toFixed(1)}% of the full run)`);
console.log(`flagged existing ${existing.toLocaleString('en')} of ${second.mapping.length.toLocaleString('en')}; on their person's customer: ${right.toLocaleString('en')} of ${known.length.toLocaleString('en')} (${((right / Math.max(1, known.length)) * 100).toFixed(2)}%)`);
if (!values.keep) rmSync(dir, { recursive: true, force: true });
