import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js/t2cn';
import { toSimplified } from '../../src/normalize/text/simplified.js';

const convert = OpenCC.Converter({ from: 'tw', to: 'cn' });

describe('toSimplified', () => {
  it('converts traditional text', () => {
    expect(toSimplified('臺北市中山區南京東路')).toBe('台北市中山区南京东路');
    expect(toSimplified('張偉')).toBe('张伟');
  });

  it('returns simplified and non-Chinese text as it is', () => {
    for (const s of ['广东省广州市越秀区友谊大街263号', '王波勇', 'Tullaroop Street', '']) expect(toSimplified(s)).toBe(s);
  });

  it('agrees with the OpenCC converter on every Han character alone', () => {
    for (const [from, to] of [[0x3400, 0x9fff], [0xf900, 0xfaff]]) {
      for (let c = from; c <= to; c++) {
        const s = String.fromCharCode(c);
        if (toSimplified(s) !== convert(s)) expect([s, toSimplified(s)]).toEqual([s, convert(s)]);
      }
    }
  });

  it('agrees with the OpenCC converter on mixed text, phrases included', () => {
    const pieces = ['臺', '灣', '軟', '體', '乾', '隆', '乾淨', '頭髮', '发', '干', '面', '麵', '里', '裡', '於', '著', '广', '东', '路', '号', '大', '街', '中', '山', '一', 'a', '1', ' ', '︰', '﹏'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(toSimplified(s)).toBe(convert(s));
      }),
      { numRuns: 2000 },
    );
  });
});
