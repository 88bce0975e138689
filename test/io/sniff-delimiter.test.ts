import { describe, expect, it } from 'vitest';
import { resolveDelimiter, sniffDelimiter } from '../../src/io/sniff-delimiter.js';
import { CrmError, EXIT } from '../../src/model/errors.js';

describe('sniffDelimiter', () => {
  const cases: [string, string, string][] = [
    ['comma', 'name,phone,city\n张伟,13800138000,北京\n李娜,13912345678,上海\n', ','],
    ['semicolon with decimal commas in the data', 'name;amount;city\nAnna;1,5;Wien\nBernd;2,75;Graz\n', ';'],
    ['tab with commas inside addresses', 'name\taddress\tphone\n张伟\t北京市, 朝阳区\t138\n李娜\t上海市, 浦东新区, 世纪大道\t139\n', '\t'],
    ['pipe', 'name|phone|city\nWang|138|Beijing, CN\nLi|139|Shanghai\n', '|'],
    ['comma with quoted semicolons and a quoted line break', 'name,note,city\n"Wang","a;b;c",x\n"Li","line1\nline2; more",y\n', ','],
    ['FEBRL: comma and a space', 'rec_id, given_name, surname\nrec-1, michaela, neumann\n', ','],
    ['trailing delimiter on every data row', 'name,phone\nWang,138,\nLi,139,\n', ','],
    ['single column: comma by default', 'name\nWang\nLi\n', ','],
    ['header only', 'name;phone;email\n', ';'],
    ['a title line above a tab header', 'Customer export 2026-11-01\n\nname\taddress\n张伟\t北京市, 朝阳区\n李娜\t上海\n', '\t'],
    ['a header that splits wins over a delimiter only later rows have', '姓名,phone\n张伟\n,|\n|,\n', ','],
    ['one column with a stray semicolon below the header', 'email\na@web.de\nb;c@web.de\nd@web.de\ne@web.de\n', ','],
    ['a title narrower than the header, split by it', 'Exported by: admin;2026-11-01\nname;phone;city\nWang;138;Beijing\nLi;139;Shanghai\n', ';'],
    ['a title split by the delimiter and by a comma', 'Exported by: admin;2026-11-01, 10:32\nname;phone;city\nWang;138;Beijing\nLi;139;Shanghai\n', ';'],
    ['a title split by a comma above a header-only semicolon file', 'Customers, all;2026-11-01, 10:32\nname;phone;city\n', ';'],
    ['a comma header whose first rows are ragged stays comma', 'name,phone,city\nWang,138\nLi,139\nZhao;x|y,1,2\n', ','],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(sniffDelimiter(text, true)).toBe(expected);
  });

  it('ignores a record cut off by the end of a sample that is not the whole file', () => {
    const sample = 'a;b\n1;2\n3;4\n"5,6,7,8,9';
    expect(sniffDelimiter(sample, false)).toBe(';');
  });
});

describe('resolveDelimiter', () => {
  it.each([',', ';', '\t', '|', '^'])('accepts %j', (d) => {
    expect(resolveDelimiter(d)).toBe(d);
  });

  it.each(['', ',,', '"', '\n', 'tab'])('refuses %j with exit 2', (d) => {
    let error: unknown;
    try {
      resolveDelimiter(d);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).exitCode).toBe(EXIT.USAGE);
  });
});
