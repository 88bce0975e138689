import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDatasetStreaming, entitiesForRecords } from '../../fixtures/synth/index.js';
import { BIN, crm, shell, tempDir } from './helpers.js';

describe('normalization and comparison on several threads', () => {
  it('gives byte-identical records to a single-thread run (and is used from 20,000 records up)', () => {
    const dir = tempDir();
    const { files } = writeDatasetStreaming(dir, { seed: 5, entities: entitiesForRecords(22_000, 0.3), duplicateRate: 0.3 });
    const inputs = files.map((f) => join(dir, f.name));
    const many = crm(['normalize', ...inputs, '--as-of', '2026-11-01', '--threads', '2']);
    const one = crm(['normalize', ...inputs, '--as-of', '2026-11-01', '--threads', '1']);
    expect(many.status, many.stderr).toBe(0);
    expect(one.status, one.stderr).toBe(0);
    expect(many.stderr).toMatch(/normalize: 2[\d,]+ records on 2 threads/);
    expect(one.stderr).not.toMatch(/threads/);
    expect(many.stdout.length).toBeGreaterThan(1_000_000);
    expect(many.stdout === one.stdout).toBe(true);
  });

  it('compares pairs on two threads with byte-identical outputs to a single-thread run', () => {
    const dir = tempDir();
    const { files } = writeDatasetStreaming(dir, { seed: 8, entities: entitiesForRecords(22_000, 0.3), duplicateRate: 0.3 });
    const inputs = files.map((f) => join(dir, f.name));
    const many = crm(['dedupe', ...inputs, '--as-of', '2026-11-01', '--out', join(dir, 'many'), '--threads', '2']);
    const one = crm(['dedupe', ...inputs, '--as-of', '2026-11-01', '--out', join(dir, 'one'), '--threads', '1']);
    expect(many.status, many.stderr).toBe(0);
    expect(one.status, one.stderr).toBe(0);
    expect(many.stderr).toMatch(/compare: [\d,]+ pairs × \d+ comparisons on 2 threads/);
    expect(one.stderr).not.toMatch(/on 2 threads/);
    const outputs = readdirSync(join(dir, 'one')).sort();
    expect(outputs).toContain('golden.csv');
    expect(readdirSync(join(dir, 'many')).sort()).toEqual(outputs);
    for (const file of outputs) expect(readFileSync(join(dir, 'many', file)).equals(readFileSync(join(dir, 'one', file))), file).toBe(true);
  });

  it('stops its worker threads and exits with the error when a later file fails while they normalize', () => {
    const dir = tempDir();
    const { files } = writeDatasetStreaming(dir, { seed: 6, entities: entitiesForRecords(22_000, 0.3), duplicateRate: 0.3 });
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const r = crm(['dedupe', ...files.map((f) => join(dir, f.name)), empty, '--out', join(dir, 'out'), '--threads', '2']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/empty\.csv: the file is empty/);
    expect(r.stderr).not.toMatch(/normalize:/);
  });

  it('uses the workers for an input whose size is not known before reading (a pipe), once it holds 20,000 records', () => {
    const dir = tempDir();
    const { files } = writeDatasetStreaming(dir, { seed: 7, entities: entitiesForRecords(22_000, 0.3), duplicateRate: 0.3 });
    const biggest = files.reduce((a, b) => (b.rows > a.rows ? b : a));
    const path = join(dir, biggest.name);
    // The same export four times over, through process substitution: a pipe of some 20,000+ rows.
    const r = shell(`'${process.execPath}' '${BIN}' normalize <(cat '${path}'; for i in 1 2 3; do tail -n +2 '${path}'; done) --threads 2 > /dev/null`);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/normalize: 2[\d,]+ records on 2 threads/);
  });

  it('rejects a thread count that is not a positive whole number', () => {
    const r = crm(['normalize', 'x.csv', '--threads', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--threads must be a whole number of at least 1/);
  });
});
