/** One member's value for one golden field, with what survivorship rules look at. */
export interface Candidate {
  value: string;
  /** Member position in input order (the final tie-break). */
  index: number;
  source: string;
  row: number;
  /** Passed validation (valid phone, checksum-correct ID, non-placeholder name …). */
  valid: boolean;
  /** ISO date of the member's last update, or null. */
  updatedAt: string | null;
  /** That date as a time (Date.parse), -Infinity without one. */
  updatedTime: number;
  /** Share of the member record's fields that are filled. */
  completeness: number;
}

export interface RuleContext {
  /** How many of the candidates hold a value. */
  frequency(value: string): number;
  /** Source name → rank (0 = most trusted). */
  sourceRank: Map<string, number>;
}

/**
 * A survivorship rule ranks candidates: higher wins. Rules are applied in the
 * configured order, each breaking the ties the previous ones left.
 */
export interface SurvivorshipRule {
  id: string;
  doc: string;
  rank(c: Candidate, ctx: RuleContext): number;
}
