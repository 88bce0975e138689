import { chmodSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CELL_CHARS, readSource } from '../../src/io/read-source.js';
import { REJECT_CODES } from '../../src/io/reject.js';
import { EXIT } from '../../src/model/errors.js';
import { errorOf, readAll, tmpDir } from './tmp-files.js';

const tmp = tmpDir('read-source');
afterAll(tmp.cleanup);

const CRM = '客户编号,姓名,手机,地址,备注\r\nC001,张伟,13800138000,北京市朝阳区建国路88号,VIP\r\nC002,李娜,13912345678,"上海市浦东新区\r\n世纪大道100号",\r\n';

/** What every file in the encoding table reads to. */
const CRM_RECORDS = [
  { source: 'crm.csv', row: 1, line: 2, fields: { customer_id: 'C001', name: '张伟', phone: '13800138000', address: '北京市朝阳区建国路88号' }, extra: { 备注: 'VIP' } },
  { source: 'crm.csv', row: 2, line: 3, fields: { customer_id: 'C002', name: '李娜', phone: '13912345678', address: '上海市浦东新区\r\n世纪大道100号' }, extra: { 备注: '' } },
];

describe('readSource: encodings', () => {
  const bom = (b: number[], body: Buffer) => Buffer.concat([Buffer.from(b), body]);
  const cases: [string, Buffer, string][] = [
    ['UTF-8', Buffer.from(CRM), 'utf8'],
    ['UTF-8 with BOM', bom([0xef, 0xbb, 0xbf], Buffer.from(CRM)), 'utf8'],
    ['GB18030', iconv.encode(CRM, 'gb18030'), 'gb18030'],
    ['UTF-16LE with BOM', bom([0xff, 0xfe], iconv.encode(CRM, 'utf16le')), 'utf16le'],
    ['UTF-16BE with BOM', bom([0xfe, 0xff], iconv.encode(CRM, 'utf16be')), 'utf16be'],
    ['UTF-16LE without BOM', iconv.encode(CRM, 'utf16le'), 'utf16le'],
  ];
  it.each(cases)('%s', async (name, bytes, encoding) => {
    const path = tmp.file(`${name.replace(/\W+/g, '_')}/crm.csv`, bytes);
    const { summary, records, rejects } = await readAll(path);
    expect(summary.encoding).toBe(encoding);
    expect(summary.headers).toEqual(['客户编号', '姓名', '手机', '地址', '备注']);
    expect(rejects).toEqual([]);
    expect(records).toEqual(CRM_RECORDS);
  });

  it('GB18030 read with --encoding utf8 fails with file, line, column and advice', async () => {
    const path = tmp.file('gb-as-utf8.csv', iconv.encode('name,phone,city\r\nWang Wei,13800138000,北京\r\n', 'gb18030'));
    const err = await errorOf(readAll(path, { encoding: 'UTF-8' }));
    expect(err.exitCode).toBe(EXIT.INPUT);
    expect(err.location).toEqual({ file: path, line: 2, column: 22 });
    expect(err.format()).toContain(`${path}:2:22: byte 0xB1 is not valid UTF-8`);
    expect(err.format()).toMatch(/GB18030[\s\S]*--encoding gb18030/);
  });

  it('the explicit encoding is reported in a form that can be passed back', async () => {
    const path = tmp.file('latin.csv', iconv.encode('name,city\nJosé,Zürich\n', 'windows-1252'));
    const { summary, records } = await readAll(path, { encoding: 'Windows-1252' });
    expect(summary.encoding).toBe('windows1252');
    expect(records[0].fields).toEqual({ name: 'José', city: 'Zürich' });
  });

  it('an unknown encoding name is a usage error (exit 2)', async () => {
    const path = tmp.file('any.csv', 'name\nx\n');
    const err = await errorOf(readAll(path, { encoding: 'utf-9' }));
    expect(err.exitCode).toBe(EXIT.USAGE);
    expect(err.format()).toMatch(/unknown encoding "utf-9"[\s\S]*gb18030/);
  });

  it('rows with bytes that are not UTF-8 are rejected one by one; the rest of the file is read', async () => {
    const body = Buffer.concat([
      Buffer.from('姓名,手机\n张伟,13800138000\n'),
      Buffer.from('王'),
      Buffer.from([0xff]),
      Buffer.from(',13900000000\n李娜,13912345678\n'),
    ]);
    const { records, rejects, summary } = await readAll(tmp.file('bad-utf8.csv', body));
    expect(summary.encoding).toBe('utf8');
    expect(records.map((r) => r.fields.name)).toEqual(['张伟', '李娜']);
    expect(rejects).toEqual([{ source: 'bad-utf8.csv', row: 2, line: 3, code: REJECT_CODES.undecodable, reason: expect.stringMatching(/column "姓名" holds bytes that are not valid utf8/) }]);
  });
});

