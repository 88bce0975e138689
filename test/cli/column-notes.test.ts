import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, crm, tempDir } from './helpers.js';

describe('column notes: unrecognised and repeated headers are told, once per file', () => {
  const dir = tempDir();
  const crmFile = join(dir, 'crm.csv');
  const dupFile = join(dir, 'dup.csv');
  writeFileSync(crmFile, 'First Name,Last Name,Mobile No.,Phone 1,E-mail Address,VIP Level\nJohn,Smith,0412 345 678,02 9876 5432,john@example.com,platinum\n');
  writeFileSync(dupFile, '姓名,手机,姓名\n张三,13912345678,张三\n');
  const unknown = 'crmclean: warning: crm.csv: 1 column not recognised, kept as extra column: "VIP Level"';
  const repeated = 'crmclean: warning: dup.csv: columns 1 and 3 are both called "姓名"; column 3 is called "姓名_2"';
  const count = (text: string, part: string) => text.split(part).length - 1;

  it('dedupe prints them on stderr, keeps exit 0, and puts them in report.json and report.html', () => {
    const out = join(dir, 'out');
    const r = crm(['dedupe', crmFile, dupFile, '--out', out, '--as-of', AS_OF]);
    expect(r.status, r.stderr).toBe(0);
    expect(count(r.stderr, unknown)).toBe(1);
    expect(count(r.stderr, repeated)).toBe(1);
    // Column names only: no cell reaches the terminal.
    for (const cell of ['platinum', 'john@example.com', '13912345678', '张三']) expect(r.stderr).not.toContain(cell);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.sources[0]).toMatchObject({ source: 'crm.csv', unknownColumns: ['VIP Level'], warnings: [] });
    expect(report.sources[0].fields).toEqual(expect.arrayContaining(['name', 'phone', 'email']));
    expect(report.sources[1]).toMatchObject({ source: 'dup.csv', unknownColumns: [] });
    expect(report.sources[1].warnings[0]).toBe('columns 1 and 3 are both called "姓名"; column 3 is called "姓名_2"');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<h2>Column notes</h2>');
    expect(html).toContain('not recognised, kept as extra column: &quot;VIP Level&quot;');
    expect(html).toContain('columns 1 and 3 are both called &quot;姓名&quot;');
  });

  it.each([
    ['check', ['check', crmFile, dupFile, '--min-completeness', '0', '--as-of', AS_OF]],
    ['normalize', ['normalize', crmFile, dupFile, '--as-of', AS_OF]],
  ])('%s prints them too', (_name, args) => {
    const r = crm(args);
    expect(r.status, r.stderr).toBe(0);
    expect(count(r.stderr, unknown)).toBe(1);
    expect(count(r.stderr, repeated)).toBe(1);
  });

  it('--quiet prints none of them', () => {
    const r = crm(['normalize', crmFile, dupFile, '--as-of', AS_OF, '-q']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });
});
