import { describe, expect, it } from 'vitest';
import { buildQualityReport, type QualityInput } from '../../src/quality/build-report.js';
import { qualityReportSchema } from '../../src/report/schema.js';
import { ownerColumnOf } from '../../src/quality/owners.js';
import { email, issues, name, phone, rec } from './records.js';

const ASOF = '2026-11-01';
const extra = { goldenRecords: 3, candidatePairs: 2, blocking: [{ rule: 'phone', candidatePairs: 2, skippedBlocks: 0, skippedRecords: 0 }], reviewPairs: 1 };

/**
 * crm.csv maps name, phone, email, company, updated_at and owner (company is empty in every row);
 * shop.csv gives no mapping and fills name and phone. crm row 1 and shop row 1 are one customer.
 */
function fixture(): QualityInput {
  return {
    records: [
      rec('crm.csv', 1, { fields: { name: '张伟', phone: '13912873460', email: 'zw@qq.com', updated_at: '2026-11-01', owner: 'S1' }, name: name('张伟'), phones: [phone('+8613912873460')], email: email('zw@qq.com'), updatedAt: '2026-11-01' }),
      rec('crm.csv', 2, {
        fields: { name: '李先生', phone: '13800138000', email: 'li@qq.com', updated_at: '2025-11-01', owner: 'S2' },
        name: name('李', true),
        phones: [phone('+8613800138000', false)],
        email: email('li@qq.com'),
        updatedAt: '2025-11-01',
        issues: issues('name.placeholder', 'phone.placeholder'),
      }),
      rec('crm.csv', 3, { fields: { name: '王芳', phone: '12', email: 'wf@qq', owner: 'S2' }, name: name('王芳'), email: email(null), issues: issues('phone.invalid', 'email.invalid') }),
      rec('shop.csv', 1, { fields: { name: '张伟', phone: '15821937465' }, name: name('张伟'), phones: [phone('+8615821937465')], updatedAt: '2026-05-05' }),
    ],
    clusterOf: [0, 1, 2, 0],
    sources: [
      { source: 'crm.csv', rows: 4, records: 3, rejects: 1, rejectReasons: { 'row.ragged': 1 }, columns: ['name', 'phone', 'email', 'company', 'updated_at', 'owner'] },
      { source: 'shop.csv', rows: 1, records: 1, rejects: 0, rejectReasons: {} },
    ],
    asOf: ASOF,
    options: {},
  };
}

