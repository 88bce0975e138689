import { describe, expect, it } from 'vitest';
import { COMPARISONS } from '../../src/match/comparisons/index.js';
import { compareLevel, levelLabel } from '../../src/match/comparisons/comparison.js';
import type { MatchFeatures } from '../../src/match/features.js';
import { feat } from './features-helper.js';

const byName = (name: string) => COMPARISONS.find((c) => c.name === name)!;
const level = (name: string, a: Partial<MatchFeatures>, b: Partial<MatchFeatures>) => {
  const c = byName(name);
  return levelLabel(c, compareLevel(c, feat(a), feat(b)));
};

// ESLint-style table: comparison, left, right, expected level.
const CASES: [string, Partial<MatchFeatures>, Partial<MatchFeatures>, string][] = [
  ['name', { name: '张伟', pinyin: 'wei zhang' }, { name: '张伟', pinyin: 'wei zhang' }, 'exact'],
  ['name', { name: '张伟', pinyin: 'wei zhang' }, { name: '章伟', pinyin: 'wei zhang' }, 'pinyin_equal'],
  ['name', { name: '张伟', pinyin: 'wei zhang' }, { name: 'weizhang', pinyin: 'wei zhang' }, 'pinyin_equal'],
  ['name', { name: 'johnsmith', phonetic: 'SM0 JN' }, { name: 'jonsmith', phonetic: 'SM0 JN' }, 'phonetic_or_jw_0.92'],
  ['name', { name: 'katherinebrown', family: 'brown', given: 'katherine' }, { name: 'kathrynbrown', family: 'brown', given: 'kathryn' }, 'phonetic_or_jw_0.92'],
  ['name', { name: 'waller', family: 'waller' }, { name: 'lachlanwaller', family: 'waller', given: 'lachlan' }, 'family_equal'],
  ['name', { name: 'noahanderson', family: 'anderson', given: 'noah' }, { name: 'noahwilliams', family: 'williams', given: 'noah' }, 'given_equal'],
  // The whole names are close, but one part is plainly different: not the same name with a typo.
  ['name', { name: 'alexanderdent', family: 'dent', given: 'alexander' }, { name: 'alexanderdixon', family: 'dixon', given: 'alexander' }, 'given_equal'],
  ['name', { name: 'emmaclarke', family: 'clarke', given: 'emma', phonetic: 'AM KLRK' }, { name: 'amyclarke', family: 'clarke', given: 'amy', phonetic: 'AM KLRK' }, 'different'],
  ['name', { name: 'ashleighquilliam', family: 'quilliam', given: 'ashleigh', phonetic: 'AXL KLM' }, { name: 'quilliamashleih', family: 'ashleih', given: 'quilliam', phonetic: 'AXL KLM' }, 'phonetic_or_jw_0.92'],
  ['name', { name: '王伟', pinyin: 'wei wang', family: '王', given: '伟' }, { name: '李娜', pinyin: 'li na', family: '李', given: '娜' }, 'different'],
  ['name', { name: null }, { name: '李娜' }, 'missing'],
  // A surname from a placeholder (王先生): it agrees or disagrees as a surname, never as a whole name.
  ['name', { name: null, family: '王' }, { name: '王超凯', pinyin: 'chaokai wang', family: '王', given: '超凯' }, 'family_equal'],
  ['name', { name: null, family: '王' }, { name: null, family: '王' }, 'family_equal'],
  // An initial agrees with a given name it starts.
  ['name', { name: 'emitchell', family: 'mitchell', given: 'e' }, { name: 'edwardmitchell', family: 'mitchell', given: 'edward' }, 'family_equal'],
  ['name', { name: 'emitchell', family: 'mitchell', given: 'e' }, { name: 'robertmitchell', family: 'mitchell', given: 'robert' }, 'different'],
  ['name', { name: null, family: '王' }, { name: '李娜', pinyin: 'li na', family: '李', given: '娜' }, 'different'],
  ['name', { name: null, family: '王' }, { name: null }, 'missing'],
  // Names of two generations are different however alike; one without a generation is no conflict.
  ['name', { name: 'johnsmith', given: 'john', family: 'smith', generation: '2' }, { name: 'johnsmith', given: 'john', family: 'smith', generation: '1' }, 'different'],
  ['name', { name: 'johnsmith', given: 'john', family: 'smith', generation: '2' }, { name: 'jonsmith', given: 'jon', family: 'smith', generation: '3' }, 'different'],
  ['name', { name: 'johnsmith', given: 'john', family: 'smith', generation: '2' }, { name: 'johnsmith', given: 'john', family: 'smith', generation: '2' }, 'exact'],
  ['name', { name: 'johnsmith', given: 'john', family: 'smith', generation: '2' }, { name: 'johnsmith', given: 'john', family: 'smith' }, 'exact'],
  ['phone', { phones: ['+8613812345678', '+8602161234567'] }, { phones: ['+8613812345678'] }, 'exact'],
  ['phone', { phones: ['+8613812345678'] }, { phones: ['+8613812345679'] }, 'one_digit_apart'],
  // A shared home line or switchboard is a level of its own; a mobile shared besides it is not.
  ['phone', { phones: ['+861085801888'] }, { phones: ['+861085801888'] }, 'exact_fixed_line'],
  ['phone', { phones: ['+61298765432'] }, { phones: ['+61298765432', '+61412345678'] }, 'exact_fixed_line'],
  ['phone', { phones: ['+61298765432', '+61412345678'] }, { phones: ['+61298765432', '+61412345678'] }, 'exact'],
  // Where the plan cannot tell fixed lines from mobiles (North America), a shared number counts as personal.
  ['phone', { phones: ['+14155552671'] }, { phones: ['+14155552671'] }, 'exact'],
  // 07862 446286 in a record without an address is read in China (--region): the same mobile as +44 7862 446286.
  ['phone', { phones: ['+867862446286'] }, { phones: ['+8613812345678', '+447862446286'] }, 'same_national_number'],
  ['phone', { phones: ['+8613812345678'] }, { phones: ['+8613987654321'] }, 'different'],
  ['phone', { phones: [] }, { phones: ['+8613987654321'] }, 'missing'],
  ['email', { email: 'wei.zhang@qq.com' }, { email: 'wei.zhang@qq.com' }, 'exact'],
  ['email', { email: 'wei.zhang@qq.com' }, { email: 'wei.zhang@163.com' }, 'near'],
  ['email', { email: 'wei.zhang@qq.com' }, { email: 'wei.zhamg@qq.com' }, 'near'],
  ['email', { email: 'zhanghanping@gmail.com' }, { email: 'zhnaghanping@gmail.com' }, 'near'],
  ['email', { email: 'zhanghanping@gmail.com' }, { email: 'zhnaghanpign@gmail.com' }, 'different'],
  ['email', { email: 'ab@qq.com' }, { email: 'ab@163.com' }, 'different'],
  ['id_number', { idNumber: '11010519491231002X' }, { idNumber: '11010519491231002X' }, 'exact'],
  ['id_number', { idNumber: '11010519491231002X' }, { idNumber: '11010519491213002X' }, 'one_typo'],
  ['id_number', { idNumber: '11010519491231002X' }, { idNumber: '440301199001011234' }, 'different'],
  ['birth_date', { birthDate: '1990-03-07' }, { birthDate: '1990-03-07' }, 'exact'],
  ['birth_date', { birthDate: '1990-03-07' }, { birthDate: '1990-07-03' }, 'day_month_swapped'],
  ['birth_date', { birthDate: '1990-03-07' }, { birthDate: '1909-03-07' }, 'one_part_differs'],
  ['birth_date', { birthDate: '1990-03-07' }, { birthDate: '1985-11-21' }, 'different'],
  ['company', { company: '华为技术' }, { company: '华为技术' }, 'exact'],
  ['street', { street: 'tullaroop st' }, { street: 'tullarop st' }, 'jw_0.88'],
  ['street', { street: '中关村大街' }, { street: '人民路' }, 'different'],
  ['address', { locality: 'forest hill', street: 'lance hill ave', streetNumber: '26' }, { locality: 'forest hill', street: 'lance hill ave', streetNumber: '26' }, 'exact'],
  // A misspelt suburb is still the same place below exact; another suburb is not.
  ['address', { locality: 'forest hill', street: 'lance hill ave', streetNumber: '26' }, { locality: 'forets hill', street: 'lance hill ave', streetNumber: '26' }, 'street_and_number'],
  ['address', { locality: 'orante', street: 'candlebari cl' }, { locality: 'orange', street: 'candlebark cl' }, 'same_street'],
  ['address', { locality: '海淀区', street: '中关村大街', streetNumber: '27' }, { locality: '朝阳区', street: '中关村大街', streetNumber: '27' }, 'different'],
  ['address', { locality: 'manchester' }, { locality: 'manchester', street: 'hill ln', streetNumber: '8' }, 'same_locality'],
  ['address', { locality: 'manchester', street: 'hill ln', streetNumber: '8' }, { locality: 'manchester', street: 'king st', streetNumber: '8' }, 'same_locality_other_street'],
  ['address', { locality: '海淀区', street: '中关村大街', streetNumber: '27' }, { locality: '海淀区', street: '学院路', streetNumber: '3' }, 'same_locality_other_street'],
  ['address', { city: '长沙市' }, { city: '长沙市', locality: '芙蓉区', street: '人民南路', streetNumber: '251' }, 'same_city'],
  ['address', { city: '长沙市' }, { city: '西安市', locality: '碑林区', street: '长江路', streetNumber: '45' }, 'different'],
  ['address', { city: '长沙市', locality: '岳麓区' }, { city: '长沙市', locality: '芙蓉区' }, 'different'],
  // No part in common: a city against a district several cities have (朝阳区: Beijing, Changchun), or against a street alone.
  ['address', { city: '北京市' }, { locality: '朝阳区', street: '建国路', streetNumber: '256' }, 'missing'],
  ['address', { city: '杭州市' }, { locality: '西湖区' }, 'missing'],
  ['address', { city: '北京市' }, { street: '南京路', streetNumber: '1' }, 'missing'],
  ['address', { street: 'king st', streetNumber: '500' }, { locality: 'austin' }, 'missing'],
  // …but a district none of the city's is another place.
  ['address', { city: '上海市' }, { locality: '西湖区' }, 'different'],
  ['address', { city: '北京市' }, { locality: '朝阳区', city: '长春市' }, 'different'],
  // Two flats of one house are neighbours; a unit written without its building may be the same one.
  ['address', { locality: 'austin', street: 'king st', streetNumber: '500', unit: '12b' }, { locality: 'austin', street: 'king st', streetNumber: '500', unit: '3a' }, 'same_street'],
  ['address', { locality: 'austin', street: 'king st', streetNumber: '500', unit: '12b' }, { locality: 'austin', street: 'king st', streetNumber: '500', unit: '2b' }, 'same_street'],
  ['address', { locality: 'austin', street: 'king st', streetNumber: '500', unit: '12b' }, { street: 'king st', streetNumber: '500' }, 'street_and_number'],
  ['address', { locality: '朝阳区', street: '建国路', streetNumber: '88', unit: '3栋2单元501' }, { locality: '朝阳区', street: '建国路', streetNumber: '88', unit: '2单元501' }, 'street_and_number'],
  ['address', { locality: '朝阳区', street: '建国路', streetNumber: '88', unit: '3栋2单元501' }, { locality: '朝阳区', street: '建国路', streetNumber: '88', unit: '3栋2单元502' }, 'same_street'],
  ['street_number', { streetNumber: '27' }, { streetNumber: '27' }, 'exact'],
  ['street_number', { streetNumber: '27' }, { streetNumber: '72' }, 'different'],
  ['postcode', { postcode: '100080', street: '中关村大街' }, { postcode: '100080' }, 'exact'],
  ['postcode', { postcode: '2600', street: 'tullaroop st' }, { postcode: '2600', street: 'tullarop st' }, 'exact'],
  // The same postcode on two streets: a neighbour as likely as the customer who moved.
  ['postcode', { postcode: '100080', street: '中关村大街' }, { postcode: '100080', street: '学院路' }, 'exact_other_street'],
  ['postcode', { postcode: '4011' }, { postcode: '4012' }, 'one_digit_apart'],
  ['postcode', { postcode: '4011' }, { postcode: '2600' }, 'different'],
];

describe('comparison levels', () => {
  it.each(CASES)('%s: %j vs %j → %s', (name, a, b, expected) => {
    expect(level(name, a, b)).toBe(expected);
    expect(level(name, b, a)).toBe(expected); // symmetric
  });

  it('every comparison has a doc, unique name and at most 14 levels (patterns encode levels in base 16)', () => {
    expect(new Set(COMPARISONS.map((c) => c.name)).size).toBe(COMPARISONS.length);
    for (const c of COMPARISONS) {
      expect(c.doc.length).toBeGreaterThan(10);
      expect(c.levels.length + 2).toBeLessThanOrEqual(16);
    }
  });
});
