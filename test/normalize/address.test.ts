import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addressRule, type AddressInput } from '../../src/normalize/rules/address.js';
import { chineseToNumber } from '../../src/normalize/address/chinese-numerals.js';

const norm = (input: AddressInput) => addressRule.normalize(input, {});
const line = (address: string) => norm({ address });

describe('address rule: Chinese', () => {
  it.each([
    ['北京市海淀区中关村大街27号3栋2单元501', { province: '北京市', city: '北京市', district: '海淀区', street: '中关村大街', number: '27', unit: '3栋2单元501' }],
    ['海淀区中关村大街二十七号3号楼2单元501室', { province: '北京市', city: '北京市', district: '海淀区', street: '中关村大街', number: '27', unit: '3栋2单元501' }],
    ['北京海淀区中关村大街27号', { province: '北京市', district: '海淀区', number: '27' }],
    ['廣東省深圳市南山區科技園路1號', { province: '广东省', city: '深圳市', district: '南山区', street: '科技园路', number: '1' }],
    ['浙江杭州西湖区文三路90号', { province: '浙江省', city: '杭州市', district: '西湖区', street: '文三路', number: '90' }],
    ['广州市天河区天河路385号', { province: '广东省', city: '广州市', district: '天河区' }],
    ['上海市浦东新区世纪大道100号', { province: '上海市', city: '上海市', district: '浦东新区', street: '世纪大道', number: '100' }],
  ])('%s', (raw, parts) => {
    const r = line(raw);
    expect(r.parts).toMatchObject({ country: 'CN', ...parts });
    expect(r.issues).toEqual([]);
  });

  it('gives the same key to the same address written differently', () => {
    const keys = ['北京市海淀区中关村大街27号3栋2单元501', '海淀区中关村大街二十七号3号楼2单元501室', '北京 海淀区 中关村大街 27号 3幢 2单元 501'].map((a) => line(a).parts.key);
    expect(new Set(keys).size).toBe(1);
  });

  it('merges separate province / city / district columns with the street line', () => {
    expect(norm({ province: '北京', city: '北京市', district: '海淀区', address: '中关村大街27号' }).parts).toMatchObject({
      province: '北京市',
      district: '海淀区',
      street: '中关村大街',
      number: '27',
      display: '北京市海淀区中关村大街27号',
    });
  });

  it('does not guess the province of a district name several cities share', () => {
    // 朝阳区 is in Beijing and in Changchun; it is not the city 朝阳 (Liaoning) either.
    expect(line('朝阳区建国路88号').parts).toMatchObject({ province: null, city: null, district: '朝阳区', street: '建国路', number: '88' });
  });

  it.each([
    ['南京市海淀区学府路1号', 'address.district_not_in_city'],
    ['火星基地一号', 'address.unknown_region'],
  ])('%s → %s', (raw, code) => {
    expect(line(raw).issues.map((i) => i.code)).toEqual([code]);
  });

  it.each([
    ['二十七', 27],
    ['一百零五', 105],
    ['十', 10],
    ['三五', 35],
    ['中', null],
  ])('chineseToNumber(%s) = %s', (s, n) => expect(chineseToNumber(s)).toBe(n));
});

describe('address rule: Latin', () => {
  // Rows from fixtures/febrl/dataset1.csv: street_number, address_1, address_2, suburb, postcode, state.
  it.each([
    [{ street_number: '6', address: 'tullaroop street', address_2: 'willaroo', suburb: 'st james', postcode: '4011', state: 'wa' }, { number: '6', street: 'tullaroop st', line2: 'willaroo', suburb: 'st james', postcode: '4011', state: 'wa' }],
    [{ street_number: '69', address: 'giblin street', address_2: 'killarney', suburb: 'bittern', postcode: '4814', state: 'qld' }, { number: '69', street: 'giblin st', suburb: 'bittern', state: 'qld' }],
    [{ address: '3/27 King Street, Richmond VIC 3121' }, { unit: '3', number: '27', street: 'king st', suburb: 'richmond', state: 'vic', postcode: '3121' }],
    [{ address: 'Unit 4, 12 Smith Avenue, Sydney NSW 2000' }, { unit: '4', number: '12', street: 'smith ave', suburb: 'sydney', state: 'nsw', postcode: '2000' }],
    [{ address: '58 Church Drive, London W3 6ZW, United Kingdom' }, { number: '58', street: 'church dr', suburb: 'london', postcode: 'w36zw' }],
  ])('%j', (input, parts) => {
    expect(norm(input).parts).toMatchObject({ country: 'other', ...parts });
  });

  it('abbreviated and spelt-out street types share a key', () => {
    expect(line('27 Tullaroop Street, Bittern 4814').parts.key).toBe(line('27 tullaroop st, bittern 4814').parts.key);
  });
});

describe('address rule: placeholders and absurd values', () => {
  it.each(['无', '不详', 'test', 'xxx', '-'])('%s is a placeholder', (raw) => {
    expect(line(raw)).toMatchObject({ value: null, issues: [expect.objectContaining({ code: 'address.placeholder' })] });
  });

  it('a pasted paragraph is not an address', () => {
    expect(line('请在工作日下午五点以后送货，'.repeat(30)).issues.map((i) => i.code)).toEqual(['address.too_long']);
  });

  it('never throws and is deterministic', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        expect(line(s)).toEqual(line(s));
      }),
      { numRuns: 300 },
    );
  });
});
