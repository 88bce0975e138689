import { describe, expect, it } from 'vitest';
import { maskEmail, maskFreeText, maskIdNumber, maskPhone } from '../../src/report/mask.js';

describe('masking personal data', () => {
  it.each([
    ['+8613912873460', '139****3460'],
    ['13912873460', '139****3460'],
    ['+61412573961', '614****3961'],
    ['12345', '*****'],
  ])('maskPhone(%s) = %s', (s, m) => expect(maskPhone(s)).toBe(m));

  it.each([
    ['110101199003071234', '1101**********1234'],
    ['11010519491231002X', '1101**********002X'],
    ['6988048', '*****48'],
  ])('maskIdNumber(%s) = %s', (s, m) => expect(maskIdNumber(s)).toBe(m));

  it.each([
    ['john@qq.com', 'j***@qq.com'],
    ['wei.zhang@163.com', 'w***@163.com'],
    ['broken', '***'],
  ])('maskEmail(%s) = %s', (s, m) => expect(maskEmail(s)).toBe(m));

  it('masks phones, ID numbers and emails inside free text, and leaves other text alone', () => {
    const text = 'row 3: 张三 13912873460 / +86 139-1287-3460, id 11010519491231002X, mail zhang.san@example.cn, order 20231105';
    const masked = maskFreeText(text);
    for (const secret of ['13912873460', '1287-3460', '11010519491231002X', 'zhang.san@']) expect(masked).not.toContain(secret);
    expect(masked).toContain('139****3460');
    expect(masked).toContain('1101**********002X');
    expect(masked).toContain('z***@example.cn');
    expect(masked).toContain('order 20231105');
    expect(maskFreeText('nothing personal here, row 12')).toBe('nothing personal here, row 12');
  });
});
