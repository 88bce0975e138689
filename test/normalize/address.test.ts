import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addressRule, readAddress, type AddressInput } from '../../src/normalize/rules/address.js';
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
    // A lane (弄) keeps its 弄, and a house in it is one of its buildings.
    ['上海市浦东新区张江路88弄3号', { district: '浦东新区', street: '张江路', number: '88弄', unit: '3栋', line2: null, display: '上海市浦东新区张江路88弄3栋' }],
    ['浦东新区张江路88弄15号', { street: '张江路', number: '88弄', unit: '15栋' }],
    ['浦东新区张江路八十八弄三号501室', { street: '张江路', number: '88弄', unit: '3栋501' }],
    ['浦东新区长乐路88弄', { street: '长乐路', number: '88弄', unit: null, display: '上海市浦东新区长乐路88弄' }],
    ['浦东新区张江路88号', { street: '张江路', number: '88', unit: null, display: '上海市浦东新区张江路88号' }],
    // An estate's name stays between the number and its buildings.
    ['广州市天河区体育西路27号阳光花园3栋2单元1502室', { number: '27', line2: '阳光花园', unit: '3栋2单元1502', display: '广东省广州市天河区体育西路27号阳光花园3栋2单元1502' }],
    // The country and a postcode before the address, as e-commerce exports write them.
    ['中国北京市朝阳区建国路88号', { province: '北京市', district: '朝阳区', street: '建国路', number: '88', display: '北京市朝阳区建国路88号' }],
    ['中国 广东省 广州市 天河区 天河路385号', { province: '广东省', city: '广州市', district: '天河区', street: '天河路', number: '385' }],
    ['100080 北京市海淀区中关村大街27号', { district: '海淀区', street: '中关村大街', number: '27', postcode: '100080', display: '北京市海淀区中关村大街27号' }],
    ['中国 510000 广州市天河区天河路385号', { city: '广州市', district: '天河区', postcode: '510000' }],
    // A city named like its province is the city.
    ['吉林市船营区东风路64号', { province: '吉林省', city: '吉林市', district: '船营区', street: '东风路', number: '64' }],
    ['吉林市', { province: '吉林省', city: '吉林市', street: null }],
    // Hong Kong and Macau are their own city, their districts under them; an area (九龙, 新界, 氹仔) stands for the region.
    ['香港九龙尖沙咀弥敦道100号', { province: '香港特别行政区', city: '香港特别行政区', district: null, street: '九龙尖沙咀弥敦道', number: '100' }],
    ['九龍旺角彌敦道', { province: '香港特别行政区', district: null, street: '九龙旺角弥敦道' }],
    ['香港新界沙田区', { province: '香港特别行政区', district: '沙田区', street: null }],
    ['湾仔区告士打道', { province: '香港特别行政区', city: '香港特别行政区', district: '湾仔区', street: '告士打道' }],
    ['澳門氹仔', { province: '澳门特别行政区', street: '氹仔' }],
    // Taiwan's cities and counties, their districts read by shape, never as mainland ones (新北 is not Changzhou's 新北区).
    ['臺北市大安區忠孝東路四段1號', { province: '台湾省', city: '台北市', district: '大安区', street: '忠孝东路四段', number: '1' }],
    ['新北市板橋區中山路一段161號', { province: '台湾省', city: '新北市', district: '板桥区', street: '中山路一段', number: '161' }],
    ['台北市市府路45号', { city: '台北市', district: null, street: '市府路', number: '45' }],
    ['新竹县竹北市光明六路', { city: '新竹县', district: '竹北市', street: '光明六路' }],
    // The mainland places those names also are.
    ['四川省九龙县', { province: '四川省', district: '九龙县' }],
    ['江苏省常州市新北区', { province: '江苏省', city: '常州市', district: '新北区' }],
  ])('%s', (raw, parts) => {
    const r = line(raw);
    expect(r.parts).toMatchObject({ country: 'CN', ...parts });
    expect(r.issues).toEqual([]);
  });

  it('gives the same key to the same address written differently', () => {
    const keys = ['北京市海淀区中关村大街27号3栋2单元501', '海淀区中关村大街二十七号3号楼2单元501室', '北京 海淀区 中关村大街 27号 3幢 2单元 501'].map((a) => line(a).parts.key);
    expect(new Set(keys).size).toBe(1);
  });

  it('gives each house in a lane its own key, and one key to a house written two ways', () => {
    const keys = ['浦东新区张江路88弄3号', '浦东新区张江路88弄15号', '浦东新区张江路88号', '浦东新区张江路88弄'].map((a) => line(a).parts.key);
    expect(new Set(keys).size).toBe(4);
    expect(line('浦东新区张江路88弄3号501室').parts.key).toBe(line('浦东新区张江路88弄3号楼501室').parts.key);
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

  it.each([
    // Streets named after places: the columns say where the address is, and the line's place name is the street's.
    [{ province: '四川省', city: '成都市', district: '锦江区', address: '天河西路53号28号楼2单元3204室' }, { district: '锦江区', street: '天河西路', number: '53' }],
    [{ province: '吉林省', city: '吉林市', district: '船营区', address: '东风路64号' }, { district: '船营区', street: '东风路', number: '64' }],
    [{ province: '江苏省', city: '南京市', district: '玄武区', address: '北京东路1号' }, { city: '南京市', district: '玄武区', street: '北京东路', number: '1' }],
    [{ province: '江苏省', city: '南京市', district: '高淳区', address: '南京路42号' }, { city: '南京市', district: '高淳区', street: '南京路', number: '42' }],
    [{ district: '延庆区', address: '南京街7号' }, { city: '北京市', district: '延庆区', street: '南京街', number: '7' }],
    // A county-level city in the city column is the district.
    [{ city: '五指山市', address: '南京街312号' }, { province: '海南省', district: '五指山市', street: '南京街', number: '312' }],
    [{ city: '昆山市', address: '前进路1号' }, { province: '江苏省', city: '苏州市', district: '昆山市', street: '前进路', number: '1' }],
    // The line may still repeat the columns' places.
    [{ city: '成都市', district: '锦江区', address: '锦江区天河西路53号' }, { district: '锦江区', street: '天河西路', number: '53' }],
  ] as [AddressInput, object][])('columns %o: the line keeps its street', (input, parts) => {
    expect(norm(input).parts).toMatchObject({ country: 'CN', ...parts });
  });

  it.each([
    ['广州天河路385号', { city: '广州市', district: null, street: '天河路', number: '385' }],
    ['广州市天河区天河路385号', { city: '广州市', district: '天河区', street: '天河路', number: '385' }],
    ['南京路1号', { province: null, city: null, street: '南京路', number: '1' }],
  ])('%s: a place name before a road word is a street name', (raw, parts) => {
    expect(line(raw).parts).toMatchObject(parts);
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
    [{ address: '180 Spring Road, Perth WA 6063, AU' }, { number: '180', street: 'spring rd', suburb: 'perth', state: 'wa', postcode: '6063' }],
    [{ address: '1015 Queen Street, Boston, MA 02178, United States' }, { number: '1015', street: 'queen st', suburb: 'boston', state: 'ma', postcode: '02178' }],
    [{ address: '12 Main St, Springfield, IL' }, { street: 'main st', suburb: 'springfield il', state: null }],
    [{ address: '212 Cedar Street\nEdinburgh EH9 1WJ' }, { number: '212', street: 'cedar st', suburb: 'edinburgh', postcode: 'eh91wj' }],
    [{ address: 'New York, NY 10015' }, { street: null, number: null, suburb: 'new york', state: 'ny', postcode: '10015' }],
    [{ address: 'Sydney NSW 2000' }, { street: null, suburb: 'sydney', state: 'nsw', postcode: '2000' }],
    [{ address: 'Queen Street, 4000' }, { street: 'queen st', suburb: null, postcode: '4000' }],
    // A unit after the street, in its piece or a piece of its own, with or without a comma before the locality.
    [{ address: '500 King Street Apt 12B, Austin, TX 78701' }, { unit: '12b', number: '500', street: 'king st', suburb: 'austin', state: 'tx', postcode: '78701' }],
    [{ address: '500 King Street Apt. 12B, Austin, TX 78701' }, { unit: '12b', number: '500', street: 'king st', suburb: 'austin' }],
    [{ address: '500 King St Apt12B, Austin' }, { unit: '12b', number: '500', street: 'king st', suburb: 'austin' }],
    [{ address: '500 King Street, Suite 400, Austin, TX 78701' }, { unit: '400', number: '500', street: 'king st', suburb: 'austin', postcode: '78701' }],
    [{ address: '500 King Street Ste 400 Austin TX 78701' }, { unit: '400', number: '500', street: 'king st', suburb: 'austin', state: 'tx', postcode: '78701' }],
    [{ address: '12 Main St Unit 5, Leeds' }, { unit: '5', number: '12', street: 'main st', suburb: 'leeds' }],
    [{ address: '12 Main St #12, Boston, MA 02110' }, { unit: '12', number: '12', street: 'main st', suburb: 'boston', state: 'ma' }],
    [{ address: '12 Main St Apt #12, Boston' }, { unit: '12', number: '12', street: 'main st', suburb: 'boston' }],
    [{ address: '58 Church Drive Flat 3, London W3 6ZW' }, { unit: '3', number: '58', street: 'church dr', suburb: 'london', postcode: 'w36zw' }],
    [{ address: '12 Main St Fl 2', city: 'Leeds' }, { unit: '2', street: 'main st', suburb: 'leeds' }],
    [{ address: '12 Main St Floor 2' }, { unit: '2', street: 'main st' }],
    [{ address: '12 Main St Rm 101' }, { unit: '101', street: 'main st' }],
    [{ address: '12 King St Apt B, Austin' }, { unit: 'b', street: 'king st', suburb: 'austin' }],
    // Street names with such a word and no number after it stay whole.
    [{ address: '12 Flat Rock Road, Richmond' }, { unit: null, street: 'flat rock rd', suburb: 'richmond' }],
    [{ address: '5 Kangaroo Flat Rd, Bendigo' }, { unit: null, street: 'kangaroo flat rd', suburb: 'bendigo' }],
    [{ address: '1 Ocean Dr, Miami, FL 33101' }, { unit: null, street: 'ocean dr', suburb: 'miami', state: 'fl', postcode: '33101' }],
    [{ address: 'Unit #4, 12 Smith Ave' }, { unit: '4', number: '12', street: 'smith ave' }],
  ])('%j', (input, parts) => {
    expect(norm(input).parts).toMatchObject({ country: 'other', ...parts });
  });

  it('abbreviated and spelt-out street types share a key', () => {
    expect(line('27 Tullaroop Street, Bittern 4814').parts.key).toBe(line('27 tullaroop st, bittern 4814').parts.key);
  });

  it('a unit after the street leaves the same street as without it', () => {
    expect(line('500 King Street Apt 12B, Austin, TX 78701').parts.street).toBe(line('500 King St, Austin').parts.street);
    expect(line('500 King Street Apt 12B, Austin, TX 78701').parts.key).not.toBe(line('500 King Street Apt 3A, Austin, TX 78701').parts.key);
  });
});

