import type { Comparison } from '../comparisons/comparison.js';
import type { MatchFeatures } from '../features.js';
import type { BlockingRuleStats } from '../../model/match.js';
import { KEY_COMPARISONS } from '../blocking/keys.js';
import { ruleKeyNames } from '../blocking/block.js';

/**
 * u of a comparison's first level counted from the candidate pairs, where
 * blocking finds every pair at that level: a rule of one key that constrains
 * only this comparison (`phone`, `email`, `id_number`) and skipped no block.
 * Equal phones share the phone key, so all such pairs are candidates, and
 * their number over all pairs with the comparison present is the chance
 * agreement exactly.
 *
 * Random pairs cannot measure it: of 200,000, those with an email on both
 * sides number some thousands and none shares one, so smoothing alone puts u
 * near 1 / thousands — at a million records ten times the true rate, while the
 * prior keeps falling with the number of pairs. Agreeing on an email or phone
 * then counted for less the more records there were.
 *
 * Returns u with those levels replaced (the others rescaled to keep the sum);
 * unchanged where random pairs already were every pair.
 */
export function countedU(
  u: readonly (readonly number[])[],
  comparisons: readonly Comparison[],
  features: readonly MatchFeatures[],
  levels: Uint8Array,
  /** One per blocking rule, in rule order. */
  stats: readonly BlockingRuleStats[],
  randomPairs: number,
): number[][] {
  const width = comparisons.length;
  const pairCount = levels.length / width;
  return comparisons.map((c, x) => {
    const shares = [...u[x]];
    const complete = stats.some((stat) => {
      const keys = ruleKeyNames(stat.rule);
      const constrained = KEY_COMPARISONS[keys[0]];
      return keys.length === 1 && constrained?.length === 1 && constrained[0] === c.name && !stat.refused && stat.skippedBlocks === 0;
    });
    if (!complete) return shares;
    let present = 0;
    for (const f of features) if (c.present(f)) present++;
    const pairs = (present * (present - 1)) / 2;
    if (pairs <= randomPairs) return shares;
    let agreeing = 0;
    for (let k = 0; k < pairCount; k++) if (levels[k * width + x] === 1) agreeing++;
    if (agreeing === 0) return shares;
    const counted = agreeing / pairs;
    const rest = (1 - counted) / (1 - shares[1]);
    return shares.map((s, l) => (l === 1 ? counted : s * rest));
  });
}
