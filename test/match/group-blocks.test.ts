import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupBlocks } from '../../src/match/blocking/group-blocks.js';
import { firstOfKeyColumn, keyColumn } from '../../src/match/blocking/key-columns.js';
import { BLOCKING_KEYS, KEY_FIRST_OF } from '../../src/match/blocking/keys.js';
import { FeatureColumns } from '../../src/match/feature-ids.js';
import type { MatchFeatures } from '../../src/match/features.js';
import { feat } from './features-helper.js';

/** The plain way: a map from the joined key to its records, each record once per block, blocks of one dropped. */
function reference(features: MatchFeatures[], keys: string[]): number[][] {
  const blocks = new Map<string, number[]>();
  features.forEach((f, i) => {
    let combos = [[] as string[]];
    for (const k of keys) {
      const v = BLOCKING_KEYS[k](f);
      const values = v === null || v === '' ? [] : typeof v === 'string' ? [v] : [...v];
      combos = combos.flatMap((c) => values.map((x) => [...c, x]));
    }
    for (const c of combos) {
      const key = JSON.stringify(c);
      const block = blocks.get(key) ?? blocks.set(key, []).get(key)!;
      if (block[block.length - 1] !== i) block.push(i);
    }
  });
  return [...blocks.values()].filter((b) => b.length >= 2);
}

function grouped(features: MatchFeatures[], keys: string[]): number[][] {
  const { members, blockStarts } = groupBlocks(keys.map((k) => keyColumn(BLOCKING_KEYS[k], features)), features.length);
  return Array.from({ length: blockStarts.length - 1 }, (_, b) => [...members.subarray(blockStarts[b], blockStarts[b + 1])]);
}

const sorted = (blocks: number[][]) => blocks.map((b) => b.join(',')).sort();

describe('groupBlocks', () => {
  it('puts a record with two phones in both phone blocks, and a phone written twice only once', () => {
    const features = [
      feat({ phones: ['+861', '+862'] }),
      feat({ phones: ['+862', '+862'] }),
      feat({ phones: ['+861'] }),
      feat({ phones: [] }),
      feat({ phones: ['+863'] }),
    ];
    expect(sorted(grouped(features, ['phone']))).toEqual(['0,1', '0,2']);
  });

  it('needs every part to agree, and treats an empty value as missing', () => {
    const features = [
      feat({ pinyin: 'wei zhang', locality: '海淀区' }),
      feat({ pinyin: 'wei zhang', locality: '朝阳区' }),
      feat({ pinyin: 'wei zhang', locality: '海淀区' }),
      feat({ email: '' }),
      feat({ email: '' }),
    ];
    expect(grouped(features, ['name', 'locality'])).toEqual([[0, 2]]);
    expect(grouped(features, ['email'])).toEqual([]);
  });

  it('finds the same blocks, records in ascending order, as grouping by joined keys', () => {
    const value = fc.option(fc.constantFrom('a', 'b', 'c', ''), { nil: null });
    const record = fc.record({ pinyin: value, locality: value, postcode: value, phones: fc.array(fc.constantFrom('+1', '+2', '+3'), { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), fc.subarray(['name', 'locality', 'postcode', 'phone'], { minLength: 1 }), (rows, keys) => {
        const features = rows.map((r) => feat(r));
        const blocks = grouped(features, keys);
        for (const b of blocks) expect(b).toEqual([...b].sort((x, y) => x - y));
        expect(sorted(blocks)).toEqual(sorted(reference(features, keys)));
      }),
    );
  });

  it('groups by the name key from the pinyin ids as by pinyin-else-name, whether or not some record has a name without pinyin', () => {
    const value = fc.option(fc.constantFrom('wei zhang', 'weizhang', 'li na', ''), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.record({ pinyin: value, name: value }), { maxLength: 30 }), (rows) => {
        const features = rows.map((r) => feat(r));
        const column = firstOfKeyColumn(KEY_FIRST_OF.name, new FeatureColumns(features), features, BLOCKING_KEYS.name);
        const { members, blockStarts } = groupBlocks([column], features.length);
        const blocks = Array.from({ length: blockStarts.length - 1 }, (_, b) => [...members.subarray(blockStarts[b], blockStarts[b + 1])]);
        expect(sorted(blocks)).toEqual(sorted(reference(features, ['name'])));
      }),
    );
  });
});
