import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { byProbability, clusterRecords, verdictByWeight, type CrossPairVerdict, type Edge } from '../../src/match/cluster.js';

const none = { forced: [], forbidden: [], crossPair: (): CrossPairVerdict => 'for' };

describe('clusterRecords', () => {
  it('forms connected components in input order and records each member’s best score', () => {
    const edges: Edge[] = [
      { a: 0, b: 2, probability: 0.99 },
      { a: 2, b: 4, probability: 0.95 },
    ];
    const c = clusterRecords(5, edges, none);
    expect(c.clusters).toEqual([[0, 2, 4], [1], [3]]);
    expect(c.clusterOf).toEqual([0, 1, 0, 2, 0]);
    expect(c.scoreOf).toEqual([0.99, null, 0.99, null, 0.95]);
  });

  it('keeps apart groups a steward said are different, even through a chain', () => {
    const edges: Edge[] = [
      { a: 0, b: 1, probability: 0.99 },
      { a: 1, b: 2, probability: 0.98 },
    ];
    const c = clusterRecords(3, edges, { ...none, forbidden: [[0, 2]] });
    expect(c.clusterOf[0]).not.toBe(c.clusterOf[2]);
    expect(c.refused).toEqual([{ a: 1, b: 2, probability: 0.98 }]);
  });

  it('never joins names of two generations, even through a record without one (John Smith Jr – John Smith – John Smith Sr)', () => {
    const generation = ['2', null, '1', null];
    const edges: Edge[] = [
      { a: 0, b: 1, probability: 0.99 },
      { a: 1, b: 2, probability: 0.98 },
      { a: 2, b: 3, probability: 0.97 },
    ];
    const c = clusterRecords(4, edges, { ...none, generationOf: (i) => generation[i] });
    expect(c.clusters).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(c.refused).toEqual([{ a: 1, b: 2, probability: 0.98 }]);
    // A steward's match is followed all the same.
    expect(clusterRecords(4, [], { ...none, forced: [{ a: 0, b: 2, probability: 1 }], generationOf: (i) => generation[i] }).clusters).toEqual([[0, 2], [1], [3]]);
  });

  it('merges pairs a steward said match, whatever their score', () => {
    const c = clusterRecords(3, [], { ...none, forced: [{ a: 0, b: 2, probability: 1 }] });
    expect(c.clusters).toEqual([[0, 2], [1]]);
  });

  it('refuses one strong link between groups whose members mostly speak against each other (chaining)', () => {
    // 0–1 and 2–3 are tight pairs; 1–2 is a single strong link, but 0 and 3 are against the other side.
    const verdict = (i: number, j: number): CrossPairVerdict => (i === 1 && j === 2 ? 'for' : 'against');
    const edges: Edge[] = [
      { a: 0, b: 1, probability: 0.99 },
      { a: 2, b: 3, probability: 0.99 },
      { a: 1, b: 2, probability: 0.95 },
    ];
    const c = clusterRecords(4, edges, { ...none, crossPair: verdict });
    expect(c.clusters).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(c.refused).toEqual([{ a: 1, b: 2, probability: 0.95 }]);
  });

  it('joins when the cross pairs that decide are for it, however many cannot decide', () => {
    // 0, 1, 2 are one customer; record 3 shares an identifier with 0 and is undecided with 1 and 2 (say, name and
    // city alone) unless a case says otherwise.
    const edges: Edge[] = [
      { a: 0, b: 1, probability: 0.99 },
      { a: 1, b: 2, probability: 0.99 },
      { a: 0, b: 3, probability: 0.95 },
    ];
    const withThree = (verdicts: Record<number, CrossPairVerdict>) => (i: number, j: number): CrossPairVerdict =>
      i === 3 ? verdicts[j] : j === 3 ? verdicts[i] : 'for';
    const clustersWith = (verdicts: Record<number, CrossPairVerdict>) =>
      clusterRecords(4, edges, { ...none, crossPair: withThree(verdicts) }).clusters;
    expect(clustersWith({ 0: 'for', 1: 'undecided', 2: 'undecided' })).toEqual([[0, 1, 2, 3]]);
    expect(clustersWith({ 0: 'for', 1: 'against', 2: 'undecided' })).toEqual([[0, 1, 2, 3]]);
    expect(clustersWith({ 0: 'for', 1: 'against', 2: 'against' })).toEqual([[0, 1, 2], [3]]);
  });
});

describe('verdictByWeight', () => {
  // prior −18 bits, `for` from probability 0.7 (+1.22 bits): pair weight → verdict.
  const CASES: [number, CrossPairVerdict][] = [
    [-25, 'against'],
    [-18.01, 'against'],
    [-18, 'undecided'],
    [-5, 'undecided'],
    [1.2, 'undecided'],
    [1.23, 'for'],
    [30, 'for'],
  ];
  it.each(CASES)('weight %d is %s', (weight, verdict) => {
    expect(verdictByWeight(() => weight, -18, 0.7)(0, 1)).toBe(verdict);
  });
});

describe('byProbability', () => {
  const byStrength = (x: Edge, y: Edge) => y.probability - x.probability || x.a - y.a || x.b - y.b;

  it('orders edges highest probability first, ties in the order given', () => {
    const edges: Edge[] = [
      { a: 0, b: 1, probability: 0.75 },
      { a: 0, b: 2, probability: 1 },
      { a: 1, b: 3, probability: 0.75 },
      { a: 2, b: 3, probability: 0.7500000000000001 },
      { a: 3, b: 4, probability: 0 },
      { a: 4, b: 5, probability: 5e-324 },
    ];
    expect(byProbability(edges).map((e) => `${e.a}-${e.b}`)).toEqual(['0-2', '2-3', '0-1', '1-3', '4-5', '3-4']);
  });

  it('gives what sorting edges in pair order by strength gives', () => {
    const probability = fc.oneof(fc.constantFrom(0.7, 0.9, 1), fc.double({ min: 0, max: 1, noNaN: true }).map((p) => Math.abs(p)));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), fc.nat(50), probability), { maxLength: 300 }), (raw) => {
        // Candidate pairs come unique and in (a, b) order, as blocking makes them.
        const seen = new Set<string>();
        const edges = raw
          .map(([x, y, p]) => ({ a: Math.min(x, y), b: Math.max(x, y) + 1, probability: p }))
          .filter((e) => !seen.has(`${e.a},${e.b}`) && seen.add(`${e.a},${e.b}`))
          .sort((x, y) => x.a - y.a || x.b - y.b);
        expect(byProbability(edges)).toEqual(edges.slice().sort(byStrength));
      }),
    );
  });
});
