import { describe, expect, it } from 'vitest';
import { TermFrequencies } from '../../src/match/estimate/term-frequency.js';
import { addressComparison } from '../../src/match/comparisons/address.js';
import { nameComparison } from '../../src/match/comparisons/name.js';
import { levelCount } from '../../src/match/comparisons/comparison.js';
import { feat } from './features-helper.js';

const levelOf = (c: typeof nameComparison, label: string) => c.levels.findIndex((l) => l.label === label) + 1;

describe('term-frequency adjustment per comparison level', () => {
  // 100 records with a locality: 60 in one big city, 2 in a small town; 10 without any.
  const features = [
    ...Array.from({ length: 60 }, () => feat({ locality: 'sydney', family: 'smith' })),
    ...Array.from({ length: 38 }, (_, i) => feat({ locality: `town${i}`, family: `family${i}` })),
    feat({ locality: 'yass', family: 'quilliam' }),
    feat({ locality: 'yass', family: 'quilliam' }),
    ...Array.from({ length: 10 }, () => feat({})),
  ];
  const tf = new TermFrequencies([nameComparison, addressComparison], features);
  const sameLocality = levelOf(addressComparison, 'same_locality');
  const familyEqual = levelOf(nameComparison, 'family_equal');
  const u = 0.05;

  it('a rare shared value weighs more than the level on average, a common one less', () => {
    const yass = tf.adjustment(1, sameLocality, 98, u);
    const sydney = tf.adjustment(1, sameLocality, 0, u);
    // Frequencies are among the 100 records that have a locality, not all 110.
    expect(yass).toBeCloseTo(Math.log2(u / (2 / 100)), 10);
    expect(sydney).toBeCloseTo(Math.log2(u / (60 / 100)), 10);
    expect(tf.adjustment(0, familyEqual, 98, u)).toBeGreaterThan(0);
    expect(tf.adjustment(0, familyEqual, 0, u)).toBeLessThan(0);
  });

  it('levels that declare no shared value, missing and different are never adjusted', () => {
    expect(tf.adjusts(0, levelOf(nameComparison, 'phonetic_or_jw_0.92'))).toBe(false);
    expect(tf.adjusts(0, 0)).toBe(false);
    expect(tf.adjusts(1, levelCount(addressComparison) - 1)).toBe(false);
    expect(tf.adjustment(1, levelOf(addressComparison, 'same_street'), 0, u)).toBe(0);
  });

  it('is bounded: rarity at most 16×, commonness at most 256×', () => {
    expect(tf.adjustment(1, sameLocality, 98, 0.9)).toBe(4);
    expect(tf.adjustment(1, sameLocality, 0, 1e-6)).toBe(-8);
  });
});

describe('term frequency of a whole address (several features)', () => {
  const at = (locality: string | null, unit: string | null) => feat({ locality, street: 'main st', streetNumber: '1', unit });
  // Interleaved, so that equal addresses are not neighbours in input order.
  const features = [at('yass', null), at('yass', '2'), at(null, null), at('yass', null), feat({}), at(null, null), at('yass', null), ...Array.from({ length: 3 }, () => feat({}))];
  const tf = new TermFrequencies([addressComparison], features);
  const exact = levelOf(addressComparison, 'exact');
  const u = 0.01;

  it('counts the records that agree on every part, a missing part agreeing with a missing part, among all records', () => {
    expect(tf.adjustment(0, exact, 0, u)).toBeCloseTo(Math.log2(u / (3 / 10)), 10);
    expect(tf.adjustment(0, exact, 6, u)).toBeCloseTo(Math.log2(u / (3 / 10)), 10);
    expect(tf.adjustment(0, exact, 1, u)).toBeCloseTo(Math.log2(u / (1 / 10)), 10);
    expect(tf.adjustment(0, exact, 5, u)).toBeCloseTo(Math.log2(u / (2 / 10)), 10);
  });
});
