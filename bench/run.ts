/**
 * End-to-end benchmark: `npm run bench -- --records 100000`.
 * Generates N synthetic customer records across four source files (known
 * duplicate rate, Chinese and Latin, messy), runs `crmclean dedupe` on them as
 * a user would (a child process, progress off a TTY), and prints records/s per
 * stage, candidate pairs, peak RSS and pairwise F1 against the generated truth.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { writeDatasetStreaming, entitiesForRecords, TRUTH_FILE } from '../fixtures/synth/index.js';
import { evaluateClusters } from '../src/match/evaluate.js';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    'duplicate-rate': { type: 'string', default: '0.3' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});
const records = Number(values.records);
const duplicateRate = Number(values['duplicate-rate']);
const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'crmclean-bench-'));

const t0 = performance.now();
const summary = writeDatasetStreaming(dir, { seed: Number(values.seed), entities: entitiesForRecords(records, duplicateRate), duplicateRate, asOf: '2026-10-01' });
console.log(`generated ${summary.records.toLocaleString('en')} records (${summary.entities.toLocaleString('en')} customers) in ${((performance.now() - t0) / 1000).toFixed(1)}s → ${dir}`);

// The child reports its own peak RSS on exit, so no external `time` is needed.
const rssProbe = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss '+process.resourceUsage().maxRSS+'\\n'))`;
const files = summary.files.map((f) => join(dir, f.name));
const out = join(dir, 'out');
const started = performance.now();
const run = spawnSync(process.execPath, ['--import', rssProbe, join(ROOT, 'bin/crmclean'), 'dedupe', ...files, '--out', out, '--as-of', '2026-11-01'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
const wall = (performance.now() - started) / 1000;
if (run.status !== 0) {
  console.error(run.stderr);
  process.exit(run.status ?? 1);
}

const stageLines = run.stderr.split('\n').filter((l) => l.startsWith('crmclean '));
const maxRss = Number(/maxrss (\d+)/.exec(run.stderr)?.[1] ?? 0) * 1024;
const truth = new Map<string, string>();
for (const t of parse(readFileSync(join(dir, TRUTH_FILE)), { columns: true }) as { source: string; row: string; entity: string }[]) truth.set(`${t.source}:${t.row}`, t.entity);
const mapping = parse(readFileSync(join(out, 'mapping.csv')), { columns: true, bom: true }) as { source: string; row: string; golden_id: string }[];
const e = evaluateClusters(
  mapping.map((m) => m.golden_id),
  mapping.map((m) => truth.get(`${m.source}:${m.row}`) ?? `?${m.source}:${m.row}`),
);
const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));

console.log(`\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`\nstage                     time     records/s`);
for (const line of stageLines) {
  const m = /^crmclean (\w+): .* in ([\d.]+)s$/.exec(line);
  if (!m) continue;
  const secs = Number(m[2]);
  console.log(`${m[1].padEnd(20)} ${secs.toFixed(2).padStart(8)}s ${(secs > 0 ? Math.round(records / secs) : Infinity).toLocaleString('en').padStart(12)}`);
}
console.log(`\nend to end          ${wall.toFixed(2).padStart(8)}s ${Math.round(records / wall).toLocaleString('en').padStart(12)}`);
console.log(`candidate pairs     ${report.counts.candidatePairs.toLocaleString('en')}`);
console.log(`peak RSS            ${(maxRss / 2 ** 20).toFixed(0)} MiB`);
console.log(`pairwise F1         ${(e.f1 * 100).toFixed(2)}%  (precision ${(e.precision * 100).toFixed(2)}%, recall ${(e.recall * 100).toFixed(2)}%)`);
if (!values.keep) rmSync(dir, { recursive: true, force: true });
