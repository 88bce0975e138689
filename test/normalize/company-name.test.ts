import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { companyNameRule } from '../../src/normalize/rules/company-name.js';
import { divisions } from '../../src/normalize/address/divisions.js';
import { foldKey } from '../../src/normalize/text/fold.js';

const key = (s: string) => companyNameRule.normalize(s).parts.key;

// Each row: names that must share one comparison key.
const SAME: string[][] = [
  ['北京字节跳动科技有限公司', '字节跳动科技(北京)有限公司', '字节跳动科技（北京）有限公司', '北京字節跳動科技有限公司'],
  ['华为技术有限公司', '华为技术股份有限公司', '华为技术'],
  // Taiwan's cities are cities, as a company's prefix too.
  ['台北市宏达贸易有限公司', '宏达贸易有限公司'],
  ['上海浦东发展银行股份有限公司', '浦东发展银行'],
  ['Acme Pty Ltd', 'ACME Inc.', 'acme', 'Acme Co., Ltd.'],
  ['Müller GmbH', 'Muller'],
  // A bracketed 中国 or 集团 says nothing about which company it is.
  ['中国平安保险（集团）股份有限公司', '中国平安保险股份有限公司', '中国平安保险集团'],
  ['ABC（中国）有限公司', 'ABC有限公司', 'ABC Co., Ltd.'],
  // A branch of a limited company is that company.
  ['华为技术有限公司深圳分公司', '华为技术有限公司上海分公司', '华为技术有限公司'],
  ['中国工商银行股份有限公司北京海淀支行', '中国工商银行股份有限公司'],
];

describe('company-name rule', () => {
  it.each(SAME)('%s … share one key', (...names) => {
    const keys = names.map(key);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBeTruthy();
  });

  it('keeps the display form as written', () => {
    expect(companyNameRule.normalize(' 华为技术有限公司 ').parts.display).toBe('华为技术有限公司');
  });

  it('different companies keep different keys', () => {
    expect(key('北京字节跳动科技有限公司')).not.toBe(key('北京百度网讯科技有限公司'));
    expect(key('华为技术有限公司深圳分公司')).not.toBe(key('深圳分公司'));
    // An area standing for a city in addresses (九龙 for Hong Kong) is no city prefix: 九龙仓 is not 仓.
    expect(key('九龙仓集团有限公司')).toBe('九龙仓');
    expect(key('新界泵业股份有限公司')).not.toBe(key('泵业股份有限公司'));
  });

  it.each(['无', '个人', 'N/A', 'test', '-', '—', '/', '个体户', '自由职业者', '学生', '退休', '无单位', '某某公司', 'XX有限公司', '测试公司', 'Test Company'])('%s is a placeholder, not a company', (s) => {
    const r = companyNameRule.normalize(s);
    expect(r.parts.key).toBeNull();
    expect(r.issues.map((i) => i.code)).toEqual(['company.placeholder']);
  });
});

describe('leading and bracketed place names', () => {
  const idx = divisions();
  // Provinces and cities by their names, not the areas that stand for a city in addresses (九龙, 新界).
  const cityNames = [...idx.cities].filter(([name, cities]) => cities.some((c) => c.name.startsWith(name))).map(([name]) => name);
  const places = [...new Set([...idx.provinces.keys(), ...cityNames])];
  const longestFirst = [...places].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const forms = ['股份有限公司', '有限责任公司', '有限公司', '集团公司', '分公司', '总公司', '集团', '公司', '工作室', '商行', '门市部', '经营部'];
  /** The key of a simplified Chinese name as first written: every place tried, longest first. */
  const byScan = (s: string) => {
    let k = s.replace(/[（(][^（()）]*[)）]/g, (m) => (places.includes(m.slice(1, -1)) ? '' : m));
    const place = longestFirst.find((p) => k.startsWith(p) && k.length > p.length + 1);
    if (place) k = k.slice(place.length);
    for (let changed = true; changed; ) {
      changed = false;
      for (const form of forms) if (k.endsWith(form) && k.length > form.length) [k, changed] = [k.slice(0, -form.length), true];
    }
    return foldKey(k) || foldKey(s);
  };

  it('are all two characters or more (the prefix index skips shorter keys)', () => {
    expect(places.filter((p) => p.length < 2)).toEqual([]);
  });

  it('are stripped as the longest place that leaves two characters, as trying every place longest first does', () => {
    const name = fc.tuple(
      fc.constantFrom(...places, '', '江', '(北京)'),
      fc.constantFrom('', '远', '博远网络', '市科技', '州', '（上海）', '(海淀)'),
      fc.constantFrom('有限公司', '', '集团', '分公司'),
    );
    fc.assert(
      fc.property(name, ([place, word, form]) => {
        const text = place + word + form;
        if (!text) return;
        expect([text, companyNameRule.normalize(text).parts.key]).toEqual([text, byScan(text)]);
      }),
      { numRuns: 3000 },
    );
  });
});
