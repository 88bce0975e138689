import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divisions } from '../../src/normalize/address/divisions.js';
import { PrefixIndex } from '../../src/normalize/address/prefix-index.js';

/** The plain search the index replaces: every length from the longest name down to two. */
function bruteForce<T>(map: Map<string, T>, s: string, pos: number): [string, T] | null {
  const longest = Math.max(...[...map.keys()].map((k) => k.length));
  for (let len = Math.min(longest, s.length - pos); len >= 2; len--) {
    const v = map.get(s.slice(pos, pos + len));
    if (v !== undefined) return [s.slice(pos, pos + len), v];
  }
  return null;
}

describe('PrefixIndex', () => {
  const idx = divisions();
  const names = [...idx.provinces.keys(), ...idx.cities.keys(), ...idx.districts.keys()];

  it('finds the longest name at a position, as trying every length does', () => {
    const text = fc.array(fc.oneof(fc.constantFrom(...names), fc.constantFrom('路', '号', '自治', '市', '区', '东', '新华大街', '12', ' ')), { maxLength: 5 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.nat(8), (s, pos) => {
        for (const [map, index] of [[idx.provinces, idx.prefixes.provinces], [idx.cities, idx.prefixes.cities], [idx.districts, idx.prefixes.districts]] as const) {
          expect((index as PrefixIndex<unknown>).longest(s, pos)).toEqual(bruteForce(map as Map<string, unknown>, s, pos));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('prefers the longer of two names with the same start and ignores one-character keys', () => {
    const index = new PrefixIndex(new Map([['朝阳', 1], ['朝阳区', 2], ['朝', 3]]));
    expect(index.longest('北京朝阳区建国路', 2)).toEqual(['朝阳区', 2]);
    expect(index.longest('朝阳路', 0)).toEqual(['朝阳', 1]);
    expect(index.longest('朝', 0)).toBeNull();
  });
});
