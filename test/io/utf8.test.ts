import { describe, expect, it } from 'vitest';
import { UNDECODABLE, completeUtf8Length, decodeUtf8Marking, scanUtf8, utf8SequenceAt } from '../../src/io/utf8.js';

const bytes = (...b: number[]) => Buffer.from(b);

describe('utf8SequenceAt', () => {
  it.each([
    ['ASCII', [0x41], 1],
    ['2-byte é', [0xc3, 0xa9], 2],
    ['3-byte 张', [0xe5, 0xbc, 0xa0], 3],
    ['4-byte 😀', [0xf0, 0x9f, 0x98, 0x80], 4],
    ['cut-off 3-byte sequence', [0xe5, 0xbc], 0],
    ['lone continuation byte', [0x80], -1],
    ['overlong C0', [0xc0, 0x80], -1],
    ['overlong E0 80', [0xe0, 0x80, 0x80], -1],
    ['surrogate ED A0', [0xed, 0xa0, 0x80], -1],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], -1],
    ['GBK 张 (D5 C5)', [0xd5, 0xc5], -1],
    ['bad third byte', [0xe5, 0xbc, 0x41], -2],
  ])('%s', (_name, b, expected) => {
    expect(utf8SequenceAt(bytes(...b), 0, b.length)).toBe(expected);
  });
});

describe('scanUtf8', () => {
  it('counts multi-byte and invalid sequences and finds the first bad byte', () => {
    const buf = Buffer.concat([Buffer.from('张伟,'), bytes(0xd5, 0xc5), Buffer.from(',ok')]);
    expect(scanUtf8(buf, true)).toEqual({ multibyte: 2, invalid: 2, firstInvalid: 7 });
  });

  it('leaves a sequence cut off by the end alone unless final', () => {
    const buf = Buffer.from('张伟').subarray(0, 5);
    expect(scanUtf8(buf, false)).toEqual({ multibyte: 1, invalid: 0, firstInvalid: -1 });
    expect(scanUtf8(buf, true).invalid).toBe(1);
  });
});

describe('completeUtf8Length', () => {
  it.each([
    ['complete', Buffer.from('a张'), 4],
    ['cut after 1 of 3 bytes', Buffer.from('a张').subarray(0, 2), 1],
    ['cut after 2 of 3 bytes', Buffer.from('a张').subarray(0, 3), 1],
    ['invalid tail is not held back', bytes(0x41, 0xff), 2],
  ])('%s', (_name, buf, n) => {
    expect(completeUtf8Length(buf)).toBe(n);
  });
});

describe('decodeUtf8Marking', () => {
  it('marks invalid bytes but keeps a genuine U+FFFD', () => {
    const buf = Buffer.concat([Buffer.from('张\uFFFD'), bytes(0xff), Buffer.from('x')]);
    expect(decodeUtf8Marking(buf)).toBe(`张\uFFFD${UNDECODABLE}x`);
  });

  it('replaces each maximal invalid subpart once', () => {
    expect(decodeUtf8Marking(bytes(0xe5, 0xbc, 0x41))).toBe(`${UNDECODABLE}A`);
  });
});
