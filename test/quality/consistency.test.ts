import { describe, expect, it } from 'vitest';
import { measureConsistency } from '../../src/quality/consistency.js';
import { ClusterIndex } from '../../src/quality/clusters.js';
import { email, name, phone, rec } from './records.js';

describe('measureConsistency', () => {
  // Customer A: three records, two sources; the phone differs in one. Customer B: a singleton. Customer C: same source twice.
  const records = [
    rec('crm.csv', 1, { name: name('张伟'), phones: [phone('+8613912873460')], email: email('zw@qq.com') }),
    rec('shop.csv', 1, { name: name('张伟'), phones: [phone('+8613912873460')] }),
    rec('web.csv', 1, { name: name('张伟'), phones: [phone('+8615821937465')], email: email('zw@qq.com') }),
    rec('crm.csv', 2, { name: name('王芳') }),
    rec('crm.csv', 3, { name: name('李娜'), phones: [phone('+8613800138000', false)] }),
    rec('crm.csv', 4, { name: name('李娜'), phones: [phone('+8613912345678')] }),
  ];
  const result = measureConsistency(records, new ClusterIndex([0, 0, 0, 1, 2, 2]));
  const field = (f: string) => result.fields.find((x) => x.field === f);

  it('counts customers with two or more values for a field, and those whose values differ', () => {
    expect(field('name')).toEqual({ field: 'name', compared: 2, disagreeing: 0 });
    expect(field('phone')).toEqual({ field: 'phone', compared: 1, disagreeing: 1 });
    expect(field('email')).toEqual({ field: 'email', compared: 1, disagreeing: 0 });
    expect(field('address')).toEqual({ field: 'address', compared: 0, disagreeing: 0 });
  });

  it('leaves fake numbers out: one real number is nothing to disagree with', () => {
    expect(result.compared[4]).toBe(1);
    expect(result.disagreeing[4]).toBe(0);
  });

  it('tallies record pairs per pair of sources, cross-source only, sorted', () => {
    expect(result.sourcePairs).toEqual([
      { a: 'crm.csv', b: 'shop.csv', compared: 2, disagreeing: 0 },
      { a: 'crm.csv', b: 'web.csv', compared: 3, disagreeing: 1 },
      { a: 'shop.csv', b: 'web.csv', compared: 2, disagreeing: 1 },
    ]);
  });

  it('tallies, per record, its comparisons with the other members of its customer', () => {
    // web.csv row 1: name ×2 agree, phone ×2 differ, email ×1 agree.
    expect([result.compared[2], result.disagreeing[2]]).toEqual([5, 2]);
    expect([result.compared[3], result.disagreeing[3]]).toEqual([0, 0]);
  });
});

describe('address consistency', () => {
  const empty = rec('x', 0).address;
  const addr = (p: Partial<typeof empty>) => ({ ...empty, key: Object.values(p).join('|'), ...p });
  const full = addr({ province: '广东省', city: '湛江市', district: '吴川市', street: '兴业东路', number: '71' });

  it.each([
    ['the same address', full, true],
    ['the same city, less detail', addr({ province: '广东省', city: '湛江市' }), true],
    ['a truncated street name', addr({ province: '广东省', city: '湛江市', district: '吴川市', street: '东路', number: '71' }), false],
    ['another house number', addr({ province: '广东省', city: '湛江市', district: '吴川市', street: '兴业东路', number: '17' }), false],
    ['another city', addr({ province: '广东省', city: '广州市' }), false],
  ])('%s: agrees %s', (_label, other, agrees) => {
    const records = [rec('a.csv', 1, { address: full }), rec('b.csv', 1, { address: other })];
    const result = measureConsistency(records, new ClusterIndex([0, 0]));
    expect(result.fields.find((f) => f.field === 'address')).toEqual({ field: 'address', compared: 1, disagreeing: agrees ? 0 : 1 });
  });
});
