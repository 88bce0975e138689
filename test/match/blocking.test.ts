import { describe, expect, it } from 'vitest';
import { blockRecords, parseBlockingRule } from '../../src/match/blocking/block.js';
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

  it('names the known keys when a rule is misspelt', () => {
    expect(() => parseBlockingRule('name+distrikt')).toThrow(expect.objectContaining({ message: expect.stringContaining('unknown blocking key "distrikt"'), hint: expect.stringContaining('Known keys: phone, email') }));
  });
});
