import { describe, expect, it } from 'vitest';
import { evaluateGate } from '../../src/quality/gate.js';
import { buildQualityReport } from '../../src/quality/build-report.js';
import type { QualityThresholds } from '../../src/config/schema.js';
import type { QualityReport } from '../../src/report/schema.js';
import { issues, name, phone, rec } from './records.js';

/** 4 records, 3 customers (duplicate rate 0.25), one record with an invalid phone (invalid rate 0.25), one stale record of two dated. */
const report = buildQualityReport(
  {
    records: [
      rec('a.csv', 1, { fields: { name: 'x', phone: 'x', updated_at: 'x' }, name: name('张伟'), phones: [phone('+8613912873460')], updatedAt: '2026-10-01' }),
      rec('a.csv', 2, { fields: { name: 'x', phone: 'x', updated_at: 'x' }, name: name('张伟'), phones: [phone('+8613912873460')], updatedAt: '2020-01-01' }),
      rec('a.csv', 3, { fields: { name: 'x', phone: 'x' }, name: name('王芳'), issues: issues('phone.invalid') }),
      rec('a.csv', 4, { fields: { name: 'x' }, name: name('李娜') }),
    ],
    clusterOf: [0, 0, 1, 2],
    sources: [{ source: 'a.csv', rows: 4, records: 4, rejects: 0, rejectReasons: {} }],
    asOf: '2026-11-01',
    options: {},
  },
  { goldenRecords: 3, candidatePairs: 1, blocking: [], reviewPairs: 0 },
);

describe('evaluateGate', () => {
  it('has the rates the table below assumes', () => {
    expect(report.rates).toMatchObject({ duplicateRate: 0.25, invalidRate: 0.25, staleRate: 0.5 });
  });

  it.each<[QualityThresholds, string[]]>([
    [{}, []],
    [{ minCompleteness: 0.5 }, []],
    [{ minCompleteness: 0.99 }, ['completeness']],
    [{ maxDuplicateRate: 0.25 }, []],
    [{ maxDuplicateRate: 0.2 }, ['duplicate rate']],
    [{ maxStaleRate: 0.5, maxInvalidRate: 0.3 }, []],
    [{ maxStaleRate: 0.4 }, ['stale rate']],
    [{ minOverall: 0.99, maxInvalidRate: 0.1 }, ['invalid rate', 'overall score']],
    [{ minOverall: 0 }, []],
  ])('%j fails %j', (thresholds, failed) => {
    const gate = evaluateGate(report, thresholds);
    expect(gate.failures.map((f) => f.check)).toEqual(failed);
    expect(gate.passed).toBe(failed.length === 0);
  });

  it('says what failed, with the actual figure and the limit', () => {
    const [f] = evaluateGate(report, { maxDuplicateRate: 0.2 }).failures;
    expect(f).toEqual({ check: 'duplicate rate', actual: 0.25, limit: 0.2, message: 'duplicate rate is 25.0%, above the maximum 20.0%' });
  });

  const withScore = (k: keyof QualityReport['scores'], delta: number): QualityReport => ({ ...report, scores: { ...report.scores, [k]: report.scores[k] + delta } });

  it.each<[string, QualityReport, number | undefined, string[]]>([
    ['same report', report, undefined, []],
    ['completeness was 3 points higher', withScore('completeness', 0.03), undefined, ['completeness vs baseline']],
    ['completeness was 1 point higher', withScore('completeness', 0.01), undefined, []],
    ['freshness was 10 points higher, tolerance 0.2', withScore('freshness', 0.1), 0.2, []],
    ['validity was 5 points lower', withScore('validity', -0.05), undefined, []],
  ])('against a baseline where %s', (_label, baseline, tolerance, failed) => {
    expect(evaluateGate(report, {}, baseline, tolerance).failures.map((f) => f.check)).toEqual(failed);
  });

  it('says how many points a score fell against the baseline, in points, not as a share', () => {
    const [f] = evaluateGate(report, {}, withScore('completeness', 0.03)).failures;
    const before = `${((report.scores.completeness + 0.03) * 100).toFixed(1)}%`;
    expect(f.message).toBe(`completeness fell 3.0 points, from ${before} to ${(report.scores.completeness * 100).toFixed(1)}% (tolerance 2.0 points)`);
  });

  /** `records` good records and `rejects` rejected rows of one file. */
  const withRejects = (records: number, rejects: number) =>
    buildQualityReport(
      {
        records: Array.from({ length: records }, (_, i) => rec('a.csv', i + 1, { fields: { name: 'x' }, name: name('张伟') })),
        clusterOf: Array.from({ length: records }, (_, i) => i),
        sources: [{ source: 'a.csv', rows: records + rejects, records, rejects, rejectReasons: rejects ? { 'row.ragged': rejects } : {} }],
        asOf: '2026-11-01',
        options: {},
      },
      { goldenRecords: records, candidatePairs: 0, blocking: [], reviewPairs: 0 },
    );

  it('counts rejected rows as invalid, and has a reject rate of its own', () => {
    const half = withRejects(2, 2);
    expect(half.rates).toMatchObject({ invalidRate: 0.5, rejectRate: 0.5 });
    expect(evaluateGate(half, { maxInvalidRate: 0.01 }).failures.map((f) => f.check)).toEqual(['invalid rate']);
    expect(evaluateGate(half, { maxRejectRate: 0.4 }).failures.map((f) => f.check)).toEqual(['reject rate']);
    expect(evaluateGate(withRejects(4, 0), { maxRejectRate: 0 }).passed).toBe(true);
  });

  it('fails exports that yield no record, whatever the thresholds: every score of nothing is perfect', () => {
    const allRejected = evaluateGate(withRejects(0, 3), { minCompleteness: 0.9 });
    expect(allRejected.failures.map((f) => f.message)).toEqual(['no records to score: all 3 rows were rejected']);
    expect(evaluateGate(withRejects(0, 0), {}).failures.map((f) => f.message)).toEqual(['no records to score: the exports hold no data rows']);
  });

  it('fails a source whose rows collapsed since the previous run', () => {
    const previous = { ...report, sources: report.sources.map((s) => ({ ...s, rows: 40_000 })) };
    const now = buildQualityReport(
      { records: [], clusterOf: [], sources: [{ source: 'a.csv', rows: 4, records: 4, rejects: 0, rejectReasons: {} }], asOf: '2026-11-01', options: {}, previous },
      { goldenRecords: 0, candidatePairs: 0, blocking: [], reviewPairs: 0 },
    );
    expect(evaluateGate(now, {}).failures.find((f) => f.check === 'volume of a.csv')?.message).toBe('a.csv has 4 rows, 100.0% fewer than the 40,000 of the last run');
  });

  it('fails a source of the previous run that is not among the inputs: its rows fell to nothing', () => {
    const previous = { ...report, sources: [...report.sources, { ...report.sources[0], source: 'south.csv', rows: 2707 }] };
    const now = buildQualityReport(
      { records: [], clusterOf: [], sources: [{ source: 'a.csv', rows: 4, records: 4, rejects: 0, rejectReasons: {} }], asOf: '2026-11-01', options: {}, previous },
      { goldenRecords: 0, candidatePairs: 0, blocking: [], reviewPairs: 0 },
    );
    expect(evaluateGate(now, {}).failures.filter((f) => f.check.startsWith('volume'))).toEqual([
      { check: 'volume of south.csv', actual: 0, limit: 2707, message: 'south.csv is missing: it had 2,707 rows in the last run and is not among the inputs' },
    ]);
    expect(evaluateGate(report, {}, report).passed).toBe(true);
  });
});
