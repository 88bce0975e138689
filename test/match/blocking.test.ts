import { describe, expect, it } from 'vitest';
import { blockRecords, parseBlockingRule } from '../../src/match/blocking/block.js';
import { DEFAULT_BLOCKING_RULES } from '../../src/match/blocking/keys.js';
import type { MatchFeatures } from '../../src/match/features.js';
import { feat } from './features-helper.js';

const decode = (pairs: Float64Array, n: number) => [...pairs].map((p) => [Math.floor(p / n), p % n]);

describe('blockRecords', () => {
  const records = [
    feat({ phones: ['+8613812345678'], pinyin: 'wei zhang', locality: '海淀区' }),
    feat({ phones: ['+8613812345678', '+8613900000001'], pinyin: 'wei zhang', locality: '朝阳区' }),
    feat({ phones: ['+8613900000001'], pinyin: 'wei zhang', locality: '海淀区' }),
    feat({ pinyin: 'na li', locality: '海淀区' }),
  ];

  it('unions the pairs of every rule, each pair once and a < b', () => {
    const { pairs, stats } = blockRecords(records, { rules: ['phone', 'name+locality'], maxBlockSize: 100, maxPairsPerRule: 1000 });
    expect(decode(pairs, records.length)).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    expect(stats).toEqual([
      { rule: 'phone', candidatePairs: 2, skippedBlocks: 0, skippedRecords: 0 },
      { rule: 'name+locality', candidatePairs: 1, skippedBlocks: 0, skippedRecords: 0 },
    ]);
  });

  it('blocks phones by their national digits: a number read under a wrong country code meets itself, once per record', () => {
    const phones = [
      feat({ phones: ['+867862446286'] }),
      feat({ phones: ['+447862446286', '+867862446286'] }),
      feat({ phones: ['+8613812345678'] }),
      feat({ phones: ['+447862446286'] }),
    ];
    const { pairs } = blockRecords(phones, { rules: ['phone'], maxBlockSize: 100, maxPairsPerRule: 1000 });
    expect(decode(pairs, phones.length)).toEqual([
      [0, 1],
      [0, 3],
      [1, 3],
    ]);
  });

  it('skips and counts blocks over the size cap instead of dropping them silently', () => {
    const many = Array.from({ length: 5 }, () => feat({ phones: ['+8610000000000'] }));
    const { pairs, stats } = blockRecords(many, { rules: ['phone'], maxBlockSize: 4, maxPairsPerRule: 1000 });
    expect(pairs.length).toBe(0);
    expect(stats[0]).toMatchObject({ skippedBlocks: 1, skippedRecords: 5 });
  });

  it('refuses a rule whose pairs would explode, with advice', () => {
    const many = Array.from({ length: 50 }, () => feat({ locality: '海淀区' }));
    const { pairs, stats } = blockRecords(many, { rules: ['locality'], maxBlockSize: 1000, maxPairsPerRule: 100 });
    expect(pairs.length).toBe(0);
    expect(stats[0].refused).toMatch(/1,225 pairs.*locality\+/);
  });

  it('never blocks records together on an empty value, whether the key is a feature or derived from one', () => {
    const some = [
      feat({ email: '', street: '', streetNumber: '1', pinyin: '' }),
      feat({ email: '', street: '', streetNumber: '1', pinyin: '' }),
      feat({ email: 'a@example.com', street: '人民路', streetNumber: '1', pinyin: 'na li' }),
      feat({ email: 'a@example.com', street: '人民路', streetNumber: '1', pinyin: 'na li' }),
    ];
    for (const rule of ['email', 'street+street_number', 'name']) {
      const { pairs } = blockRecords(some, { rules: [rule], maxBlockSize: 100, maxPairsPerRule: 1000 });
      expect(decode(pairs, some.length), rule).toEqual([[2, 3]]);
    }
  });

  it('names the known keys when a rule is misspelt', () => {
    expect(() => parseBlockingRule('name+distrikt')).toThrow(expect.objectContaining({ message: expect.stringContaining('unknown blocking key "distrikt"'), hint: expect.stringContaining('Known keys: phone, email') }));
  });

  it('default rules still pair two records of one person after any three typos or gaps, with no identifier', () => {
    const person = { name: 'rileygloster', pinyin: 'gloster riley', phonetic: 'KLSTR RL', given: 'riley', family: 'gloster', birthDate: '1959-01-24', locality: 'frankston', street: 'farrer pl', streetNumber: '24', postcode: '3178' };
    const changes: Partial<MatchFeatures>[] = [
      { name: 'glostermia', pinyin: 'gloster mia', phonetic: 'KLSTR M', given: 'mia' }, // given name replaced
      { name: 'rileyglossop', pinyin: 'glossop riley', phonetic: 'KLSP RL', family: 'glossop' }, // surname misspelt beyond its sound
      { name: 'rilygloster', pinyin: 'gloster rily', given: 'rily' }, // a typo that keeps the sound
      { birthDate: '1959-10-24' },
      { birthDate: null },
      { locality: 'franktson' },
      { street: 'farrerplace' },
      { streetNumber: null },
      { postcode: '3718' },
    ];
    const found = (...edits: Partial<MatchFeatures>[]) =>
      blockRecords([feat(person), feat(Object.assign({ ...person }, ...edits))], { rules: DEFAULT_BLOCKING_RULES, maxBlockSize: 300, maxPairsPerRule: 1000 }).pairs.length === 1;
    for (let i = 0; i < changes.length; i++) {
      for (let j = i + 1; j < changes.length; j++) {
        for (let k = j + 1; k < changes.length; k++) expect(found(changes[i], changes[j], changes[k]), JSON.stringify([changes[i], changes[j], changes[k]])).toBe(true);
      }
    }
  });
});
