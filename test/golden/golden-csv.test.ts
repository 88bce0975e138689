import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGoldenRecords, goldenColumns, goldenRowSource, goldenToRow } from '../../src/golden/build-golden.js';
import { goldenCsv } from '../../src/golden/golden-csv.js';
import { GoldenTable } from '../../src/golden/golden-table.js';
import type { NormalizedRecord } from '../../src/model/record.js';
import { name, phone, rec } from './record-helper.js';

/** golden.csv as goldenColumns and goldenToRow make it from built golden records. */
function fromGoldenRecords(records: NormalizedRecord[], clusters: number[][]) {
  const golden = buildGoldenRecords(records, { clusters });
  const columns = goldenColumns(golden);
  return { columns, rows: golden.map((g) => columns.map((c) => goldenToRow(goldenRowSource(g))[c] ?? '')) };
}

function fromTable(records: NormalizedRecord[], clusters: number[][]) {
  const { columns, rows } = goldenCsv(new GoldenTable(records, clusters));
  // Each row is read before the next is asked for: the table refills one array.
  return { columns, rows: Array.from(rows(), (cells) => cells.map((cell) => cell ?? '')) };
}

describe('goldenCsv', () => {
  it('gives the columns and cells of the built golden records', () => {
    const records = [
      rec('crm.csv', 1, { name: name('张伟'), phones: [phone('+8613812345678')], updatedAt: '2024-01-01', extra: { 备注: 'VIP' } }),
      rec('shop.csv', 1, { name: name('张先生', true), phones: [phone('+8613800138000', false), phone('+8613912345678')], updatedAt: '2025-06-01' }),
      rec('crm.csv', 2, { name: name('李娜'), updatedAt: '2023-03-03' }),
    ];
    const csv = fromTable(records, [[0, 1], [2]]);
    expect(csv).toEqual(fromGoldenRecords(records, [[0, 1], [2]]));
    expect(csv.rows[0]).toContain('*=crm.csv:1;phone=shop.csv:1');
    expect(csv.rows[1]).toContain('*=crm.csv:2');
  });

  it('keeps object key order for pass-through columns named like fields, bookkeeping columns or array indices', () => {
    const EXTRA = fc.dictionary(fc.constantFrom('备注', 'phone', 'name', 'province', 'updated_at', 'sources', 'provenance', 'golden_id', '2024', '7', '07'), fc.constantFrom('', ' ', 'a', 'b', ' c '), {
      maxKeys: 5,
    });
    const RECORD = fc.record({
      extra: EXTRA,
      name: fc.constantFrom(null, '张伟', '李娜'),
      phones: fc.array(fc.constantFrom('+8613812345678', '+8613912345678'), { maxLength: 2 }),
      updatedAt: fc.constantFrom(null, '2024-01-01', '2025-02-02'),
      province: fc.constantFrom(null, '北京市'),
      cluster: fc.nat(3),
    });
    fc.assert(
      fc.property(fc.array(RECORD, { minLength: 1, maxLength: 8 }), (drawn) => {
        const records = drawn.map((d, i) =>
          rec(i % 2 ? 'a.csv' : 'b.csv', i + 1, {
            extra: d.extra,
            name: d.name === null ? rec('x', 0).name : name(d.name),
            phones: d.phones.map((p) => phone(p)),
            updatedAt: d.updatedAt,
            address: { ...rec('x', 0).address, display: d.province && `${d.province}朝阳区`, province: d.province },
          }),
        );
        const clusters = [0, 1, 2, 3].map((c) => drawn.flatMap((d, i) => (d.cluster === c ? [i] : []))).filter((c) => c.length);
        expect(fromTable(records, clusters)).toEqual(fromGoldenRecords(records, clusters));
      }),
      { numRuns: 300 },
    );
  });
});
