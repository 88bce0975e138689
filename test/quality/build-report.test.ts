import { describe, expect, it } from 'vitest';
import { buildQualityReport, type QualityInput } from '../../src/quality/build-report.js';
import { evaluateGate } from '../../src/quality/gate.js';
import { qualityReportSchema } from '../../src/report/schema.js';
import { name, phone, rec } from '../golden/record-helper.js';
import type { NormalizedRecord } from '../../src/model/record.js';

const ASOF = '2026-11-01';
const email = (value: string): NormalizedRecord['email'] => ({ value, valid: true, placeholder: false });

/** Two sources: crm has name+phone+email+updated_at columns, shop has name+phone only. */
function fixture() {
  const records: NormalizedRecord[] = [
    rec('crm.csv', 1, { fields: { name: '张伟', phone: '139', email: 'a', updated_at: 'x', owner: 'S1' }, name: name('张伟'), phones: [phone('+8613912873460')], email: email('zw@qq.com'), updatedAt: '2026-11-01' }),
    rec('crm.csv', 2, { fields: { name: '李先生', phone: '138', email: 'b', updated_at: 'x', owner: 'S2' }, name: name('李', true), phones: [phone('+8613800138000', false)], email: email('li@qq.com'), updatedAt: '2025-11-01', issues: [{ field: 'name', code: 'name.placeholder', message: 'm' }, { field: 'phone', code: 'phone.placeholder', message: 'm' }] }),
    rec('crm.csv', 3, { fields: { name: '王芳', phone: '12', email: 'c', owner: 'S2' }, name: name('王芳'), phones: [], email: email('wf@qq.com'), issues: [{ field: 'phone', code: 'phone.invalid', message: 'm' }] }),
    rec('shop.csv', 1, { fields: { name: '张伟', phone: '139' }, name: name('张伟'), phones: [phone('+8615821937465')], updatedAt: '2026-05-05' }),
  ];
  const input: QualityInput = {
    records,
    clusterOf: [0, 1, 2, 0],
    sources: [
      { source: 'crm.csv', rows: 4, records: 3, rejects: 1, rejectReasons: { 'row.ragged': 1 } },
      { source: 'shop.csv', rows: 1, records: 1, rejects: 0, rejectReasons: {} },
    ],
    asOf: ASOF,
    options: { staleDays: 365 },
  };
  return input;
}
const extra = { goldenRecords: 3, candidatePairs: 2, blocking: [], reviewPairs: 0 };

