import { describe, expect, it } from 'vitest';
import { maskEmail, maskFreeText, maskIdNumber, maskPhone } from '../../src/model/mask.js';

describe('maskPhone: first 3 and last 4 digits of the national number', () => {
  it.each([
    ['+8613812345678', '138****5678'],
    ['13812345678', '138****5678'],
    ['8613812345678', '138****5678'],
    ['0086 138 1234 5678', '138****5678'],
    ['+86 139-1287-3460', '139****3460'],
    ['010-62345678', '010****5678'],
    ['+61412573961', '*****3961'],
    ['+14155552671', '******2671'],
    ['62345678', '****5678'],
    ['123456', '******'],
    ['', ''],
    ['13812345678 / 010-62345678', '138****5678 / 010****5678'],
  ])('%s → %s', (s, m) => expect(maskPhone(s)).toBe(m));
});

describe('maskPhone on +86 numbers read without parsing', () => {
  it('masks them as it masks the same number parsed by libphonenumber (written with 00 instead of +)', () => {
    const digits = (n: number, seed: number) => Array.from({ length: n }, (_, k) => String((seed * 7 + k * 3 + (seed >> k)) % 10)).join('');
    for (let prefix = 0; prefix < 1000; prefix++) {
      for (let length = 4; length <= 14; length++) {
        const national = `${String(prefix).padStart(3, '0')}${digits(length, prefix + length)}`.slice(0, length);
        expect(maskPhone(`+86${national}`), national).toBe(maskPhone(`0086${national}`));
      }
    }
  });
});

describe('maskIdNumber', () => {
  it.each([
    ['110101199003071234', '1101**********1234'],
    ['11010519491231002X', '1101**********002X'],
    ['110105491231002', '1101*******1002'],
    ['6988048', '*****48'],
    ['A1', 'A1'],
  ])('%s → %s', (s, m) => expect(maskIdNumber(s)).toBe(m));
});

describe('maskEmail', () => {
  it.each([
    ['john@qq.com', 'j***@qq.com'],
    ['wei.zhang@163.com', 'w***@163.com'],
    [' a@b.cn ', 'a***@b.cn'],
    ['broken', '***'],
    ['@qq.com', '***'],
    ['john@', '***'],
  ])('%s → %s', (s, m) => expect(maskEmail(s)).toBe(m));
});

describe('maskFreeText', () => {
  it.each([
    ['张三 13912873460 来电', '张三 139****3460 来电'],
    ['call +86 139-1287-3460 now', 'call 139****3460 now'],
    ['two: 13912873460 13812345678', 'two: 139****3460 138****5678'],
    ['tel 010-62345678', 'tel 010****5678'],
    ['id 11010519491231002X.', 'id 1101**********002X.'],
    ['mail zhang.san@example.cn, ok', 'mail z***@example.cn, ok'],
    ['邮箱 wf@qq 无效', '邮箱 w***@qq 无效'],
    ['born 19900307, updated 2023-11-05', 'born 19900307, updated 2023-11-05'],
    ['row 12 has 300 characters', 'row 12 has 300 characters'],
    ['nothing personal here', 'nothing personal here'],
    // Phone formats: dots, full-width digits, spaced dashes, brackets, letters right before or after.
    ['138.1234.5678', '138****5678'],
    ['+86.138.1234.5678', '138****5678'],
    ['１３８１２３４５６７８', '138****5678'],
    ['电话：１３８-１２３４-５６７８。', '电话：138****5678。'],
    ['138 - 1234 - 5678', '138****5678'],
    ['(138) 1234 5678', '138****5678'],
    ['(132)2399 7126', '132****7126'],
    ['+86 (10) 6234 5678', '******5678'],
    ['tel_13812345678', 'tel_138****5678'],
    ['13812345678ext9', '138****5678ext9'],
    ['id x110101199003071234', 'id x1101**********1234'],
    ['１１０１０１１９９００３０７１２３４', '1101**********1234'],
    ['张伟,138.1234.5678,１３８１２３４５６７８,(138) 1234 5678', '张伟,138****5678,138****5678,138****5678'],
    ['新号码13698765432 邮箱 new.person@163.com 身份证110101199003071234', '新号码136****5432 邮箱 n***@163.com 身份证1101**********1234'],
    // Not personal data: dates, amounts, short numbers, row references.
    ['due 2024-01-05, paid 2024.01.05, 2024/1/5', 'due 2024-01-05, paid 2024.01.05, 2024/1/5'],
    ['updated 2023-11-05 12:30:45', 'updated 2023-11-05 12:30:45'],
    ['２０２４年１月５日 ２０２４-０１-０５', '２０２４年１月５日 ２０２４-０１-０５'],
    ['amount 1234567.89 / 12345678.00 / ¥1,234,567.89 / 1 234 567 / 12.345.678', 'amount 1234567.89 / 12345678.00 / ¥1,234,567.89 / 1 234 567 / 12.345.678'],
    ['pi 3.14159265358979', 'pi 3.14159265358979'],
    ['room 1203, 42 orders, code 123456', 'room 1203, 42 orders, code 123456'],
    ['crm.csv:1234567, crm.csv:2345678', 'crm.csv:1234567, crm.csv:2345678'],
    ['row 1234567 and line 2345678.', 'row 1234567 and line 2345678.'],
    ['shop.tsv:12 tel 1234567', 'shop.tsv:12 tel ***4567'],
  ])('%s → %s', (s, m) => expect(maskFreeText(s)).toBe(m));

  it('leaves masked text as it is: a report masked when built is masked again when rendered', () => {
    const text = 'rep.li@corp.example.com 13812345678 (138) 1234 5678 110101199003071234 010-62345678';
    expect(maskFreeText(maskFreeText(text))).toBe(maskFreeText(text));
  });

  it('never leaves a phone, ID or email it was given', () => {
    const text = 'row 3: 张三 13912873460 / +86 139-1287-3460, id 11010519491231002X, mail zhang.san@example.cn';
    const masked = maskFreeText(text);
    for (const secret of ['13912873460', '1287-3460', '11010519491231002X', 'zhang.san@']) expect(masked).not.toContain(secret);
  });
});
