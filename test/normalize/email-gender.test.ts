import { describe, expect, it } from 'vitest';
import { emailRule } from '../../src/normalize/rules/email.js';
import { genderRule } from '../../src/normalize/rules/gender.js';

describe('email rule', () => {
  it.each([
    ['Wei.Zhang@QQ.com', 'wei.zhang@qq.com'],
    [' zhangwei@163.com ', 'zhangwei@163.com'],
    ['zhangwei＠163．com', 'zhangwei@163.com'],
    ['mailto:li.na@example-corp.cn', 'li.na@example-corp.cn'],
    ['ZHANG_WEI88@Sina.COM', 'zhang_wei88@sina.com'],
    ['li.na+crm@gmail.com', 'li.na+crm@gmail.com'],
    ['王芳<wangfang@126.com>'.replace(/^.*<|>$/g, ''), 'wangfang@126.com'],
    ['o\'brien@company.co.uk', "o'brien@company.co.uk"],
    ['chen.jie@mail.tsinghua.edu.cn', 'chen.jie@mail.tsinghua.edu.cn'],
    ['12345678@qq.com', '12345678@qq.com'],
    ['JOSE.GARCIA@EMPRESA.ES', 'jose.garcia@empresa.es'],
    ["'zs@163.com", 'zs@163.com'],
    ['="zs@163.com"', 'zs@163.com'],
  ])('%s → %s', (raw, value) => {
    expect(emailRule.normalize(raw)).toMatchObject({ value, parts: { value, valid: true, placeholder: false }, issues: [] });
  });

  it.each([
    ['test@test.com', 'email.placeholder'],
    ['none@example.com', 'email.placeholder'],
    ['123@qq.com', 'email.placeholder'],
    ['xxx@xxx.com', 'email.placeholder'],
    ['zhangwei.163.com', 'email.invalid'],
    ['zhang wei@163.com', 'email.invalid'],
    ['zhangwei@163', 'email.invalid'],
    ['@qq.com', 'email.invalid'],
    ['zhangwei@@qq.com', 'email.invalid'],
    ['无', 'email.invalid'],
    ['noemail@qq.com', 'email.placeholder'],
    ['a@a.com', 'email.placeholder'],
    ['demo@localhost.test', 'email.placeholder'],
  ])('%s → %s', (raw, code) => {
    expect(emailRule.normalize(raw).issues.map((i) => i.code)).toEqual([code]);
  });
});

describe('gender rule', () => {
  it.each([
    ['男', 'M'],
    ['女士', 'F'],
    ['Female', 'F'],
    ['m', 'M'],
    ['1', 'M'],
    ['2', 'F'],
    ['未知', null],
    ['', null],
    ['男性', 'M'],
    ['MALE', 'M'],
    ['女', 'F'],
    ['f', 'F'],
    ['Mrs', 'F'],
    ['先生', 'M'],
    ['小姐', 'F'],
    ['保密', null],
    ['不详', null],
    ['U', null],
    ['Ｍ', 'M'],
  ])('%s → %s', (raw, g) => {
    expect(genderRule.normalize(raw)).toMatchObject({ parts: g, issues: [] });
  });

  it('flags what it cannot read', () => {
    expect(genderRule.normalize('robot').issues.map((i) => i.code)).toEqual(['gender.invalid']);
  });
});
