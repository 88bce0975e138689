import { describe, expect, it } from 'vitest';
import { anchoredM } from '../../src/match/estimate/anchored-m.js';
import { COMPARISONS } from '../../src/match/comparisons/index.js';

const byName = (name: string) => COMPARISONS.find((c) => c.name === name)!;
// Levels: phone 0 missing, 1 exact (not a fixed line), 2 exact fixed line, 3 same national number, 4 one digit apart, 5 different; email 0, 1 exact, 2 near, 3 different;
// name 0 missing, 1 exact … 6 different.
const comparisons = [byName('phone'), byName('email'), byName('name')];
const em = comparisons.map((c) => Array.from({ length: c.levels.length + 2 }, (_, l) => (l === 0 ? 0 : 1 / (c.levels.length + 1))));

/** Pair-major levels from rows of [phone, email, name], each row repeated `times`. */
function levelsOf(rows: [number, number, number, number][]): Uint8Array {
  return Uint8Array.from(rows.flatMap(([phone, email, name, times]) => Array.from({ length: times }, () => [phone, email, name]).flat()));
}

describe('anchoredM', () => {
  it("counts each comparison's levels among pairs another identifier vouches for, leaving the rest out", () => {
    const levels = levelsOf([
      [1, 0, 1, 270], // same phone, same name
      [1, 3, 6, 30], // same phone, different email and name
      [5, 1, 1, 300], // same email, different phone
      [5, 3, 1, 5000], // look-alikes: only the name agrees, nothing vouches for them
      [2, 3, 6, 400], // a household: one home line, different emails and names; a fixed line vouches for no one
    ]);
    const m = anchoredM(em, comparisons, levels);
    // Name: 570 anchored pairs (neither the 5,000 look-alikes nor the household are among them), 30 of them different; add-one over its seven levels less "missing".
    expect(m[2][1]).toBeCloseTo((570 + 1) / (600 + 6), 12);
    expect(m[2][6]).toBeCloseTo((30 + 1) / (600 + 6), 12);
    // Phone is measured only where the email vouches (its own agreement proves nothing about itself): 300 pairs, all different.
    expect(m[0][5]).toBeCloseTo((300 + 1) / (300 + 5), 12);
    expect(m[0][1]).toBeCloseTo(1 / 305, 12);
    // Email where the phone vouches and the email is present: 30 pairs, fewer than the minimum, so EM's m stands.
    expect(m[1]).toEqual(em[1]);
    for (const row of m) expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it.each([
    ['no pair shares an identifier', levelsOf([[5, 3, 1, 1000]])],
    ['too few pairs do', levelsOf([[1, 1, 1, 99], [5, 3, 6, 1000]])],
    ['pairs share only a fixed line', levelsOf([[2, 3, 6, 1000]])],
  ])("keeps EM's m when %s", (_, levels) => {
    expect(anchoredM(em, comparisons, levels)).toEqual(em);
  });
});
