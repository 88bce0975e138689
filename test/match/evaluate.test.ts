import { describe, expect, it } from 'vitest';
import { evaluateClusters } from '../../src/match/evaluate.js';

describe('evaluateClusters', () => {
  it('counts pairwise precision and recall', () => {
    // truth: {0,1,2} {3,4}; predicted: {0,1} {2,3,4}
    const e = evaluateClusters([0, 0, 1, 1, 1], ['a', 'a', 'a', 'b', 'b']);
    expect(e).toMatchObject({ truePairs: 4, predictedPairs: 4, correctPairs: 2, trueEntities: 2, predictedClusters: 2 });
    expect(e.precision).toBe(0.5);
    expect(e.recall).toBe(0.5);
    expect(e.f1).toBe(0.5);
  });

  it('is perfect when clusters equal the truth', () => {
    expect(evaluateClusters([5, 5, 9], ['x', 'x', 'y']).f1).toBe(1);
  });
});
