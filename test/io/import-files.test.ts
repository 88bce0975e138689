import { afterAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/io/import-files.js';
import { EXIT } from '../../src/model/errors.js';
import { errorOf, tmpDir } from './tmp-files.js';

const tmp = tmpDir('import-files');
afterAll(tmp.cleanup);

describe('importFiles', () => {
  it('reads files in input order with per-source options, and accounts for every row', async () => {
    const b = tmp.file('b.csv', 'name;phone\nB1;1\nB2\n');
    const a = tmp.file('a.csv', '公司名称,电话\n甲公司,2\n');
    const seen: string[] = [];
    const result = await importFiles([b, a], (source, path) => {
      seen.push(`${source}@${path}`);
      return source === 'a.csv' ? { columns: { 公司名称: 'company' } } : {};
    });
    expect(seen).toEqual([`b.csv@${b}`, `a.csv@${a}`]);
    expect(result.sources.map((s) => [s.source, s.delimiter, s.records, s.rejects])).toEqual([
      ['b.csv', ';', 1, 1],
      ['a.csv', ',', 1, 0],
    ]);
    expect(result.records.map((r) => [r.source, r.row])).toEqual([
      ['b.csv', 1],
      ['a.csv', 1],
    ]);
    expect(result.rejects).toEqual([{ source: 'b.csv', row: 2, line: 3, code: 'row.ragged', reason: 'row has 1 fields, the header has 2' }]);
  });

  it('two inputs with the same base name are a usage error, before anything is read', async () => {
    const one = tmp.file('x/crm.csv', 'name\nA\n');
    const two = tmp.file('y/crm.csv', 'garbage that would fail to read');
    const err = await errorOf(importFiles([one, two]));
    expect(err.exitCode).toBe(EXIT.USAGE);
    expect(err.format()).toMatch(/same file name "crm\.csv"/);
  });

  it('no input files is a usage error', async () => {
    expect((await errorOf(importFiles([]))).exitCode).toBe(EXIT.USAGE);
  });
});