describe('readSource: delimiters', () => {
  it.each([
    [',', 'comma'],
    [';', 'semicolon'],
    ['\t', 'tab'],
    ['|', 'pipe'],
  ])('detects %j (%s)', async (d, name) => {
    const text = [['name', 'phone', 'address'], ['张伟', '13800138000', '北京市, 朝阳区; 1|2'], ['李娜', '13912345678', '上海']]
      .map((row) => row.map((c) => (c.includes(d) ? `"${c}"` : c)).join(d))
      .join('\n');
    const { summary, records } = await readAll(tmp.file(`${name}.csv`, text));
    expect(summary.delimiter).toBe(d);
    expect(records.map((r) => r.fields.address)).toEqual(['北京市, 朝阳区; 1|2', '上海']);
  });

  it('an explicit delimiter overrides detection', async () => {
    const path = tmp.file('explicit.csv', 'name;phone|email\nWang;138|w@example.cn\n');
    expect((await readAll(path)).summary.delimiter).toBe(';');
    const { summary, records } = await readAll(path, { delimiter: '|' });
    expect(summary.headers).toEqual(['name;phone', 'email']);
    expect(records[0].fields).toEqual({ email: 'w@example.cn' });
  });

  it('Excel\'s "sep=;" first line sets the delimiter and is not the header', async () => {
    const { summary, records } = await readAll(tmp.file('sep-line.csv', 'sep=;\r\nname;phone\r\nA,B;1\r\n'));
    expect(summary.delimiter).toBe(';');
    expect(summary.headers).toEqual(['name', 'phone']);
    expect(records.map((r) => [r.fields.name, r.row, r.line])).toEqual([['A,B', 1, 3]]);
  });

  it('FEBRL layout: a space after every comma is trimmed', async () => {
    const text = 'rec_id, given_name, surname, postcode\nrec-1-org, michaela, neumann, 4223\nrec-2-org, , waller, 4011\n';
    const { records } = await readAll(tmp.file('febrl.csv', text));
    expect(records.map((r) => r.fields)).toEqual([
      { customer_id: 'rec-1-org', given_name: 'michaela', surname: 'neumann', postcode: '4223' },
      { customer_id: 'rec-2-org', surname: 'waller', postcode: '4011' },
    ]);
  });
});

