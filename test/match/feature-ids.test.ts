import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FeatureColumns } from '../../src/match/feature-ids.js';
import { keyColumn, listKeyColumn } from '../../src/match/blocking/key-columns.js';
import { BLOCKING_KEYS, KEY_LISTS } from '../../src/match/blocking/keys.js';
import type { MatchFeatures } from '../../src/match/features.js';
import { feat } from './features-helper.js';

/** The plain way: number values in order of first appearance, −1 for a missing one. */
function referenceIds(values: readonly (string | null)[]): number[] {
  const idOf = new Map<string, number>();
  return values.map((v) => (v === null ? -1 : (idOf.get(v) ?? idOf.set(v, idOf.size).get(v)!)));
}

describe('FeatureColumns', () => {
  it('numbers a feature by first appearance, −1 where it is missing, and knows the empty string', () => {
    const features = [feat({ family: '王' }), feat(), feat({ family: '李' }), feat({ family: '王' }), feat({ family: '' })];
    const { ids, distinct, emptyId } = new FeatureColumns(features).ids('family');
    expect([...ids]).toEqual([0, -1, 1, 0, 2]);
    expect(distinct).toBe(3);
    expect(emptyId).toBe(2);
    expect(new FeatureColumns([feat({ family: '王' })]).ids('family').emptyId).toBe(-1);
  });

  it('numbers every phone of every record, a record without phones having none', () => {
    const features = [feat({ phones: ['+8613912345678', '+8613800000001'] }), feat(), feat({ phones: ['+8613800000001'] })];
    const { starts, ids, distinct, value } = new FeatureColumns(features).listIds('phones');
    expect([...starts]).toEqual([0, 2, 2, 3]);
    expect([...ids]).toEqual([0, 1, 1]);
    expect(distinct).toBe(2);
    expect(value(1)).toBe('+8613800000001');
  });

  it('numbers like a Map, gives the phone key the ids it has record by record, and leaves every value as it was', () => {
    const value = fc.option(fc.constantFrom('王伟', '张伟', '', 'Wei Zhang', 'wei'), { nil: null });
    const phone = fc.constantFrom('+8613912345678', '+4413912345678', '+447862446286', '+867862446286', '+17185593856');
    const record = fc.record({ family: value, street: value, phones: fc.uniqueArray(phone, { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (parts) => {
        const features: MatchFeatures[] = parts.map((p) => feat(p));
        const before = structuredClone(features);
        const columns = new FeatureColumns(features);
        for (const f of ['family', 'street'] as const) expect([...columns.ids(f).ids]).toEqual(referenceIds(before.map((x) => x[f])));
        const phones = listKeyColumn(columns.listIds('phones'), KEY_LISTS.phone.keyOf);
        const plain = keyColumn(BLOCKING_KEYS.phone, before);
        expect([...phones.starts]).toEqual([...plain.starts]);
        expect([...phones.ids]).toEqual([...plain.ids]);
        expect(phones.distinct).toBe(plain.distinct);
        expect(features).toEqual(before);
      }),
    );
  });
});
