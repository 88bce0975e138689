import type { Candidate, RuleContext, SurvivorshipRule } from './candidate.js';

export interface Ranked<C extends Candidate> {
  winner: C;
  order: C[];
  /** The rule that separated the winner from the first differing value, or "only_value" / "all_agree" / "input_order". */
  rule: string;
  distinct: number;
}

/** Sort candidates by the rules in turn; report the rule that separated the winner from the first differing value. */
export function rank<C extends Candidate>(candidates: C[], rules: readonly SurvivorshipRule[], sourceRank: Map<string, number>): Ranked<C> | null {
  if (!candidates.length) return null;
  const frequency = new Map<string, number>();
  for (const c of candidates) frequency.set(c.value, (frequency.get(c.value) ?? 0) + 1);
  const ctx: RuleContext = { frequency, sourceRank };
  // Each candidate's rank under each rule, worked out once instead of at every comparison.
  const width = rules.length;
  const ranks: number[] = [];
  for (const c of candidates) for (const r of rules) ranks.push(r.rank(c, ctx));
  const order = candidates
    .map((_, x) => x)
    .sort((x, y) => {
      for (let k = 0; k < width; k++) {
        const d = ranks[y * width + k] - ranks[x * width + k];
        if (d !== 0 && !Number.isNaN(d)) return d;
      }
      const a = candidates[x];
      const b = candidates[y];
      return a.index - b.index || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
    });
  const winner = order[0];
  const rival = order.find((x) => candidates[x].value !== candidates[winner].value);
  let rule = frequency.size === 1 ? (candidates.length === 1 ? 'only_value' : 'all_agree') : 'input_order';
  if (rival !== undefined) {
    const decisive = rules.findIndex((_, k) => ranks[winner * width + k] !== ranks[rival * width + k]);
    if (decisive >= 0) rule = rules[decisive].id;
  }
  return { winner: candidates[winner], order: order.map((x) => candidates[x]), rule, distinct: frequency.size };
}
