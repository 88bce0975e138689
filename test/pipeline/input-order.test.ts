import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputOrder } from '../../src/pipeline/outputs.js';

describe('inputOrder', () => {
  const SOURCES = ['a.csv', 'b.csv', 'c.csv'];

  it('orders records by input file, then row, keeping ties in place', () => {
    const RECORDS = fc.array(fc.record({ source: fc.constantFrom(...SOURCES, 'unknown.csv'), row: fc.integer({ min: 1, max: 6 }) }), { maxLength: 12 });
    fc.assert(
      fc.property(RECORDS, fc.boolean(), (drawn, presorted) => {
        const rank = (s: string) => Math.max(0, SOURCES.indexOf(s));
        const byInput = (x: { source: string; row: number }, y: { source: string; row: number }) => rank(x.source) - rank(y.source) || x.row - y.row;
        // Half the time records arrive in order already (the usual case, answered without sorting).
        const records = presorted ? [...drawn].sort(byInput) : drawn;
        const expected = records.map((_, i) => i).sort((i, j) => byInput(records[i], records[j]) || i - j);
        expect(inputOrder(records, SOURCES)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
