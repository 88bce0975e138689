import { describe, expect, it } from 'vitest';
import { ClusterIndex } from '../../src/quality/clusters.js';
import { overallDuplicateRate, withinGroupDuplicateRates } from '../../src/quality/uniqueness.js';
import { isVolumeDrop, missingSources, volumeChange } from '../../src/quality/volume.js';

describe('uniqueness', () => {
  it('duplicate rate within each group: the share of its records whose cluster another of its records already has', () => {
    const clusters = new ClusterIndex([0, 0, 1, 2, 2, 2, 3]);
    // Groups 0 and 1: records {0,1,2} and {3,4,5}; group 2 {6} alone; group 3 has no records; record 6 is in no group.
    const rates = withinGroupDuplicateRates(Int32Array.from([0, 0, 0, 1, 1, 1, -1]), 4, clusters);
    expect(rates[0]).toBeCloseTo(1 / 3, 10);
    expect(rates[1]).toBeCloseTo(2 / 3, 10);
    expect(rates.slice(2)).toEqual([0, 0]);
    // A cluster split between groups is a duplicate in neither.
    expect(withinGroupDuplicateRates(Int32Array.from([0, 1, 0, 0, 1, 0, 1]), 2, clusters)).toEqual([1 - 3 / 4, 0]);
  });

  it.each([
    [100, 80, 0.2],
    [100, 100, 0],
    [0, 0, 0],
  ])('%d records, %d golden: duplicate rate %d', (records, golden, rate) => expect(overallDuplicateRate(records, golden)).toBe(rate));
});

describe('volume', () => {
  it.each([
    [60, 100, -0.4, true],
    [70, 100, -0.3, false],
    [150, 100, 0.5, false],
    [10, null, null, false],
    [10, 0, null, false],
  ])('%d rows after %s: change %s, alert %s', (rows, previous, change, alert) => {
    const c = volumeChange(rows, previous);
    expect(c === null ? null : Math.round(c * 100) / 100).toBe(change);
    expect(isVolumeDrop(c)).toBe(alert);
  });

  it('takes a configured drop limit', () => expect(isVolumeDrop(-0.4, 0.5)).toBe(false));
});

describe('missingSources', () => {
  const previous = (...names: string[]) => names.map((source) => ({ source, rows: 100 }));
  it.each([
    ['every source again', ['crm.csv', 'shop.csv'], previous('crm.csv', 'shop.csv'), []],
    ['one export did not arrive', ['crm.csv'], previous('crm.csv', 'shop.csv'), ['shop.csv']],
    ['another file in its place is no stand-in', ['crm.csv', 'web.csv'], previous('crm.csv', 'shop.csv'), ['shop.csv']],
    ['exports named by date: the same sources', ['crm_2026-11-27.csv', 'shop_20261127.csv'], previous('crm_2026-11-26.csv', 'shop_20261126.csv'), []],
    ['a dated export missing', ['crm_2026-11-27.csv'], previous('crm_2026-11-26.csv', 'shop_2026-11-26.csv'), ['shop_2026-11-26.csv']],
    ['a source that had no rows is not missed', ['crm.csv'], [...previous('crm.csv'), { source: 'empty.csv', rows: 0 }], []],
  ])('%s', (_name, current, before, missing) => {
    expect(missingSources(current, before).map((m) => m.source)).toEqual(missing);
  });
});
