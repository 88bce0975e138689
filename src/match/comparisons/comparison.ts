import type { MatchFeatures } from '../features.js';

/**
 * A comparison is data, as in Splink: an ordered list of levels, the first
 * level whose test passes wins, and a pair that passes none is "different".
 * A value missing on either side is "missing": neither agreement nor disagreement;
 * so is a pair the comparison cannot compare (`comparable`): one address naming
 * only a city, the other only a district, have no part to agree or disagree on.
 * Level indices: 0 = missing, 1..levels.length = the levels, levels.length + 1 = different.
 */
/** A match feature that holds one text value or none: what term frequencies count. */
export type TextFeature = { [K in keyof MatchFeatures]: MatchFeatures[K] extends string | null ? K : never }[keyof MatchFeatures];

export interface ComparisonLevel {
  label: string;
  test(a: MatchFeatures, b: MatchFeatures): boolean;
  /**
   * The features whose value two records at this level share (the level's
   * test makes them equal on both sides), whose rarity adjusts the level's
   * weight: agreeing on a rare surname, street or district is stronger
   * evidence than agreeing on 王, 人民路 or a big city. One feature: records
   * without it have no value. Several (a whole address): records share a value
   * when they agree on every one of them, a missing part agreeing with a
   * missing part, so every record has one.
   */
  termFrequency?: readonly TextFeature[];
}

export interface Comparison {
  name: string;
  doc: string;
  present(f: MatchFeatures): boolean;
  /** Whether two records that are both present have something to compare; absent, they always do. */
  comparable?(a: MatchFeatures, b: MatchFeatures): boolean;
  levels: ComparisonLevel[];
}

export const MISSING = 0;

export function levelCount(c: Comparison): number {
  return c.levels.length + 2;
}

export function levelLabel(c: Comparison, level: number): string {
  if (level === MISSING) return 'missing';
  return level <= c.levels.length ? c.levels[level - 1].label : 'different';
}

export function compareLevel(c: Comparison, a: MatchFeatures, b: MatchFeatures): number {
  if (!c.present(a) || !c.present(b) || (c.comparable && !c.comparable(a, b))) return MISSING;
  const levels = c.levels;
  for (let i = 0; i < levels.length; i++) if (levels[i].test(a, b)) return i + 1;
  return levels.length + 1;
}
