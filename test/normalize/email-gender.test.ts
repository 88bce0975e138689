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
    // A display name and its address.
    ['王芳<wangfang@126.com>', 'wangfang@126.com'],
    ['Zhou Ba <zhou8@163.com>', 'zhou8@163.com'],
    ['"Zhou, Ba" <Zhou8@163.com>', 'zhou8@163.com'],
    ['Zhou Ba <mailto:zhou8@163.com>', 'zhou8@163.com'],
    ['zhou8@163.com; Zhou8@163.com', 'zhou8@163.com'],
    ['o\'brien@company.co.uk', "o'brien@company.co.uk"],
    ['chen.jie@mail.tsinghua.edu.cn', 'chen.jie@mail.tsinghua.edu.cn'],
    ['31415926@qq.com', '31415926@qq.com'],
    ['10001@qq.com', '10001@qq.com'],
    // A trailing full stop, a note in brackets or in Chinese beside the address.
    ['zhangwei@163.com.', 'zhangwei@163.com'],
    ['zhangwei@163.com。', 'zhangwei@163.com'],
    ['zhangwei@163.com（私人）', 'zhangwei@163.com'],
    ['zhangwei@163.com(工作) ', 'zhangwei@163.com'],
    ['zhangwei@163.com【常用】', 'zhangwei@163.com'],
    ['zhangwei@163.com 微信同号', 'zhangwei@163.com'],
    ['私人邮箱 zhangwei@163.com', 'zhangwei@163.com'],
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
    ['noemail@qq.com', 'email.placeholder'],
    ['a@a.com', 'email.placeholder'],
    ['demo@localhost.test', 'email.placeholder'],
    ['Zhou Ba <zhou8>', 'email.invalid'],
    // A no-reply sender address reaches no customer, and many records carry it.
    ['noreply@company.com', 'email.placeholder'],
    ['No-Reply@service.taobao.com', 'email.placeholder'],
    ['donotreply@bank.com.cn', 'email.placeholder'],
    // QQ numbers nobody gave: one digit repeated, digits counting up or down.
    ['111111@qq.com', 'email.placeholder'],
    ['00000000@qq.com', 'email.placeholder'],
    ['12345678@qq.com', 'email.placeholder'],
    ['987654321@qq.com', 'email.placeholder'],
    // Dots only between characters of the mailbox, hyphens only inside a domain label.
    ['.zhangwei@163.com', 'email.invalid'],
    ['zhangwei.@163.com', 'email.invalid'],
    ['zhang..wei@163.com', 'email.invalid'],
    ['zhangwei@-163.com', 'email.invalid'],
    // A space inside the mailbox is no note: the address is broken, not "wei@163.com".
    ['zhang wei@163.com 私人', 'email.invalid'],
    ['zhou8@163; zb@qq', 'email.invalid'],
  ])('%s → %s', (raw, code) => {
    expect(emailRule.normalize(raw).issues.map((i) => i.code)).toEqual([code]);
  });

  // What staff type for "none" is an empty cell, as in every other field, not an invalid address.
  it.each(['无', '暂无', 'N/A', 'none', '-', '/'])('%s is no address and no problem', (raw) => {
    expect(emailRule.normalize(raw)).toMatchObject({ value: null, issues: [] });
  });

  // Several addresses: cell → the address kept, and the others named masked in the issue.
  it.each([
    ['zhou8@163.com; zb@qq.com', 'zhou8@163.com', 'another address, dropped: z***@qq.com'],
    ['zhou8@163.com，zb@qq.com', 'zhou8@163.com', 'another address, dropped: z***@qq.com'],
    ['zhou8@163.com / zb@qq.com', 'zhou8@163.com', 'another address, dropped: z***@qq.com'],
    ['zhou8@163.com  zb@qq.com', 'zhou8@163.com', 'another address, dropped: z***@qq.com'],
    ['zhou8@163; zb@qq.com、Li <li@126.com>', 'zb@qq.com', '2 other addresses, dropped: z***@163, l***@126.com'],
    ['"Zhou, Ba" <zhou8@163.com>, "Li" <li@126.com>', 'zhou8@163.com', 'another address, dropped: l***@126.com'],
  ])('%s keeps %s', (raw, value, message) => {
    const r = emailRule.normalize(raw);
    expect(r).toMatchObject({ value, parts: { value, valid: true, placeholder: false } });
    expect(r.issues).toEqual([{ field: 'email', code: 'email.several', message: `the cell holds ${message}` }]);
  });

  it('keeps a real address over a made-up one, and a made-up one when there is nothing else, flagged as such', () => {
    expect(emailRule.normalize('test@test.com; zb@qq.com')).toMatchObject({ value: 'zb@qq.com', parts: { placeholder: false }, issues: [{ code: 'email.several' }] });
    const r = emailRule.normalize('test@test.com; none@example.com');
    expect(r).toMatchObject({ value: 'test@test.com', parts: { placeholder: true } });
    expect(r.issues.map((i) => i.code)).toEqual(['email.placeholder', 'email.several']);
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
