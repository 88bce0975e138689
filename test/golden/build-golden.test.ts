import { describe, expect, it } from 'vitest';
import { buildGoldenRecords, goldenColumns, goldenRowSource, goldenToRow, provenanceText } from '../../src/golden/build-golden.js';
import { personNameRule } from '../../src/normalize/rules/person-name.js';
import { name, phone, rec } from './record-helper.js';

describe('buildGoldenRecords', () => {
  const records = [
    rec('crm.csv', 1, { name: name('张伟'), phones: [phone('+8613812345678')], updatedAt: '2024-01-01', extra: { 备注: 'VIP' } }),
    rec('shop.csv', 1, { name: name('张先生', true), phones: [phone('+8613800138000', false), phone('+8613912345678')], updatedAt: '2025-06-01' }),
    rec('crm.csv', 2, { name: name('李娜'), updatedAt: '2023-03-03' }),
    rec('web.csv', 4, { name: name('张伟'), phones: [phone('+8613812345678')], updatedAt: '2022-01-01' }),
  ];
  const golden = buildGoldenRecords(records, { clusters: [[0, 1, 3], [2]] });

  it('makes one golden record per cluster, with stable ids in cluster order', () => {
    expect(golden.map((g) => g.goldenId)).toEqual(['G000001', 'G000002']);
    expect(golden[0].members.map((m) => `${m.source}:${m.row}`)).toEqual(['crm.csv:1', 'shop.csv:1', 'web.csv:4']);
  });

  it('prefers a real name over a placeholder, and says which rule decided', () => {
    expect(golden[0].values.name).toBe('张伟');
    expect(golden[0].provenance.name).toEqual({ source: 'crm.csv', row: 1, rule: 'valid_over_invalid' });
  });

  it('takes the most recent valid phone, never the fake, and keeps a second number', () => {
    expect(golden[0].values.phone).toBe('+8613912345678');
    expect(golden[0].provenance.phone).toMatchObject({ source: 'shop.csv', rule: 'most_recent' });
    expect(golden[0].values.phone2).toBe('+8613812345678');
    expect(golden[0].conflicts).toEqual(['name', 'phone']);
  });

  it('weighs every phone of a record that holds more than a byte counts', () => {
    // Only the last two of 300 numbers are real: the count must not stop at 255.
    const numbers = Array.from({ length: 300 }, (_, k) => phone(`+86139${String(k).padStart(8, '0')}`, k >= 298));
    const many = rec('crm.csv', 9, { phones: numbers, updatedAt: '2024-01-01' });
    const other = rec('web.csv', 3, { phones: [phone('+8613800138000', false)] });
    for (const clusters of [[[0]], [[0, 1]]]) {
      const [g] = buildGoldenRecords([many, other], { clusters });
      expect(g.values.phone).toBe('+8613900000298');
      expect(g.values.phone2).toBe('+8613900000299');
    }
  });

  it('passes unknown columns through and keeps the latest update', () => {
    expect(golden[0].values['备注']).toBe('VIP');
    expect(golden[0].values.updated_at).toBe('2025-06-01');
  });

  it('source priority from the config wins over recency', () => {
    const g = buildGoldenRecords(records, { clusters: [[0, 1, 3], [2]] }, { sourcePriority: ['web.csv'], policy: { phone: ['source_priority', 'most_recent'] } });
    expect(g[0].values.phone).toBe('+8613812345678');
    expect(g[0].provenance.phone).toMatchObject({ source: 'web.csv', rule: 'source_priority' });
  });

  it('takes no name from a spreadsheet formula, however the other rows rank', () => {
    const normalized = (text: string) => personNameRule.normalize({ name: text }).parts;
    const rows = [
      rec('a.csv', 1, { name: normalized('=cmd|calc'), phones: [phone('+8613712345678')], updatedAt: '2025-01-01' }),
      rec('b.csv', 1, { name: normalized('张三'), phones: [phone('+8613712345678')], updatedAt: '2020-01-01' }),
    ];
    const [g] = buildGoldenRecords(rows, { clusters: [[0, 1]] }, { policy: { name: ['most_recent'] } });
    expect(g.values.name).toBe('张三');
  });

  it('names a customer in Chinese characters over pinyin, and the longer of two Latin names', () => {
    const rows = [
      rec('a.csv', 1, { name: name('Li Zhang') }),
      rec('b.csv', 1, { name: name('张丽') }),
      rec('c.csv', 1, { name: name('Li Zhang') }),
      rec('d.csv', 1, { name: name('L Zhang') }),
      rec('d.csv', 2, { name: name('Li Zhang') }),
    ];
    const [chinese, latin] = buildGoldenRecords(rows, { clusters: [[0, 1, 2], [3, 4]] });
    expect([chinese.values.name, chinese.provenance.name.rule]).toEqual(['张丽', 'han_over_latin']);
    expect([latin.values.name, latin.provenance.name.rule]).toEqual(['Li Zhang', 'longest']);
  });

  it('rejects an unknown rule name in the config', () => {
    expect(() => buildGoldenRecords(records, { clusters: [[0]] }, { policy: { phone: ['newest'] } })).toThrow(/golden.fields.phone: unknown survivorship rule "newest"/);
  });

  it('writes rows with the member count, sources and provenance', () => {
    const row = goldenToRow(goldenRowSource(golden[0]));
    expect(row).toMatchObject({ golden_id: 'G000001', record_count: '3', sources: 'crm.csv;shop.csv;web.csv' });
    expect(row.provenance).toBe('*=crm.csv:1;phone=shop.csv:1');
    const columns = goldenColumns(golden);
    expect(columns.slice(0, 2)).toEqual(['golden_id', 'name']);
    expect(columns).toContain('备注');
    expect(columns).not.toContain('email'); // nobody has one
  });
});

describe('provenanceText', () => {
  const at = (source: string, row: number) => ({ source, row });
  it.each([
    ['no values', [], ''],
    ['a customer found once', [['name', at('a.csv', 3)], ['phone', at('a.csv', 3)], ['email', at('a.csv', 3)]], '*=a.csv:3'],
    ['one value from another row', [['name', at('a.csv', 3)], ['phone', at('b.csv', 9)], ['email', at('a.csv', 3)]], '*=a.csv:3;phone=b.csv:9'],
    ['the row giving most values is *', [['name', at('b.csv', 9)], ['phone', at('a.csv', 3)], ['email', at('a.csv', 3)]], '*=a.csv:3;name=b.csv:9'],
    ['a tie goes to the first in field order', [['name', at('b.csv', 9)], ['phone', at('a.csv', 3)]], '*=b.csv:9;phone=a.csv:3'],
    ['same row number in another file is another row', [['name', at('a.csv', 3)], ['phone', at('b.csv', 3)], ['email', at('b.csv', 3)]], '*=b.csv:3;name=a.csv:3'],
    ['same file, another row', [['name', at('a.csv', 3)], ['phone', at('a.csv', 4)], ['email', at('a.csv', 5)]], '*=a.csv:3;phone=a.csv:4;email=a.csv:5'],
  ] as const)('%s', (_, entries, expected) => {
    expect(provenanceText(entries.map(([f]) => f), entries.map(([, o]) => o))).toBe(expected);
  });

  it('reads only the first count entries', () => {
    expect(provenanceText(['name', 'phone'], [at('a.csv', 1), at('b.csv', 2)], 1)).toBe('*=a.csv:1');
  });
});
