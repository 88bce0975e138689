import { describe, expect, it } from 'vitest';
import { WithinGroupDuplicates, overallDuplicateRate } from '../../src/quality/uniqueness.js';
import { isVolumeDrop, volumeChange } from '../../src/quality/volume.js';

describe('uniqueness', () => {
  const within = new WithinGroupDuplicates([0, 0, 1, 2, 2, 2]);
  it.each([
    [[0, 1, 2], 1 / 3],
    [[0, 2, 3], 0],
    [[3, 4, 5], 2 / 3],
    [[], 0],
    [[0, 1, 0, 1], 3 / 4],
  ])('records %j of one group: duplicate rate %d', (indices, rate) => expect(within.rate(indices)).toBeCloseTo(rate, 10));

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