describe('buildQualityReport', () => {
  const report = buildQualityReport(fixture(), extra);

  it('follows the published schema and counts rows, records, rejects and duplicates', () => {
    expect(qualityReportSchema.parse(report)).toEqual(report);
    expect(report.counts).toEqual({ rows: 5, records: 4, rejects: 1, goldenRecords: 3, duplicateRecords: 1, candidatePairs: 2, reviewPairs: 0 });
    expect(report.rates.duplicateRate).toBe(0.25);
  });

  it('completeness: placeholders count as missing, and a source is judged only on the columns it has', () => {
    // crm expects name(3) phone(3) email(2) updated_at(1) = 9: r1 9/9, r2 email+date 3/9, r3 name+email 5/9. shop expects name+phone: 6/6.
    const crm = report.sources.find((s) => s.source === 'crm.csv')!;
    expect(crm.scores.completeness).toBeCloseTo((1 + 3 / 9 + 5 / 9) / 3, 4);
    expect(report.sources.find((s) => s.source === 'shop.csv')!.scores.completeness).toBe(1);
    const nameField = report.fields.find((f) => f.field === 'name')!;
    expect(nameField).toMatchObject({ expected: 4, filled: 3, placeholder: 1 });
    expect(report.completenessHeatmap.find((c) => c.source === 'shop.csv' && c.field === 'email')!.rate).toBeNull();
  });

  it('validity: values with an issue code (placeholders aside) are invalid', () => {
    expect(report.fields.find((f) => f.field === 'phone')).toMatchObject({ invalid: 1, validity: 0.75 });
    expect(report.rates.invalidRate).toBe(0.25);
  });

  it('freshness halves every staleDays; undated records count apart and score 0', () => {
    expect(report.freshness).toMatchObject({ staleDays: 365, dated: 3, stale: 0, noDate: 1 });
    const age = Math.round((Date.parse(ASOF) - Date.parse('2026-05-05')) / 86_400_000);
    expect(report.scores.freshness).toBeCloseTo((1 + 0.5 + 0 + Math.pow(0.5, age / 365)) / 4, 4);
  });

  it('uniqueness and consistency: the merged customer has two different phones', () => {
    expect(report.scores.uniqueness).toBe(0.75);
    expect(report.consistency.fields.find((f) => f.field === 'phone')).toMatchObject({ compared: 1, disagreeing: 1, rate: 1 });
    expect(report.consistency.fields.find((f) => f.field === 'name')).toMatchObject({ compared: 1, disagreeing: 0 });
    expect(report.consistency.sourcePairs).toEqual([expect.objectContaining({ a: 'crm.csv', b: 'shop.csv', disagreeing: 1 })]);
  });

  it('breaks quality down by record owner', () => {
    expect(report.owners.column).toBe('owner');
    expect(report.owners.rows.map((o) => [o.owner, o.records])).toEqual([
      ['(none)', 1],
      ['S1', 1],
      ['S2', 2],
    ]);
    expect(report.owners.rows.find((o) => o.owner === 'S2')).toMatchObject({ placeholderRate: 0.5, invalidRate: 0.5 });
  });

  it('lists issue codes with a few example locations', () => {
    expect(report.issues.map((i) => [i.code, i.count])).toEqual([
      ['name.placeholder', 1],
      ['phone.invalid', 1],
      ['phone.placeholder', 1],
    ]);
    expect(report.issues[1].examples).toEqual([{ source: 'crm.csv', row: 3 }]);
  });

  it('flags a source whose rows fell sharply since the previous run, and the gate fails on it', () => {
    const previous = buildQualityReport({ ...fixture(), sources: [{ source: 'crm.csv', rows: 10, records: 10, rejects: 0, rejectReasons: {} }] }, extra);
    const now = buildQualityReport({ ...fixture(), previous }, extra);
    expect(now.sources.find((s) => s.source === 'crm.csv')).toMatchObject({ previousRows: 10, volumeChange: -0.6, volumeAlert: true });
    expect(evaluateGate(now, {}).failures.map((f) => f.check)).toEqual(['volume of crm.csv']);
  });

  it('is deterministic', () => {
    expect(buildQualityReport(fixture(), extra)).toEqual(report);
  });
});

describe('evaluateGate', () => {
  const report = buildQualityReport(fixture(), extra);
  it.each([
    [{ minCompleteness: 0.5 }, []],
    [{ minCompleteness: 0.99 }, ['completeness']],
    [{ maxDuplicateRate: 0.2 }, ['duplicate rate']],
    [{ maxInvalidRate: 0.3, maxStaleRate: 0 }, []],
    [{ minOverall: 0.99, maxInvalidRate: 0.1 }, ['invalid rate', 'overall score']],
  ])('%j → %j', (thresholds, failed) => {
    const gate = evaluateGate(report, thresholds);
    expect(gate.failures.map((f) => f.check)).toEqual(failed);
    expect(gate.passed).toBe(failed.length === 0);
  });

  it('fails a score that dropped more than the tolerance against a baseline', () => {
    const better = { ...report, scores: { ...report.scores, completeness: report.scores.completeness + 0.1 } };
    expect(evaluateGate(report, {}, better, 0.02).failures.map((f) => f.check)).toEqual(['completeness vs baseline']);
    expect(evaluateGate(report, {}, better, 0.2).passed).toBe(true);
  });
});
