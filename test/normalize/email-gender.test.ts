import { describe, expect, it } from 'vitest';
import { emailRule } from '../../src/normalize/rules/email.js';
import { genderRule } from '../../src/normalize/rules/gender.js';

describe('email rule', () => {
  it.each([
    ['Wei.Zhang@QQ.com', 'wei.zhang@qq.com'],
    [' zhangwei@163.com ', 'zhangwei@163.com'],
    ['zhangwei＠163．com', 'zhangwei@163.com'],
    ['mailto:li.na@example-corp.cn', 'li.na@example-corp.cn'],
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
  ])('%s → %s', (raw, g) => {
    expect(genderRule.normalize(raw)).toMatchObject({ parts: g, issues: [] });
  });

  it('flags what it cannot read', () => {
    expect(genderRule.normalize('robot').issues.map((i) => i.code)).toEqual(['gender.invalid']);
  });
});
