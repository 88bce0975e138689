import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sharedDigits, sharedText } from '../../src/normalize/text/shared-strings.js';

describe('sharedDigits', () => {
  it('is the slice, shared for small numbers without a leading zero', () => {
    expect(sharedDigits('路176号', 1, 4)).toBe('176');
    expect(sharedDigits('A007', 1, 4)).toBe('007');
    expect(sharedDigits('12-3', 0, 4)).toBe('12-3');
    expect(sharedDigits('1234567', 0, 7)).toBe('1234567');
  });

  it('equals slice() on any text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-]{0,9}$/), fc.nat(9), fc.nat(9), (s, a, b) => {
        const [start, end] = [Math.min(a, b, s.length), Math.min(Math.max(a, b), s.length)];
        if (start < end) expect(sharedDigits(s, start, end)).toBe(s.slice(start, end));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('sharedText', () => {
  it('returns a string equal to its argument, the first one seen for repeats', () => {
    const a = sharedText('文化路'.slice(0));
    expect(sharedText(['文', '化', '路'].join(''))).toBe(a);
    expect(sharedText('人民南路')).toBe('人民南路');
  });
});
