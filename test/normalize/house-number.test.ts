import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findHouseNumber } from '../../src/normalize/address/house-number.js';

/** The regular expression the scanner stands for. */
const HOUSE_NUMBER = /(\d+(?:-\d+)?)(?:号|弄)(?!楼)/;

describe('findHouseNumber', () => {
  it('finds house numbers, not buildings', () => {
    expect(findHouseNumber('文化路267号龙湖苑')).toEqual({ start: 3, end: 6 });
    expect(findHouseNumber('长乐路12-3号')).toEqual({ start: 3, end: 7 });
    expect(findHouseNumber('3号楼5弄')).toEqual({ start: 3, end: 4 });
    expect(findHouseNumber('3号楼')).toBeNull();
    expect(findHouseNumber('')).toBeNull();
  });

  it('finds what the regular expression matches first, on any text', () => {
    const piece = fc.constantFrom('1', '27', '0', '-', '号', '弄', '楼', '栋', '路', 'a', '号楼', '-3号');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const text = parts.join('');
        const m = HOUSE_NUMBER.exec(text);
        const expected = m ? { start: m.index, end: m.index + m[1].length } : null;
        const found = findHouseNumber(text);
        expect([text, found && { ...found }]).toEqual([text, expected]);
      }),
      { numRuns: 20000 },
    );
  });
});