describe('readSource: rows and lines', () => {
  it('quoted line breaks: row counts records, line counts physical lines', async () => {
    const text = 'name,address\nA,"1 Main St\nApt 2\nSpringfield"\nB,x\nC,y\n';
    const { records } = await readAll(tmp.file('multiline.csv', text));
    expect(records.map((r) => [r.fields.name, r.row, r.line])).toEqual([
      ['A', 1, 2],
      ['B', 2, 5],
      ['C', 3, 6],
    ]);
  });

  it('mixed line endings, blank lines, and a final line without a line end', async () => {
    const text = 'name,phone\r\nA,1\n\r\nB,2\rC,3\r\n,\nD,4';
    const { records, rejects } = await readAll(tmp.file('mixed.csv', text));
    expect(rejects).toEqual([]);
    expect(records.map((r) => [r.fields.name, r.fields.phone, r.row, r.line])).toEqual([
      ['A', '1', 1, 2],
      ['B', '2', 2, 4],
      ['C', '3', 3, 5],
      ['D', '4', 4, 7],
    ]);
  });

  it('ragged rows are rejected with their line; a trailing empty field is not ragged', async () => {
    const text = 'name,phone,email\nA,1,a@x.cn\nB,2\nC,3,c@x.cn,surplus\nD,4,d@x.cn,\n';
    const { records, rejects } = await readAll(tmp.file('ragged.csv', text));
    expect(records.map((r) => [r.fields.name, r.row])).toEqual([
      ['A', 1],
      ['D', 4],
    ]);
    expect(rejects).toEqual([
      { source: 'ragged.csv', row: 2, line: 3, code: 'row.ragged', reason: 'row has 2 fields, the header has 3' },
      { source: 'ragged.csv', row: 3, line: 4, code: 'row.ragged', reason: 'row has 4 fields, the header has 3 (non-empty fields past the last column)' },
    ]);
  });

  it('unnamed columns at the end of the header are optional in the rows', async () => {
    const { records, rejects, summary } = await readAll(tmp.file('trailing-blank-header.csv', 'name,phone,\nA,1\nB,2,x\n'));
    expect(summary.headers).toEqual(['name', 'phone', 'column_3']);
    expect(rejects).toEqual([]);
    expect(records.map((r) => r.extra)).toEqual([{ column_3: '' }, { column_3: 'x' }]);
    expect([summary.warnings, summary.unknownColumns]).toEqual([['column 3 has no header; it is called column_3'], []]);
  });

  it('an unclosed quote rejects its line and reading resumes on the next', async () => {
    const text = 'name,phone\nA,1\n"B,2\nC,3\nD,4\n';
    const { records, rejects } = await readAll(tmp.file('unclosed.csv', text));
    expect(records.map((r) => [r.fields.name, r.row, r.line])).toEqual([
      ['A', 1, 2],
      ['C', 3, 4],
      ['D', 4, 5],
    ]);
    expect(rejects).toEqual([{ source: 'unclosed.csv', row: 2, line: 3, code: 'row.unbalanced_quote', reason: expect.stringMatching(/quote opened on line 3 is never closed/) }]);
  });

  it('a stray quote that swallows lines until another quote: one reject naming the lines', async () => {
    const text = 'name,phone,city\nA,1,x\n"B,2,y\nC,3,"z"\nD,4,w\n';
    const { records, rejects } = await readAll(tmp.file('stray.csv', text));
    expect(records.map((r) => [r.fields.name, r.line])).toEqual([
      ['A', 2],
      ['D', 5],
    ]);
    expect(rejects).toEqual([{ source: 'stray.csv', row: 2, line: 3, code: 'row.unbalanced_quote', reason: expect.stringMatching(/lines 3–4/) }]);
  });

  it('two exports joined (each with its BOM) and a totals row: the second header and the total are rejects', async () => {
    const part = (rows: string) => `\uFEFF姓名,手机,金额\r\n${rows}`;
    const text = `${part('张伟,13800138000,10\r\n')}${part('李娜,13912345678,20\r\n')}合计: 2,,30\r\n`;
    const { records, rejects } = await readAll(tmp.file('joined.csv', text));
    expect(records.map((r) => [r.fields.name, r.row, r.line])).toEqual([
      ['张伟', 1, 2],
      ['李娜', 3, 4],
    ]);
    expect(rejects).toEqual([
      { source: 'joined.csv', row: 2, line: 3, code: REJECT_CODES.repeatedHeader, reason: expect.stringMatching(/header row again/) },
      { source: 'joined.csv', row: 4, line: 5, code: REJECT_CODES.total, reason: expect.stringMatching(/totals row/) },
    ]);
  });

  it('rows with NUL bytes are rejected', async () => {
    const text = 'name,phone\nA,1\nB\0\0,2\nC,3\n';
    const { records, rejects } = await readAll(tmp.file('nul.csv', text));
    expect(records.map((r) => r.fields.name)).toEqual(['A', 'C']);
    expect(rejects).toEqual([{ source: 'nul.csv', row: 2, line: 3, code: 'row.nul_bytes', reason: expect.stringMatching(/column "name" contains NUL bytes/) }]);
  });

  it('a 100,000-character cell is kept; a 10 MB cell rejects its row without stopping the file', async () => {
    const long = 'x'.repeat(100_000);
    const huge = 'y'.repeat(10 * 1024 * 1024);
    const text = `name,note\nA,${long}\nB,"${huge}"\nC,short\n`;
    const { records, rejects } = await readAll(tmp.file('big-cells.csv', text));
    expect(records.map((r) => [r.fields.name, r.extra.note.length, r.row])).toEqual([
      ['A', 100_000, 1],
      ['C', 5, 3],
    ]);
    expect(huge.length).toBeGreaterThan(MAX_CELL_CHARS);
    expect(rejects).toEqual([{ source: 'big-cells.csv', row: 2, line: 3, code: 'row.field_too_long', reason: expect.stringMatching(/column "note" holds 10,485,760 characters/) }]);
  });

  it('rows in = records + rejects, every reject names file, row, line, code and reason', async () => {
    const text = 'name,phone\nA,1\nB\nC,"2\nD,3\n\0,4\nE,5,6\nF,6\n';
    const { records, rejects, summary } = await readAll(tmp.file('everything.csv', text));
    expect(summary.records + summary.rejects).toBe(records.length + rejects.length);
    const rows = [...records.map((r) => r.row), ...rejects.map((r) => r.row)].sort((a, b) => a - b);
    expect(rows).toEqual(rows.map((_, i) => i + 1));
    for (const r of rejects) {
      expect(r.source).toBe('everything.csv');
      expect(r.line).toBeGreaterThan(1);
      expect(r.code).toMatch(/^row\.[a-z_]+$/);
      expect(r.reason.length).toBeGreaterThan(10);
    }
  });
});

