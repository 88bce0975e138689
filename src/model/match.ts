/** Plain data passed from the match stage to golden records, explanations, review and quality. */

/** One field's outcome when two records are compared. */
export interface FieldComparison {
  /** Comparison name, e.g. "name", "phone", "birth_date". */
  field: string;
  /** Level label, e.g. "exact", "pinyin_equal", "jaro_winkler_0.92", "different", "missing". */
  level: string;
  /** Match weight (log2 Bayes factor) this level contributed; 0 for missing. */
  weight: number;
}

export interface ScoredPair {
  /** Indices into the record array given to the matcher, a < b. */
  a: number;
  b: number;
  /** Total match weight (log2 of the Bayes factor, prior included). */
  weight: number;
  /** Posterior match probability 0..1. */
  probability: number;
  /** Per-field levels and weights; kept for review pairs, recomputed on demand (`crmclean explain`) for matches. */
  comparisons?: FieldComparison[];
  /** Why the pair was decided, when not by score: a steward decision. */
  decidedBy?: 'steward_match' | 'steward_no_match';
}

export interface BlockingRuleStats {
  rule: string;
  candidatePairs: number;
  /** Blocks over the size cap, skipped (and counted, never silently dropped). */
  skippedBlocks: number;
  skippedRecords: number;
  /** Set when the whole rule was refused because its blocks would explode: the advice. */
  refused?: string;
}

export interface MatchResult {
  /** Each cluster is a sorted list of record indices; clusters sorted by their first index. */
  clusters: number[][];
  /** Per record: the cluster index it belongs to. */
  clusterOf: number[];
  /** Per record: the best match probability that put it in its cluster (null for a singleton). */
  scoreOf: (number | null)[];
  /** Pairs accepted as matches (probability ≥ upper threshold or steward match). */
  matches: ScoredPair[];
  /** Pairs between the lower and upper threshold, for a steward to decide. */
  review: ScoredPair[];
  blocking: BlockingRuleStats[];
  candidatePairs: number;
}
