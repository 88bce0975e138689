import { describe, expect, it } from 'vitest';
import { isTotalRow } from '../../src/io/total-row.js';

describe('isTotalRow', () => {
  it.each([
    [['合计: 120', '', '', '']],
    [['合计', '', '3,500.00', '12']],
    [['', '总计：', '¥ 1,234.50']],
    [['小计', '8']],
    [['Total', '', '', '3500.00']],
    [['GRAND TOTAL: 1,024 rows']],
    [['Subtotal', '-12.5', '40%']],
    [['共120条记录', '', '']],
    [['共 1,024 条']],
  ])('%j is a totals row', (fields) => {
    expect(isTotalRow(fields)).toBe(true);
  });

  it.each([
    [['Total S.A.', '+33 1 47 44 45 46', 'contact@total.com']],
    [['Total', '13800138000', 'z@x.cn']],
    [['总计划局', '', '']],
    [['合计', '张伟']],
    [['张伟', '合计']],
    [['共青团委员会', '']],
    [['', '', '']],
    [['Sum Wing Kei', '']],
  ])('%j is not', (fields) => {
    expect(isTotalRow(fields)).toBe(false);
  });
});