describe('readSource: headers', () => {
  it('blank and duplicate headers are renamed, with warnings, and their data kept', async () => {
    const text = '姓名,,备注,备注\n张伟,x,a,b\n';
    const { summary, records } = await readAll(tmp.file('dup-headers.csv', text));
    expect(summary.headers).toEqual(['姓名', 'column_2', '备注', '备注_2']);
    expect(summary.warnings).toHaveLength(2);
    expect(records[0].extra).toEqual({ column_2: 'x', 备注: 'a', 备注_2: 'b' });
  });

  it('explicit columns: mapping overrides detection, "ignore" drops the column', async () => {
    const text = '客户名称,联系人,内部备注\n某某科技有限公司,张伟,secret\n';
    const { summary, records } = await readAll(tmp.file('explicit-columns.csv', text), { columns: { 客户名称: 'company', 内部备注: 'ignore' } });
    expect(summary.mapping).toEqual({ 客户名称: 'company', 联系人: 'name', 内部备注: 'ignore' });
    expect(records[0]).toMatchObject({ fields: { company: '某某科技有限公司', name: '张伟' }, extra: {} });
  });

  it('header only: zero records, not an error', async () => {
    const { summary, records, rejects } = await readAll(tmp.file('header-only.csv', 'name,phone\r\n'));
    expect([summary.records, summary.rejects, records.length, rejects.length]).toEqual([0, 0, 0, 0]);
  });

  it('an explicit columns entry naming a missing header is exit 2, with the file', async () => {
    const path = tmp.file('cfg-missing.csv', 'name,phone\nA,1\n');
    const err = await errorOf(readAll(path, { columns: { mobile: 'phone' } }));
    expect(err.exitCode).toBe(EXIT.USAGE);
    expect(err.location.file).toBe(path);
  });
});

