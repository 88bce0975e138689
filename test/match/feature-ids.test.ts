import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FeatureColumns } from '../../src/match/feature-ids.js';
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

  it('numbers like a Map and leaves every value as it was', () => {
    const value = fc.option(fc.constantFrom('王伟', '张伟', '', 'Wei Zhang', 'wei'), { nil: null });
    const record = fc.record({ family: value, street: value });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (parts) => {
        const features: MatchFeatures[] = parts.map((p) => feat(p));
        const before = structuredClone(features);
        const columns = new FeatureColumns(features);
        for (const f of ['family', 'street'] as const) expect([...columns.ids(f).ids]).toEqual(referenceIds(before.map((x) => x[f])));
        expect(features).toEqual(before);
      }),
    );
  });
});
