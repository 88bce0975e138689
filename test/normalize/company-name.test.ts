import { describe, expect, it } from 'vitest';
import { companyNameRule } from '../../src/normalize/rules/company-name.js';

const key = (s: string) => companyNameRule.normalize(s).parts.key;

// Each row: names that must share one comparison key.
const SAME: string[][] = [
  ['北京字节跳动科技有限公司', '字节跳动科技(北京)有限公司', '字节跳动科技（北京）有限公司', '北京字節跳動科技有限公司'],
  ['华为技术有限公司', '华为技术股份有限公司', '华为技术'],
  ['上海浦东发展银行股份有限公司', '浦东发展银行'],
  ['Acme Pty Ltd', 'ACME Inc.', 'acme', 'Acme Co., Ltd.'],
  ['Müller GmbH', 'Muller'],
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
  });

  it.each(['无', '个人', 'N/A', 'test', '-'])('%s is a placeholder, not a company', (s) => {
    const r = companyNameRule.normalize(s);
    expect(r.parts.key).toBeNull();
    expect(r.issues.map((i) => i.code)).toEqual(['company.placeholder']);
  });
});
