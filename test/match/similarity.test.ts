import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jaroWinkler, jaroWinklerAtLeast } from '../../src/match/similarity/jaro-winkler.js';
import { editDistance, isAdjacentTransposition } from '../../src/match/similarity/edit-distance.js';

describe('jaroWinkler', () => {
  it.each([
    ['martha', 'marhta', 0.9611],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.8133],
    ['abc', 'xyz', 0],
    ['', 'abc', 0],
    ['张伟', '张伟', 1],
  ])('%s / %s → %f', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });

  it('is symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        const x = jaroWinkler(a, b);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
        expect(jaroWinkler(b, a)).toBeCloseTo(x, 10);
      }),
      { numRuns: 300 },
    );
  });
});

describe('edit distance helpers', () => {
  it.each([
    ['13812345678', '13812345679', 1],
    ['kitten', 'sitting', 3],
    ['same', 'same', 0],
  ])('editDistance(%s, %s) = %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));

  it('stops early on very different lengths', () => expect(editDistance('a', 'abcdef', 1)).toBe(2));

  it.each([
    ['1234', '1324', true],
    ['1234', '2134', true],
    ['1234', '1243', true],
    ['1234', '1234', false],
    ['1234', '4321', false],
    ['1234', '12345', false],
  ])('isAdjacentTransposition(%s, %s) = %s', (a, b, t) => expect(isAdjacentTransposition(a, b)).toBe(t));
});

describe('jaroWinklerAtLeast', () => {
  const word = fc.oneof(fc.string({ maxLength: 14 }), fc.stringMatching(/^[a-e]{0,12}$/), fc.constantFrom('martha', 'marhta', 'dixon', 'dicksonx', '张伟', '章伟', 'alexanderdent', 'alexanderdixon'));
  it('decides exactly as jaroWinkler(a, b) >= threshold', () => {
    fc.assert(
      fc.property(word, word, fc.constantFrom(0, 0.5, 0.8, 0.88, 0.9, 0.92, 0.97, 1), (a, b, t) => {
        expect(jaroWinklerAtLeast(a, b, t)).toBe(jaroWinkler(a, b) >= t);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['martha', 'marhta', 0.96, true],
    ['martha', 'marhta', 0.97, false],
    ['dwayne', 'duane', 0.84, true],
    ['alexanderdent', 'alexanderdixon', 0.92, true],
    ['abcd', 'wxyz', 0.1, false],
  ])('%s ~ %s at %s: %s', (a, b, t, expected) => {
    expect(jaroWinklerAtLeast(a, b, t)).toBe(expected);
  });
});
