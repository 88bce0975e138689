import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { crm, tempDir } from './helpers.js';

const readCsv = (path: string): Record<string, string>[] => parse(readFileSync(path), { columns: true, bom: true });
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);

/** Write `content` to a fresh temp file and run dedupe on it. */
function dedupe(name: string, content: string | Buffer, extra: string[] = []) {
  const dir = tempDir();
  const file = join(dir, name);
  writeFileSync(file, content);
  const out = join(dir, 'out');
  return { run: crm(['dedupe', file, '--out', out, '-q', '--as-of', '2026-11-01', ...extra]), out, file };
}

// Each case: a broken file, the exit code, and what the message must say.
const FILE_ERRORS: [string, string, string | Buffer, number, RegExp][] = [
  ['an empty file', 'empty.csv', '', 3, /empty\.csv.*(empty|no header)/i],
  ['a header only', 'header.csv', 'name,phone\n', 0, /^$/],
  ['no recognisable column', 'nohead.csv', 'foo,bar\n1,2\n', 3, /nohead\.csv.*(foo|bar)/s],
  ['GB18030 bytes with --encoding utf8', 'gbk.csv', iconv.encode('姓名,手机\n张三,13912345678\n', 'gb18030'), 3, /gbk\.csv.*(encoding|UTF-8)/is],
];

describe('bad input files: clear message, documented exit code, no stack trace', () => {
  it.each(FILE_ERRORS)('%s', (_label, name, content, code, message) => {
    const { run } = dedupe(name, content, name === 'gbk.csv' ? ['--encoding', 'utf8'] : []);
    noStack(run.stderr);
    expect(run.status, run.stderr).toBe(code);
    if (code !== 0) expect(run.stderr).toMatch(message);
  });

  it('a directory instead of a file', () => {
    const dir = tempDir();
    const r = crm(['dedupe', dir, '--out', join(dir, 'out'), '-q']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/directory/i);
    noStack(r.stderr);
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission', () => {
    const { file } = dedupe('locked.csv', 'name,phone\n张三,13912345678\n');
    chmodSync(file, 0o000);
    const r = crm(['dedupe', file, '--out', tempDir(), '-q']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/permission/i);
  });

  it('the same file with GB18030 detected gives the right names', () => {
    const { run, out } = dedupe('gbk.csv', iconv.encode('姓名,手机\n张三,13912345678\n李四,13712345678\n', 'gb18030'));
    expect(run.status, run.stderr).toBe(0);
    expect(readCsv(join(out, 'golden.csv')).map((g) => g.name).sort()).toEqual(['张三', '李四']);
  });
});

describe('absurd but valid values never crash the run and never lose the row', () => {
  it('a 100,000-character name, a paragraph in the phone cell, a date in year 9999', () => {
    const rows = ['name,phone,updated_at', `${'张'.repeat(100_000)},13912345678,2024-01-01`, `李四,"${'please call me after 5pm on weekdays, '.repeat(50)}",9999-12-31`, '王五,13711112222,2024-02-02'];
    const { run, out } = dedupe('absurd.csv', rows.join('\n') + '\n');
    expect(run.status, run.stderr).toBe(0);
    expect(readCsv(join(out, 'mapping.csv'))).toHaveLength(3);
    const issues = readCsv(join(out, 'issues.csv'));
    expect(issues.map((i) => i.code)).toEqual(expect.arrayContaining(['name.too_long', 'date.implausible']));
  });
});

describe('hostile cells', () => {
  it('neutralises formula injection in every CSV output, unless turned off', () => {
    // The company arrives escaped already, as our own golden.csv writes it: read as =SUM(B1), escaped once again.
    const csv = 'name,phone,notes,company\n张三,13912345678,"=HYPERLINK(""http://evil.example"",""click"")",\n李四,13712345678,@SUM(A1),\'=SUM(B1)\n';
    const { run, out } = dedupe('inject.csv', csv);
    expect(run.status, run.stderr).toBe(0);
    const golden = readFileSync(join(out, 'golden.csv'), 'utf8');
    expect(golden).toContain(`'=HYPERLINK`);
    expect(golden).toContain(`'@SUM(A1)`);
    expect(golden).toMatch(/,'=SUM\(B1\),/);
    expect(golden).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const raw = dedupe('inject.csv', csv, ['--no-escape-formulas']);
    const rawGolden = readFileSync(join(raw.out, 'golden.csv'), 'utf8');
    expect(rawGolden).toMatch(/(^|,)"?=HYPERLINK/m);
    expect(rawGolden).toMatch(/,=SUM\(B1\),/);
  });

  it('never prints a full phone number, ID number or email in its messages', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'name,phone,email,id_number\n张三,13912345678,zhangsan@example.cn,11010519491231002X\n');
    mkdirSync(join(dir, 'out'));
    const r = crm(['explain', file, '--pair', 'bad.csv:1', 'bad.csv:1']);
    expect(r.stdout + r.stderr).not.toContain('13912345678');
    expect(r.stdout + r.stderr).not.toContain('zhangsan@example.cn');
  });
});

describe('output safety', () => {
  it('does not leave temporary files, and writes the rejects file even when empty', () => {
    const { run, out } = dedupe('ok.csv', 'name,phone\n张三,13912345678\n');
    expect(run.status).toBe(0);
    expect(existsSync(join(out, 'rejects.csv'))).toBe(true);
    expect(readFileSync(join(out, 'rejects.csv'), 'utf8').trim()).toBe('source,row,line,code,reason');
  });
});
