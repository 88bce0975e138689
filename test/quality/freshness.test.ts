import { describe, expect, it } from 'vitest';
import { AGE_BUCKETS, ageBucket, ageInDays, freshnessScore } from '../../src/quality/freshness.js';

describe('freshness', () => {
  it.each([
    [0, 365, 1],
    [365, 365, 0.5],
    [730, 365, 0.25],
    [90, 180, Math.SQRT1_2],
    [-3, 365, 1],
  ])('age %d days with staleDays %d scores %d', (age, stale, score) => expect(freshnessScore(age, stale)).toBeCloseTo(score, 10));

  it.each([
    ['2026-11-01', '2026-11-01', 0],
    ['2025-11-01', '2026-11-01', 365],
    ['2024-02-28', '2024-03-01', 2],
    ['2026-03-29', '2026-03-30', 1],
  ])('from %s to %s is %d days', (date, asOf, days) => expect(ageInDays(date, asOf)).toBe(days));

  it.each([
    [0, '≤ 30 days'],
    [30, '≤ 30 days'],
    [31, '31–90 days'],
    [365, '181–365 days'],
    [366, '1–2 years'],
    [5000, '> 3 years'],
  ])('age %d falls in "%s"', (age, label) => expect(AGE_BUCKETS[ageBucket(age)].label).toBe(label));
});
