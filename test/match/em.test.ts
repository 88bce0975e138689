import { describe, expect, it } from 'vitest';
import { expectationMaximisation, startingM } from '../../src/match/estimate/em.js';
import { levelShares, toPatterns } from '../../src/match/estimate/patterns.js';
import { mulberry32 } from '../../src/match/estimate/random-pairs.js';

/** Draw pairs from a known two-class model and check EM recovers its parameters without labels. */
function simulate(lambda: number, m: number[][], u: number[][], pairs: number, seed: number): Uint8Array {
  const rand = mulberry32(seed);
  const width = m.length;
  const out = new Uint8Array(pairs * width);
  const draw = (p: number[]) => {
    let r = rand();
    for (let l = 1; l < p.length; l++) if ((r -= p[l]) < 0) return l;
    return p.length - 1;
  };
  for (let k = 0; k < pairs; k++) {
    const isMatch = rand() < lambda;
    for (let x = 0; x < width; x++) out[k * width + x] = draw(isMatch ? m[x] : u[x]);
  }
  return out;
}

describe('expectation–maximisation', () => {
  // Three comparisons with levels [missing, exact, fuzzy, different].
  const m = [
    [0, 0.85, 0.1, 0.05],
    [0, 0.7, 0.2, 0.1],
    [0, 0.9, 0.05, 0.05],
  ];
  const u = [
    [0, 0.01, 0.04, 0.95],
    [0, 0.05, 0.1, 0.85],
    [0, 0.002, 0.01, 0.988],
  ];

  it('recovers lambda and m from unlabelled pairs when u is known', () => {
    const levels = simulate(0.3, m, u, 40_000, 7);
    const patterns = toPatterns(levels, 3, 40_000);
    const result = expectationMaximisation(patterns, u, startingM([4, 4, 4]), 0.5);
    expect(result.lambda).toBeCloseTo(0.3, 1);
    for (let x = 0; x < 3; x++) expect(result.m[x][1]).toBeCloseTo(m[x][1], 1);
  });

  it('reduces pairs to distinct patterns with counts', () => {
    const levels = Uint8Array.from([1, 3, 1, 3, 2, 0]);
    const p = toPatterns(levels, 2, 3);
    expect(p.size).toBe(2);
    expect([...p.counts]).toEqual([2, 1]);
    expect(levelShares(p, [4, 4])[0]).toEqual([0, 3 / 6, 2 / 6, 1 / 6]);
  });

  it('keeps the m of fixed comparisons and still recovers the others', () => {
    const levels = simulate(0.3, m, u, 40_000, 11);
    const start = startingM([4, 4, 4]);
    const result = expectationMaximisation(toPatterns(levels, 3, 40_000), u, [m[0], start[1], start[2]], 0.5, { fixed: [true, false, false] });
    expect(result.m[0]).toEqual(m[0]);
    expect(result.m[2][1]).toBeCloseTo(m[2][1], 1);
  });

  it('with fixed m estimates lambda alone', () => {
    const levels = simulate(0.1, m, u, 20_000, 3);
    const result = expectationMaximisation(toPatterns(levels, 3, 20_000), u, m, 0.5, { fixed: [true, true, true] });
    expect(result.m).toEqual(m);
    expect(result.lambda).toBeCloseTo(0.1, 1);
  });
});