describe('address rule: placeholders and absurd values', () => {
  it.each(['无', '不详', 'test', 'xxx', '-', '同上', '同公司地址', '待补充', '详见备注', '/', '—', 'TBD', 'same as above'])('%s is a placeholder', (raw) => {
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

describe('address rule: the country an address says it is in', () => {
  it.each([
    [{ address: '1015 Queen Street, Boston, MA 02178' }, 'US'],
    [{ address: '2196 York Avenue, Seattle, WA 98197' }, 'US'],
    [{ address: '7 Park Close, Perth WA 6063' }, 'AU'],
    [{ address: '180 Spring Road, Adelaide SA 5118' }, 'AU'],
    [{ address: '212 Cedar Street, Edinburgh EH9 1WJ' }, 'GB'],
    [{ address: '12 King St, Toronto M5V 2T6' }, 'CA'],
    [{ address: '58 Church Drive, London, United Kingdom' }, 'GB'],
    [{ address: '3 Elm Rd, Springfield', country: 'Australia' }, 'AU'],
    [{ address: '2174 George Road', city: 'Seattle', state: 'WA' }, null],
    [{ address: '12 King St, Springfield' }, null],
    [{ address: '北京市海淀区中关村大街27号' }, 'CN'],
    [{ address: '12 Nanjing Rd', country: 'China' }, 'CN'],
    [{ address: '无' }, null],
  ] as [AddressInput, string | null][])('%j → %s', (input, country) => {
    expect(readAddress(input).country).toBe(country);
  });
});
