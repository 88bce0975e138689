import { describe, expect, it } from 'vitest';
import { COMPARISONS, DEFAULT_COMPARISONS } from '../../src/match/comparisons/index.js';
import { comparePairs } from '../../src/match/compare-pairs.js';
import { compareTogether, sharedComparison, takeChunks } from '../../src/match/shared-compare.js';
import { feat } from './features-helper.js';

// 200 records that agree and differ in every way the default comparisons look at; all 19,900 pairs (several chunks).
const FAMILIES = ['zhang', 'wang', 'li', 'smith', 'nguyen'];
const features = Array.from({ length: 200 }, (_, i) =>
  feat({
    name: `${FAMILIES[i % 5]}${i % 7}`,
    pinyin: `${FAMILIES[i % 5]} ${i % 7}`,
    family: FAMILIES[i % 5],
    given: `${i % 7}`,
    phones: i % 3 ? [`+86138000${String(i % 11).padStart(5, '0')}`] : [],
    email: i % 4 ? `u${i % 13}@example.com` : null,
    birthDate: i % 2 ? `19${70 + (i % 9)}-01-0${1 + (i % 5)}` : null,
    company: i % 6 ? `company${i % 4}` : null,
    locality: `district${i % 3}`,
    city: 'city',
    street: `street${i % 8}`,
    streetNumber: `${i % 10}`,
    postcode: `10000${i % 10}`,
  }),
);
const n = features.length;
const codes: number[] = [];
for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) codes.push(a * n + b);
const pairs = Float64Array.from(codes);
const comparisons = COMPARISONS.filter((c) => DEFAULT_COMPARISONS.includes(c.name));
const alone = comparePairs(features, comparisons, pairs.length, (k) => [Math.floor(pairs[k] / n), pairs[k] % n]);

describe('comparing candidate pairs on two threads', () => {
  it('takes the levels a helper filled in', () => {
    const work = sharedComparison(pairs, n, comparisons);
    // A helper quick enough to take every chunk before this thread starts.
    expect(takeChunks(work, features, comparisons)).toBe(Math.ceil(pairs.length / 8192));
    const { levels, helped } = compareTogether(work, features, comparisons);
    expect(helped).toBe(1);
    expect(Buffer.from(levels).equals(Buffer.from(alone))).toBe(true);
  });

  it('does not wait for a helper that took a chunk and never finished it (busy, or dead): it compares that chunk itself', () => {
    const work = sharedComparison(pairs, n, comparisons);
    const stuck = Atomics.add(work.chunks, 0, 1);
    Atomics.store(work.chunks, 1 + stuck, 1);
    const { levels, helped } = compareTogether(work, features, comparisons);
    expect(helped).toBe(0);
    expect(Buffer.from(levels).equals(Buffer.from(alone))).toBe(true);
  });

  it('compares alone when no helper joins', () => {
    const { levels, helped } = compareTogether(sharedComparison(pairs, n, comparisons), features, comparisons);
    expect(helped).toBe(0);
    expect(Buffer.from(levels).equals(Buffer.from(alone))).toBe(true);
  });
});
