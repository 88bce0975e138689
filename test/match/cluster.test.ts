import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { byProbability, clusterRecords, type Edge } from '../../src/match/cluster.js';

const none = { forced: [], forbidden: [], probability: () => 1, disagreeBelow: 0.5 };

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

  it('merges pairs a steward said match, whatever their score', () => {
    const c = clusterRecords(3, [], { ...none, forced: [{ a: 0, b: 2, probability: 1 }] });
    expect(c.clusters).toEqual([[0, 2], [1]]);
  });

  it('refuses one strong link between groups whose members mostly do not match (chaining)', () => {
    // 0–1 and 2–3 are tight pairs; 1–2 is a single strong link, but 0 and 3 match neither side.
    const p = (i: number, j: number) => ((i < 2) === (j < 2) ? 0.99 : i === 1 && j === 2 ? 0.95 : 0.01);
    const edges: Edge[] = [
      { a: 0, b: 1, probability: 0.99 },
      { a: 2, b: 3, probability: 0.99 },
      { a: 1, b: 2, probability: 0.95 },
    ];
    const c = clusterRecords(4, edges, { ...none, probability: p });
    expect(c.clusters).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(c.refused).toEqual([{ a: 1, b: 2, probability: 0.95 }]);
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
