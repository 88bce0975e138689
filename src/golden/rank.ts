import type { Candidate, RuleContext, SurvivorshipRule } from './candidate.js';

/**
 * Ranks one field's candidates by the rules in turn (higher wins, each rule
 * breaking the ties the previous ones left, then input order) and reports the
 * rule that separated the winner from the first differing value.
 *
 * One ranker serves every decision of a golden table: the ranks go into one
 * growing buffer, since a million records make hundreds of thousands of
 * decisions, most between two or three values, whose frequencies are counted
 * by comparing them rather than in a map made for each. The winner and the
 * runners-up are found by scanning for the best candidate instead of sorting
 * them all: the order is a strict one (ties broken by input position, as a
 * stable sort would), so the first of a sorted list is the best of a scan.
 * Only a rank that is not a number (an unparseable date) makes comparisons
 * inconsistent; the candidates are then sorted, as they always were.
 */
/** Up to this many candidates, value frequencies are counted by comparing values pairwise. */
const FEW = 8;

export class Ranker<C extends Candidate> {
  /** Position of the winner among the candidates last ranked. */
  winner = -1;
  /** The rule that separated the winner from the first differing value, or "only_value" / "all_agree" / "input_order". */
  rule = '';
  /** Distinct values among the candidates. */
  distinct = 0;
  private candidates: readonly C[] = [];
  private count = 0;
  private width = 0;
  private ranks = new Float64Array(64);
  /** The sorted positions, only when a rank is not a number. */
  private order: number[] | null = null;
  /** Value frequencies of many candidates (more than FEW); cleared for each. */
  private readonly frequency = new Map<string, number>();
  private readonly ctx: RuleContext;

  constructor(sourceRank: Map<string, number>) {
    this.ctx = { frequency: (value) => this.frequencyOf(value), sourceRank };
  }

  /** Rank the first `count` candidates (at least one). */
  rank(candidates: readonly C[], count: number, rules: readonly SurvivorshipRule[]): void {
    this.candidates = candidates;
    this.count = count;
    this.distinct = count > FEW ? this.countValues() : this.countDistinct();
    // Each candidate's rank under each rule, worked out once instead of at every comparison.
    const width = (this.width = rules.length);
    if (this.ranks.length < count * width) this.ranks = new Float64Array(Math.max(count * width, 2 * this.ranks.length));
    const ranks = this.ranks;
    let numbers = true;
    for (let x = 0; x < count; x++) {
      for (let k = 0; k < width; k++) {
        const r = rules[k].rank(candidates[x], this.ctx);
        ranks[x * width + k] = r;
        if (r !== r) numbers = false;
      }
    }
    this.order = null;
    if (!numbers) {
      const order: number[] = [];
      for (let x = 0; x < count; x++) order.push(x);
      this.order = order.sort((x, y) => this.compare(x, y));
    }
    const winner = (this.winner = this.best(null, false));
    this.rule = this.distinct === 1 ? (count === 1 ? 'only_value' : 'all_agree') : 'input_order';
    const rival = this.best(candidates[winner].value, false);
    if (rival >= 0) {
      for (let k = 0; k < width; k++) {
        if (ranks[winner * width + k] !== ranks[rival * width + k]) {
          this.rule = rules[k].id;
          break;
        }
      }
    }
  }

  /** How many of the candidates hold `value`. */
  private frequencyOf(value: string): number {
    if (this.count > FEW) return this.frequency.get(value) ?? 0;
    let n = 0;
    for (let x = 0; x < this.count; x++) if (this.candidates[x].value === value) n++;
    return n;
  }

  /** Fills the frequency map; the number of distinct values. */
  private countValues(): number {
    const frequency = this.frequency;
    frequency.clear();
    for (let x = 0; x < this.count; x++) {
      const value = this.candidates[x].value;
      frequency.set(value, (frequency.get(value) ?? 0) + 1);
    }
    return frequency.size;
  }

  /** Distinct values among few candidates: those not held by an earlier one. */
  private countDistinct(): number {
    let distinct = 0;
    for (let x = 0; x < this.count; x++) {
      let y = 0;
      while (y < x && this.candidates[y].value !== this.candidates[x].value) y++;
      if (y === x) distinct++;
    }
    return distinct;
  }

  /** The best candidate whose value differs from the winner's and that passed validation, or -1. */
  runnerUp(): number {
    return this.best(this.candidates[this.winner].value, true);
  }

  /** The first candidate in rank order whose value is not `differentFrom` (any, when null) and, with `validOnly`, that is valid. */
  private best(differentFrom: string | null, validOnly: boolean): number {
    const candidates = this.candidates;
    const accepts = (x: number) => (differentFrom === null || candidates[x].value !== differentFrom) && (!validOnly || candidates[x].valid);
    if (this.order) {
      for (const x of this.order) if (accepts(x)) return x;
      return -1;
    }
    let best = -1;
    for (let x = 0; x < this.count; x++) if (accepts(x) && (best < 0 || this.compare(x, best) < 0)) best = x;
    return best;
  }

  /** Negative when candidate x ranks before y: the rules in turn, then input position, then value. */
  private compare(x: number, y: number): number {
    const { ranks, width } = this;
    for (let k = 0; k < width; k++) {
      const d = ranks[y * width + k] - ranks[x * width + k];
      if (d !== 0 && !Number.isNaN(d)) return d;
    }
    const a = this.candidates[x];
    const b = this.candidates[y];
    return a.index - b.index || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
  }
}
