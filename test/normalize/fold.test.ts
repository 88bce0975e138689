import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanText, stripDiacritics } from '../../src/normalize/text/fold.js';

/** cleanText as it is defined, without the shortcut for text that is clean already. */
const reference = (s: string) => s.normalize('NFKC').replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();

describe('cleanText', () => {
  it('folds full-width forms, compatibility ideographs and all kinds of space', () => {
    expect(cleanText('　１３８ ００１３\u00a0８０００ ')).toBe('138 0013 8000');
    expect(cleanText('ＡＢＣ有限公司\t\n')).toBe('ABC有限公司');
    expect(cleanText('\uf900金')).toBe('豈金');
    expect(cleanText('a  b')).toBe('a b');
  });

  it('returns every printable ASCII and CJK unified ideograph as NFKC does, alone and in ASCII pairs', () => {
    const ranges: [number, number][] = [[0x21, 0x7e], [0x3400, 0x4dbf], [0x4e00, 0x9fff]];
    for (const [from, to] of ranges) for (let c = from; c <= to; c++) expect(cleanText(String.fromCharCode(c))).toBe(reference(String.fromCharCode(c)));
    for (let a = 0x21; a <= 0x7e; a++) for (let b = 0x21; b <= 0x7e; b++) expect(cleanText(String.fromCharCode(a, b))).toBe(reference(String.fromCharCode(a, b)));
  });

  it('agrees with NFKC + whitespace folding on mixed text', () => {
    const chars = fc.constantFrom('a', 'Z', '1', '@', ' ', '  ', '\t', '\u3000', '\u00a0', '张', '伟', '㐀', '（', '１', 'é', 'e\u0301', '\uf900', '\u200b', 'ﬁ', '①');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(cleanText(s)).toBe(reference(s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('stripDiacritics', () => {
  /** stripDiacritics as it is defined, without the shortcut for text both normalizations leave alone. */
  const reference = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');

  it('strips accents and keeps what NFD changes otherwise', () => {
    expect(stripDiacritics('José García')).toBe('Jose Garcia');
    expect(stripDiacritics('e\u0301')).toBe('e');
    expect(stripDiacritics('\uf900金')).toBe(reference('\uf900金'));
  });

  it('agrees with the normalizations on every ASCII character and CJK unified ideograph, and on mixed text', () => {
    const ranges: [number, number][] = [[0x0, 0x7f], [0x3400, 0x4dbf], [0x4e00, 0x9fff]];
    for (const [from, to] of ranges) for (let c = from; c <= to; c++) expect(stripDiacritics(String.fromCharCode(c))).toBe(reference(String.fromCharCode(c)));
    const chars = fc.constantFrom('a', 'Z', '1', ' ', '张', '㐀', 'é', 'e', '\u0301', '\uf900', 'ﬁ', 'Å', '\u212b', '가', 'ö');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 10 }), (parts) => {
        const s = parts.join('');
        expect(stripDiacritics(s)).toBe(reference(s));
      }),
      { numRuns: 3000 },
    );
  });
});