describe('readSource: rows above the header', () => {
  const cases: [string, string, number, RegExp][] = [
    ['a title and a blank row (Chinese Excel)', '客户信息导出 2026-11-01,,\r\n,,\r\n姓名,手机,邮箱\r\n张伟,13800138000,z@x.cn\r\n', 3, /^line 1 above the header skipped.*"客户信息导出 2026-11-01"$/],
    ['a title without delimiters above a tab header', 'Customer export\nname\tphone\temail\n张伟\t13800138000\tz@x.cn\n', 2, /^line 1 above the header skipped.*"Customer export"$/],
    ['an export date and a filter, numbers masked', '导出时间:,2026-11-01,,\n筛选: 手机 13800138000,,,\n姓名,手机,邮箱,\n张伟,13800138000,z@x.cn,\n', 3, /^lines 1, 2 above the header skipped.*"导出时间:", "2026-11-01"; "筛选: 手机 138…"$/],
    ['a title split by the real delimiter, a comma in it too', 'Exported by: admin;2026-11-01, 10:32\nname;phone;email\n张伟;13800138000;z@x.cn\n', 2, /^line 1 above the header skipped.*"Exported by: admin", "2026-11-01, 10:32"$/],
  ];
  it.each(cases)('%s: skipped with a warning', async (name, text, headerLine, warning) => {
    const { summary, records, rejects } = await readAll(tmp.file(`above-${name.replace(/\W+/g, '_')}.csv`, text));
    expect(summary.headers.slice(0, 3)).toEqual(summary.headers[0] === '姓名' ? ['姓名', '手机', '邮箱'] : ['name', 'phone', 'email']);
    expect(rejects).toEqual([]);
    expect(records.map((r) => [r.fields.name, r.fields.phone, r.row, r.line])).toEqual([['张伟', '13800138000', 1, headerLine + 1]]);
    expect(summary.warnings[0]).toMatch(warning);
  });
});

describe('readSource: files that cannot be read', () => {
  const cases: [string, () => string, RegExp][] = [
    ['empty file', () => tmp.file('empty.csv', ''), /the file is empty \(0 bytes\)/],
    ['only blank lines', () => tmp.file('blank.csv', '\uFEFF\r\n\r\n  \n'), /no rows, only blank lines/],
    ['nonexistent file', () => `${tmp.dir}/nope.csv`, /file not found/],
    ['a directory', () => tmp.dir, /this is a directory/],
    ['no header row (data on line 1)', () => tmp.file('no-header.csv', '张伟,13800138000,zhang@example.com\n李娜,13912345678,li@example.com\n'), /no header row recognised[\s\S]*"138…"[\s\S]*"…@…"/],
    ['no header row, a data cell that is a column name below', () => tmp.file('no-header-mobile.csv', '张伟,13800138000,x\n李娜,13912345678,Mobile\n'), /:1: no header row recognised: none of the 3 cells of line 1 is/],
    ['no header row in the first 11 rows', () => tmp.file('no-header-long.csv', '张伟,13800138000,x\n'.repeat(12)), /:1: no header row recognised: none of the 3 cells of line 1, nor of the 10 rows after it,/],
    ['no identifying column', () => tmp.file('no-id.csv', '客户编号,城市,备注\nC1,北京,x\n'), /no column identifies a customer[\s\S]*Headers seen: "客户编号", "城市", "备注"/],
    ['a gzip-compressed export', () => tmp.file('export.csv.gz', gzipSync('name,phone\nA,13800138000\n')), /gzip-compressed file[\s\S]*Decompress it first/],
    ['unclosed quote in the header', () => tmp.file('bad-header.csv', '"name,phone\nA,1\n'), /header row cannot be read/],
  ];
  it.each(cases)('%s → exit 3 naming the file', async (_name, makePath, message) => {
    const path = makePath();
    const err = await errorOf(readAll(path));
    expect(err.exitCode).toBe(EXIT.INPUT);
    expect(err.location.file).toBe(path);
    expect(err.format()).toMatch(message);
    expect(err.format()).not.toContain('13800138000');
  });

  it('a required column that is missing is named, with the headers seen', async () => {
    const path = tmp.file('required.csv', 'name,city\nA,x\n');
    const err = await errorOf(readAll(path, { required: ['name', 'phone', 'email'] }));
    expect(err.exitCode).toBe(EXIT.INPUT);
    expect(err.location).toEqual({ file: path, line: 1 });
    expect(err.format()).toMatch(/missing required columns: phone, email[\s\S]*Headers seen: "name", "city"/);
  });

  it("a callback's own error passes through unchanged", async () => {
    const stop = new Error('consumer is full');
    const path = tmp.file('callback.csv', 'name\nA\nB\n');
    await expect(readSource(path, {}, () => { throw stop; }, () => undefined)).rejects.toBe(stop);
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission', async () => {
    const path = tmp.file('secret.csv', 'name\nA\n');
    chmodSync(path, 0o000);
    const err = await errorOf(readAll(path));
    expect(err.exitCode).toBe(EXIT.INPUT);
    expect(err.format()).toMatch(/permission denied/);
  });
});
