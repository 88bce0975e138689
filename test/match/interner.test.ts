import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Interner } from '../../src/match/interner.js';

/** The plain way: a Map numbering values in order of first appearance. */
function reference(values: readonly string[]): number[] {
  const idOf = new Map<string, number>();
  return values.map((v) => idOf.get(v) ?? idOf.set(v, idOf.size).get(v)!);
}

describe('Interner', () => {
  it.each([
    ['first appearance order', ['b', 'a', 'b', 'c', 'a'], [0, 1, 0, 2, 1]],
    ['the empty string is a value', ['', 'x', ''], [0, 1, 0]],
    ['case and width matter', ['Ａ', 'A', 'a'], [0, 1, 2]],
    ['characters outside the BMP', ['𠀀', '𠀁', '𠀀'], [0, 1, 0]],
    ['a prefix is another value', ['ab', 'a', 'abc'], [0, 1, 2]],
  ])('%s', (_, values, ids) => {
    const interner = new Interner();
    expect(values.map((v) => interner.id(v))).toEqual(ids);
    expect(interner.size).toBe(new Set(values).size);
  });

  it('finds values seen and only those, and gives back the value of an id', () => {
    const interner = new Interner();
    interner.id('王伟');
    interner.id('');
    expect(interner.find('王伟')).toBe(0);
    expect(interner.find('')).toBe(1);
    expect(interner.find('王')).toBe(-1);
    expect([interner.value(0), interner.value(1)]).toEqual(['王伟', '']);
  });

  it('numbers like a Map through many growths of the table', () => {
    const values = Array.from({ length: 50_000 }, (_, i) => `v${(i * 7919) % 20_011}`);
    const interner = new Interner();
    expect(values.map((v) => interner.id(v))).toEqual(reference(values));
    expect(interner.size).toBe(20_011);
  });

  it('numbers any list of strings like a Map', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.string({ maxLength: 6, unit: 'binary' })), { maxLength: 3000 }), (values) => {
        const interner = new Interner();
        const ids = reference(values);
        expect(values.map((v) => interner.id(v))).toEqual(ids);
        values.forEach((v, i) => expect(interner.find(v)).toBe(ids[i]));
      }),
      { numRuns: 200 },
    );
  });
});
