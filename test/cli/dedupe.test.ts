import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, SAMPLE, SAMPLE_FILES, crm, shell, tempDir } from './helpers.js';

const readCsv = (path: string): Record<string, string>[] => parse(readFileSync(path), { columns: true, bom: true });

describe('crmclean dedupe on the bundled sample', () => {
  let out: string;
  let run: ReturnType<typeof crm>;
  beforeAll(() => {
    out = tempDir();
    run = crm(['dedupe', ...SAMPLE_FILES, '--out', out, '--as-of', AS_OF]);
  });

  it('succeeds and writes every output', () => {
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(run.status).toBe(0);
    for (const f of ['golden.csv', 'mapping.csv', 'rejects.csv', 'review.csv', 'issues.csv', 'report.json', 'report.html', 'model.json']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    expect(readdirSync(out).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(run.stdout).toContain(out);
  });

  it('accounts for every input row exactly once, in the mapping or in rejects', () => {
    const truth = readCsv(join(SAMPLE, 'truth.csv'));
    const seen = new Map<string, number>();
    for (const m of readCsv(join(out, 'mapping.csv'))) seen.set(`${m.source}:${m.row}`, (seen.get(`${m.source}:${m.row}`) ?? 0) + 1);
    for (const r of readCsv(join(out, 'rejects.csv'))) seen.set(`${r.source}:${r.row}`, (seen.get(`${r.source}:${r.row}`) ?? 0) + 1);
    const expected = truth.map((t) => `${t.source}:${t.row}`).sort();
    expect([...seen.keys()].sort()).toEqual(expected);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });

  it('maps every row to a golden record that exists, and counts members right', () => {
    const golden = readCsv(join(out, 'golden.csv'));
    const mapping = readCsv(join(out, 'mapping.csv'));
    const ids = new Set(golden.map((g) => g.golden_id));
    expect(ids.size).toBe(golden.length);
    for (const m of mapping) expect(ids.has(m.golden_id)).toBe(true);
    const members = new Map<string, number>();
    for (const m of mapping) members.set(m.golden_id, (members.get(m.golden_id) ?? 0) + 1);
    for (const g of golden) expect(Number(g.record_count)).toBe(members.get(g.golden_id));
    expect(golden.length).toBeLessThan(mapping.length); // the sample has duplicates
  });

  it('reports the counts in report.json', () => {
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const mapping = readCsv(join(out, 'mapping.csv'));
    const golden = readCsv(join(out, 'golden.csv'));
    expect(report.counts.records).toBe(mapping.length);
    expect(report.counts.goldenRecords).toBe(golden.length);
  });

  it('gives the same bytes through the NDJSON pipe as the one-shot command', () => {
    const piped = tempDir();
    const files = SAMPLE_FILES.map((f) => JSON.stringify(f)).join(' ');
    const r = shell(
      `bin/crmclean import ${files} -q | bin/crmclean normalize -q --as-of ${AS_OF} | bin/crmclean dedupe --stdin -q --as-of ${AS_OF} | bin/crmclean export --out ${piped} -q --as-of ${AS_OF}`,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const f of readdirSync(out)) expect(readFileSync(join(piped, f)), f).toEqual(readFileSync(join(out, f)));
  });

  it('is deterministic: a second run writes byte-identical files', () => {
    const again = tempDir();
    expect(crm(['dedupe', ...SAMPLE_FILES, '--out', again, '--as-of', AS_OF, '-q']).status).toBe(0);
    for (const f of readdirSync(out)) expect(readFileSync(join(again, f)), f).toEqual(readFileSync(join(out, f)));
  });
});

describe('exit codes', () => {
  it.each([
    ['dedupe', ['0', '2', '3', '4', '70', '130', '143'], ['1']],
    ['check', ['0', '1', '2', '3', '70', '130', '143'], ['4']],
    ['import', ['0', '2', '3', '70', '130', '143'], ['1', '4']],
  ])('documents in %s --help the exit codes it can give, and only those', (command, listed, unlisted) => {
    const r = crm([command, '--help']);
    expect(r.status).toBe(0);
    const codes = r.stdout.split('Exit codes:\n')[1].split('\n').map((line) => line.trim().split(' ')[0]).filter(Boolean);
    expect(codes).toEqual(listed);
    for (const code of unlisted) expect(codes).not.toContain(code);
  });

  it.each([
    ['import', ['--as-of', '--threads', '--region', '--date-order']],
    ['init', ['--as-of', '--threads']],
  ])('%s --help lists no option that means nothing there, and gives an example', (command, absent) => {
    const r = crm([command, '--help']);
    for (const flag of absent) expect(r.stdout).not.toContain(flag);
    expect(r.stdout).toMatch(new RegExp(`Examples:\n  \\$ crmclean ${command} `));
  });

  it('2 for an unknown option, without a stack trace', () => {
    const r = crm(['dedupe', SAMPLE_FILES[0], '--out', tempDir(), '--no-such-flag']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option/);
  });

  it('2 for a region with no phone numbering plan, from the flag or the config', () => {
    const r = crm(['dedupe', SAMPLE_FILES[0], '--out', tempDir(), '--region', 'ZZ']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--region must be a two-letter country code with a phone numbering plan.*got "ZZ"/);
    const dir = tempDir();
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ defaultRegion: 'XX' }));
    const fromConfig = crm(['dedupe', SAMPLE_FILES[0], '--out', dir, '--config', join(dir, 'c.json')]);
    expect(fromConfig.status).toBe(2);
    expect(fromConfig.stderr).toMatch(/defaultRegion in the config must be .*got "XX"/);
  });

  it('2 for a config file with a misspelt key, naming the key', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ match: { treshold: 0.9 } }));
    const r = crm(['dedupe', SAMPLE_FILES[0], '--out', dir, '--config', join(dir, 'c.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('match: unknown key "treshold"');
  });

  it('2 for a config file that is not JSON, with line and column', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.json'), '{\n  "dateOrder": "DMY",\n  "match": { threshold: 0.9 }\n}');
    const r = crm(['dedupe', SAMPLE_FILES[0], '--out', dir, '--config', join(dir, 'c.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/c\.json:3:\d+: config file is not valid JSON/);
  });

  it.each([
    ['missing', (dir: string) => join(dir, 'nope.json'), /config file .*nope\.json does not exist/],
    ['a directory', (dir: string) => dir, /config file .* is a directory/],
  ])('2 for a config file that is %s, saying so in words', (_what, path, message) => {
    const dir = tempDir();
    const r = crm(['dedupe', SAMPLE_FILES[0], '--out', join(dir, 'out'), '--config', path(dir)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/ENOENT|EISDIR/);
  });

  it('3 for a file that does not exist, naming it', () => {
    const r = crm(['dedupe', 'no/such/file.csv', '--out', tempDir()]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('no/such/file.csv');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('2 when --out would overwrite an input file', () => {
    const dir = tempDir();
    copyFileSync(SAMPLE_FILES[0], join(dir, 'golden.csv'));
    const r = crm(['dedupe', join(dir, 'golden.csv'), '--out', dir]);
    expect(r.status).toBe(2);
    expect(readFileSync(join(dir, 'golden.csv'))).toEqual(readFileSync(SAMPLE_FILES[0]));
  });

  it.each([
    ['dedupe', '--out'],
    ['match', '--master'],
  ])('4 when %s %s is a file, in one line, before any input is read', (command, flag) => {
    const dir = tempDir();
    const file = join(dir, 'afile');
    writeFileSync(file, 'x\n');
    // The input does not exist: reading it would fail with exit 3, so exit 4 shows the directory was checked first.
    const r = crm([command, join(dir, 'missing.csv'), flag, file]);
    expect(r.status).toBe(4);
    expect(r.stderr).toBe(`crmclean: cannot write to the output directory ${file}: a file stands where a directory should be\n`);
  });

  it('3 with --strict when a row is rejected, and the row is in rejects.csv with its line', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ragged.csv'), 'name,phone,email\n张三,13912345678,a@b.cn\n李四,13987654321\n王五,13711112222,c@d.cn\n');
    const lenient = crm(['dedupe', join(dir, 'ragged.csv'), '--out', join(dir, 'out'), '-q']);
    expect(lenient.status).toBe(0);
    const rejects = readCsv(join(dir, 'out/rejects.csv'));
    expect(rejects).toHaveLength(1);
    expect(rejects[0]).toMatchObject({ source: 'ragged.csv', row: '2', line: '3' });
    const strict = crm(['dedupe', join(dir, 'ragged.csv'), '--out', join(dir, 'out2'), '-q', '--strict']);
    expect(strict.status).toBe(3);
  });
});