describe('buildQualityReport', () => {
  const report = buildQualityReport(fixture(), extra);
  const source = (s: string) => report.sources.find((x) => x.source === s)!;
  const fieldRow = (f: string) => report.fields.find((x) => x.field === f)!;

  it('follows the published schema and counts rows, records, rejects and duplicates', () => {
    expect(qualityReportSchema.parse(report)).toEqual(report);
    expect(report.counts).toEqual({ rows: 5, records: 4, rejects: 1, goldenRecords: 3, duplicateRecords: 1, candidatePairs: 2, reviewPairs: 1 });
    expect(report.blocking).toEqual(extra.blocking);
  });

  it('completeness: placeholders are missing, invalid values are filled, each source judged on its own columns', () => {
    // crm weights name 3, phone 3, email 2, company 1, updated_at 1 = 10: row 1 9/10, row 2 (placeholders) 3/10, row 3 8/10. shop: name+phone 6/6.
    expect(source('crm.csv').fields).toEqual(['name', 'phone', 'email', 'company', 'updated_at']);
    expect(source('shop.csv').fields).toEqual(['name', 'phone']);
    expect(source('crm.csv').scores.completeness).toBe(0.6667);
    expect(source('shop.csv').scores.completeness).toBe(1);
    expect(report.scores.completeness).toBe(0.75);
    expect(fieldRow('phone')).toMatchObject({ expected: 4, filled: 3, placeholder: 1, invalid: 1, filledRate: 0.75, placeholderRate: 0.25, invalidRate: 0.3333 });
    expect(fieldRow('company')).toMatchObject({ expected: 3, filled: 0, filledRate: 0 });
    expect(fieldRow('gender')).toMatchObject({ expected: 0, importance: 0 });
  });

  it('lays completeness out as a source × field heat map, null where a source has no column', () => {
    const cell = (s: string, f: string) => report.completenessHeatmap.find((c) => c.source === s && c.field === f)!.rate;
    expect(cell('crm.csv', 'name')).toBe(0.6667);
    expect(cell('crm.csv', 'company')).toBe(0);
    expect(cell('shop.csv', 'email')).toBeNull();
    expect(report.completenessHeatmap).toHaveLength(2 * report.fields.length);
  });

  it('importance from the config changes the weights', () => {
    const r = buildQualityReport({ ...fixture(), options: { importance: { company: 0, updated_at: 0 } } }, extra);
    // crm now weighs 8: rows 8/8, 2/8, 8/8.
    expect(r.sources[0].scores.completeness).toBe(0.75);
    expect(r.fields.find((f) => f.field === 'company')!.importance).toBe(0);
  });

  it('validity: invalid values among filled ones, per field, per source and overall', () => {
    // Filled values: crm 4 + 2 + 3 = 9 with 2 invalid (row 3's phone and email), shop 2.
    expect(source('crm.csv').scores.validity).toBe(0.7778);
    expect(source('shop.csv').scores.validity).toBe(1);
    expect(report.scores.validity).toBe(0.8182);
    expect(fieldRow('email')).toMatchObject({ filled: 3, invalid: 1 });
    // Rows: record 3 has invalid values and crm.csv's rejected row counts too, of 5 rows read.
    expect(report.rates).toMatchObject({ invalidRate: 0.4, rejectRate: 0.2 });
  });

  it('freshness halves every staleDays; undated records score 0 and are counted apart', () => {
    expect(report.freshness).toMatchObject({ staleDays: 365, dated: 3, stale: 0, noDate: 1 });
    expect(report.scores.freshness).toBeCloseTo((1 + 0.5 + 0 + Math.pow(0.5, 180 / 365)) / 4, 4);
    expect(report.freshness.histogram.filter((b) => b.count).map((b) => [b.label, b.count])).toEqual([
      ['≤ 30 days', 1],
      ['91–180 days', 1],
      ['181–365 days', 1],
    ]);
    expect(report.freshness.histogram.at(-1)!.maxDays).toBeNull();
    expect(report.rates).toMatchObject({ staleRate: 0, noDateRate: 0.25 });
    const strict = buildQualityReport({ ...fixture(), options: { staleDays: 100 } }, extra);
    expect(strict.freshness.stale).toBe(2);
    expect(strict.rates.staleRate).toBe(0.6667);
  });

  it('uniqueness: golden / records overall, duplicates within each source per source', () => {
    expect(report.scores.uniqueness).toBe(0.75);
    expect(report.rates.duplicateRate).toBe(0.25);
    expect(source('crm.csv')).toMatchObject({ duplicateRate: 0 });
    const sameSource = buildQualityReport({ ...fixture(), clusterOf: [0, 0, 1, 2] }, extra);
    expect(sameSource.sources[0]).toMatchObject({ duplicateRate: 0.3333, scores: expect.objectContaining({ uniqueness: 0.6667 }) });
  });

  it('consistency: the merged customer agrees on the name, not on the phone', () => {
    expect(report.consistency.fields.find((f) => f.field === 'name')).toMatchObject({ compared: 1, disagreeing: 0, rate: 0 });
    expect(report.consistency.fields.find((f) => f.field === 'phone')).toMatchObject({ compared: 1, disagreeing: 1, rate: 1 });
    expect(report.consistency.sourcePairs).toEqual([{ a: 'crm.csv', b: 'shop.csv', compared: 2, disagreeing: 1, rate: 0.5 }]);
    expect(report.scores.consistency).toBe(0.5);
    expect(source('shop.csv').scores.consistency).toBe(0.5);
  });

  it('overall is the weighted mean of the five scores, with the weights and formula in the report', () => {
    const w = report.weights;
    const s = report.scores;
    const expected = w.completeness * s.completeness + w.validity * s.validity + w.freshness * s.freshness + w.uniqueness * s.uniqueness + w.consistency * s.consistency;
    expect(s.overall).toBeCloseTo(expected, 3);
    expect(Object.values(w).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(report.formula).toContain('overall =');
  });

  it('breaks quality down by the canonical owner column, leaving out sources without it', () => {
    expect(report.owners.column).toBe('owner');
    // shop.csv has no owner column: its record is nobody's, not "(none)".
    expect(report.owners.rows.map((o) => [o.owner, o.records])).toEqual([
      ['S1', 1],
      ['S2', 2],
    ]);
    expect(report.owners.rows.find((o) => o.owner === 'S2')).toMatchObject({ placeholderRate: 0.5, invalidRate: 0.5, duplicateRate: 0 });
    const input = fixture();
    const blank = input.records.map((r, i) => (i === 0 ? { ...r, fields: { ...r.fields, owner: ' ' } } : r));
    expect(buildQualityReport({ ...input, records: blank }, extra).owners.rows.map((o) => [o.owner, o.records])).toEqual([
      ['(none)', 1],
      ['S2', 2],
    ]);
    // Without a mapping, a source has the column when one of its records fills it.
    const unmapped = input.sources.map(({ columns: _c, ...s }) => s);
    const shopOwned = input.records.map((r) => (r.source === 'shop.csv' ? { ...r, fields: { ...r.fields, owner: 'S9' } } : r));
    expect(buildQualityReport({ ...input, sources: unmapped }, extra).owners.rows.map((o) => o.owner)).toEqual(['S1', 'S2']);
    expect(buildQualityReport({ ...input, sources: unmapped, records: shopOwned }, extra).owners.rows.map((o) => o.owner)).toEqual(['S1', 'S2', 'S9']);
  });

  it('reads a configured owner column from the pass-through columns', () => {
    const input = fixture();
    const records = input.records.map((r, i) => ({ ...r, fields: { ...r.fields, owner: undefined }, extra: { 'Sales Rep': i < 2 ? 'Amy' : 'Bo' } }));
    const r = buildQualityReport({ ...input, records, options: { ownerColumn: 'Sales Rep' } }, extra);
    expect(r.owners.column).toBe('Sales Rep');
    expect(r.owners.rows.map((o) => [o.owner, o.records])).toEqual([
      ['Amy', 2],
      ['Bo', 2],
    ]);
    // A file without the header is in no owner's row; one with it and a blank cell is under "(none)".
    const someFiles = records.map((r, i) => (r.source === 'shop.csv' ? { ...r, extra: {} } : i === 2 ? { ...r, extra: { 'Sales Rep': '' } } : r));
    expect(buildQualityReport({ ...input, records: someFiles, options: { ownerColumn: 'Sales Rep' } }, extra).owners.rows.map((o) => [o.owner, o.records])).toEqual([
      ['(none)', 1],
      ['Amy', 2],
    ]);
    const none = buildQualityReport({ ...input, records }, extra);
    expect(none.owners).toEqual({ column: null, rows: [] });
  });

  const mappings = [{ mapping: { 'SALES REP': 'owner', NAME: 'name', Notes: null, 订单号: 'ignore' } }, { mapping: { 'Account Manager': 'owner' } }];
  it.each([
    // A header the import mapped to a field is read as that field.
    ['SALES REP', 'owner'],
    ['Account Manager', 'owner'],
    // An extra column, an ignored column, a canonical field and a name no file has stay as given.
    ['Notes', 'Notes'],
    ['订单号', '订单号'],
    ['owner', 'owner'],
    ['Sales Rpe', 'Sales Rpe'],
    ['constructor', 'constructor'],
  ])('reads quality.ownerColumn %j as the column %j', (configured, column) => expect(ownerColumnOf(configured, mappings)).toBe(column));

  it('masks owner values and header cells as free text unless asked not to', () => {
    const input = fixture();
    const reps = ['rep.li@corp.example.com', 'rep.li@corp.example.com', '', '13912873460'];
    const records = input.records.map((r, i) => ({ ...r, fields: { ...r.fields, owner: reps[i] } }));
    const sources = [{ ...input.sources[0], unknownColumns: ['张伟', '138.1234.5678'], warnings: ['column 3 has no header; it is called 13812345678'] }, input.sources[1]];
    const masked = buildQualityReport({ ...input, records, sources }, extra);
    expect(masked.owners.rows.map((o) => [o.owner, o.records])).toEqual([
      ['(none)', 1],
      ['139****3460', 1],
      ['r***@corp.example.com', 2],
    ]);
    expect(masked.sources[0]).toMatchObject({ unknownColumns: ['张伟', '138****5678'], warnings: ['column 3 has no header; it is called 138****5678'] });
    expect(JSON.stringify(masked)).not.toMatch(/rep\.li|13912873460|1234\.5678|13812345678/);
    const clear = buildQualityReport({ ...input, records, sources, unmask: true }, extra);
    expect(clear.owners.rows.map((o) => o.owner)).toEqual(['(none)', '13912873460', 'rep.li@corp.example.com']);
    expect(clear.sources[0].unknownColumns).toEqual(['张伟', '138.1234.5678']);
  });

  it('lists issue codes by count with a few example locations', () => {
    expect(report.issues.map((i) => [i.code, i.count])).toEqual([
      ['email.invalid', 1],
      ['name.placeholder', 1],
      ['phone.invalid', 1],
      ['phone.placeholder', 1],
    ]);
    expect(report.issues[2].examples).toEqual([{ source: 'crm.csv', row: 3 }]);
    const many = fixture();
    many.records = Array.from({ length: 5 }, (_, i) => rec('x.csv', i + 1, { issues: issues('date.invalid') }));
    many.clusterOf = [0, 1, 2, 3, 4];
    expect(buildQualityReport(many, extra).issues).toEqual([{ code: 'date.invalid', field: 'date', count: 5, examples: [1, 2, 3].map((row) => ({ source: 'x.csv', row })) }]);
  });

  it('shows cluster sizes and the largest clusters by golden index and location only', () => {
    expect(report.clusters).toEqual({
      sizes: [
        { size: 1, count: 2 },
        { size: 2, count: 1 },
      ],
      sample: [{ goldenIndex: 0, size: 2, members: [{ source: 'crm.csv', row: 1 }, { source: 'shop.csv', row: 1 }] }],
    });
    expect(JSON.stringify(report)).not.toMatch(/张伟|13912873460|zw@qq\.com/);
  });

  it('flags a source whose rows fell by more than 30% since the previous report', () => {
    const previous = buildQualityReport({ ...fixture(), sources: [{ source: 'crm.csv', rows: 10, records: 10, rejects: 0, rejectReasons: {} }] }, extra);
    const now = buildQualityReport({ ...fixture(), previous }, extra);
    expect(now.sources.find((s) => s.source === 'crm.csv')).toMatchObject({ previousRows: 10, volumeChange: -0.6, volumeAlert: true });
    expect(now.sources.find((s) => s.source === 'shop.csv')).toMatchObject({ previousRows: null, volumeChange: null, volumeAlert: false });
    const lenient = buildQualityReport({ ...fixture(), previous, options: { volumeDropLimit: 0.7 } }, extra);
    expect(lenient.sources[0].volumeAlert).toBe(false);
    expect(now.missingSources).toEqual([]);
  });

  it('lists the sources of the previous report that had rows and are not among the inputs', () => {
    const previous = buildQualityReport(
      {
        ...fixture(),
        sources: [
          { source: 'south.csv', rows: 2707, records: 2707, rejects: 0, rejectReasons: {} },
          { source: 'crm.csv', rows: 4, records: 3, rejects: 1, rejectReasons: {} },
          { source: 'empty.csv', rows: 0, records: 0, rejects: 0, rejectReasons: {} },
        ],
      },
      extra,
    );
    expect(buildQualityReport({ ...fixture(), previous }, extra).missingSources).toEqual([{ source: 'south.csv', previousRows: 2707 }]);
    expect(buildQualityReport(fixture(), extra).missingSources).toEqual([]);
  });

  it('is deterministic and rounds every figure to 4 decimals', () => {
    expect(JSON.stringify(buildQualityReport(fixture(), extra))).toBe(JSON.stringify(report));
    const decimals = JSON.stringify(report).match(/\d+\.\d+/g)!.map((x) => x.split('.')[1].length);
    expect(Math.max(...decimals)).toBeLessThanOrEqual(4);
  });

  it('scores an empty run without dividing by zero', () => {
    const empty = buildQualityReport({ records: [], clusterOf: [], sources: [{ source: 'a.csv', rows: 2, records: 0, rejects: 2, rejectReasons: { 'row.ragged': 2 } }], asOf: ASOF, options: {} }, { ...extra, goldenRecords: 0 });
    expect(qualityReportSchema.parse(empty)).toEqual(empty);
    expect(empty.counts).toMatchObject({ rows: 2, records: 0, duplicateRecords: 0 });
    expect(Object.values(empty.scores).every(Number.isFinite)).toBe(true);
  });
});
