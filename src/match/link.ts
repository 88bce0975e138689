import type { BlockingRuleStats } from '../model/match.js';
import { silentProgress } from '../pipeline/progress.js';
import type { MatchFeatures } from './features.js';
import { groupByKeys, parseBlockingRule } from './blocking/block.js';
import { comparePairs } from './compare-pairs.js';
import { Scorer } from './scorer.js';
import { clusterRecords, verdictByWeight, type Edge } from './cluster.js';
import { DEFAULT_MATCH_OPTIONS, chooseComparisons, identityConflict, pairVerdict, type MatchOptions } from './index.js';
import type { MatchModel } from './model.js';

export interface LinkInput {
  /** Every record the master already holds, as match features. */
  master: readonly MatchFeatures[];
  /** Per master record, the existing customer (cluster number) it belongs to. */
  masterCluster: ArrayLike<number>;
  /** Today's records the master has never seen. */
  incoming: readonly MatchFeatures[];
  /** The master's saved parameters: a night never re-estimates them. */
  model: MatchModel;
  options?: Partial<Omit<MatchOptions, 'model' | 'labels' | 'decisions'>>;
}

/** One customer after linking: incoming records plus the existing customers they joined (none: a new customer). */
export interface LinkGroup {
  incoming: number[];
  /** Existing cluster numbers, ascending; two or more means those customers are one. */
  existing: number[];
}

export interface LinkPair {
  /** Global indices: master records first (0 … master.length − 1), then incoming records. */
  a: number;
  b: number;
  probability: number;
}

export interface LinkResult {
  groups: LinkGroup[];
  /** Per incoming record, the strongest accepted pair that placed it (null: matched nothing). */
  scoreOf: (number | null)[];
  /** Borderline pairs touching an incoming record, for a steward to decide. */
  review: LinkPair[];
  blocking: BlockingRuleStats[];
  candidatePairs: number;
  scorer: Scorer;
}

/**
 * Incremental matching: link new records to an existing golden master without
 * re-matching the master against itself. Blocking only forms pairs that touch a
 * new record (each rule's keys are collected from the new records first, so a
 * master record is only looked at for the keys it shares with them); pairs are
 * scored with the master's model, and clustering starts from the existing
 * customers as fixed groups, so no existing customer is ever split.
 */
export function linkRecords(input: LinkInput): LinkResult {
  const opts = { ...DEFAULT_MATCH_OPTIONS, ...input.options, model: input.model };
  const progress = opts.progress ?? silentProgress;
  const M = input.master.length;
  const all: MatchFeatures[] = input.master.concat(input.incoming);
  const n = all.length;
  const comparisons = chooseComparisons(opts, all);

  progress.start('block', input.incoming.length);
  const { pairs, stats } = blockAgainstMaster(all, M, opts.blockingRules, opts.maxBlockSize);
  const pairAt = (k: number): [number, number] => [Math.floor(pairs[k] / n), pairs[k] % n];
  progress.end(`${pairs.length.toLocaleString('en')} candidate pairs touching ${input.incoming.length.toLocaleString('en')} new records`);

  progress.start('compare', pairs.length);
  const levels = comparePairs(all, comparisons, pairs.length, pairAt, (k) => progress.update(k));
  const scorer = new Scorer(comparisons, input.model, all);
  const conflict = identityConflict(comparisons, levels);
  const accepted: Edge[] = [];
  const reviewCandidates: Edge[] = [];
  for (let k = 0; k < pairs.length; k++) {
    const [a, b] = pairAt(k);
    const probability = 1 / (1 + Math.pow(2, -scorer.weightOf(levels, k, a)));
    const verdict = pairVerdict(probability, conflict, k, opts);
    if (verdict === 'link') accepted.push({ a, b, probability });
    else if (verdict === 'review') reviewCandidates.push({ a, b, probability });
  }
  progress.end(`${accepted.length.toLocaleString('en')} accepted, ${reviewCandidates.length.toLocaleString('en')} borderline`);

  progress.start('cluster');
  // Nodes: every incoming record, plus every member of an existing customer an accepted pair touches
  // (all members, so the chaining guard sees whole customers, not one record of each).
  const touched = new Set<number>();
  for (const e of accepted) if (e.a < M) touched.add(input.masterCluster[e.a]);
  const nodes: number[] = [];
  const forced: Edge[] = [];
  const lastOfCluster = new Map<number, number>();
  for (let i = 0; i < M; i++) {
    const c = input.masterCluster[i];
    if (!touched.has(c)) continue;
    const node = nodes.length;
    nodes.push(i);
    const previous = lastOfCluster.get(c);
    if (previous !== undefined) forced.push({ a: previous, b: node, probability: 1 });
    lastOfCluster.set(c, node);
  }
  const firstIncomingNode = nodes.length;
  for (let i = M; i < n; i++) nodes.push(i);
  const nodeOf = new Map<number, number>();
  nodes.forEach((g, node) => nodeOf.set(g, node));
  const edges = accepted
    .map((e) => ({ a: nodeOf.get(e.a)!, b: nodeOf.get(e.b)!, probability: e.probability }))
    .sort((x, y) => y.probability - x.probability || x.a - y.a || x.b - y.b);
  const clustering = clusterRecords(nodes.length, edges, {
    forced,
    forbidden: [],
    crossPair: verdictByWeight((i, j) => scorer.weight(nodes[i], nodes[j]), scorer.prior, opts.reviewThreshold),
    generationOf: (i) => all[nodes[i]].generation,
  });

  const groups: LinkGroup[] = [];
  for (const members of clustering.clusters) {
    const incoming = members.filter((x) => x >= firstIncomingNode).map((x) => nodes[x] - M);
    if (!incoming.length) continue;
    const existing = [...new Set(members.filter((x) => x < firstIncomingNode).map((x) => input.masterCluster[nodes[x]]))].sort((x, y) => x - y);
    groups.push({ incoming, existing });
  }
  const groupOfNode = clustering.clusterOf;
  const together = (a: number, b: number) => {
    const na = nodeOf.get(a);
    const nb = nodeOf.get(b);
    if (na !== undefined && nb !== undefined) return groupOfNode[na] === groupOfNode[nb];
    // An untouched master record joined nothing: together only with its own customer.
    return a < M && b < M && input.masterCluster[a] === input.masterCluster[b];
  };
  const review = [...reviewCandidates, ...clustering.refused.map((e) => ({ a: nodes[e.a], b: nodes[e.b], probability: e.probability }))]
    .filter((e) => !together(e.a, e.b))
    .sort((x, y) => y.probability - x.probability || x.a - y.a || x.b - y.b);
  const scoreOf = nodes.slice(firstIncomingNode).map((_, k) => clustering.scoreOf[firstIncomingNode + k]);
  progress.end(`${groups.length.toLocaleString('en')} customers touched, ${review.length.toLocaleString('en')} pairs to review`);
  return { groups, scoreOf, review, blocking: stats, candidatePairs: pairs.length, scorer };
}

/**
 * Candidate pairs with at least one new record (index ≥ M). Block sizes count
 * master and new records alike, and oversized blocks are skipped and counted,
 * as in a full dedupe.
 */
function blockAgainstMaster(all: readonly MatchFeatures[], M: number, rules: readonly string[], maxBlockSize: number): { pairs: Float64Array; stats: BlockingRuleStats[] } {
  const n = all.length;
  const codes: number[] = [];
  const stats: BlockingRuleStats[] = [];
  for (const rule of rules) {
    const parts = parseBlockingRule(rule);
    const blocks = groupByKeys(parts, all, M, n);
    // A master record is only looked at when its first key part is one some new record has.
    const firstParts = new Set<string>();
    for (let i = M; i < n; i++) {
      const first = parts[0](all[i]);
      if (first !== null) for (const v of typeof first === 'string' ? [first] : first) firstParts.add(v);
    }
    const masterIn = groupByKeys(parts, all, 0, M, {
      record: (f) => {
        const first = parts[0](f);
        return first !== null && (typeof first === 'string' ? firstParts.has(first) : first.some((v) => firstParts.has(v)));
      },
      key: (key) => blocks.has(key),
    });
    let pairs = 0;
    let skippedBlocks = 0;
    let skippedRecords = 0;
    for (const [key, incoming] of blocks) {
      const master = masterIn.get(key) ?? [];
      const size = master.length + incoming.length;
      if (size < 2) continue;
      if (size > maxBlockSize) {
        skippedBlocks++;
        skippedRecords += size;
        continue;
      }
      for (const a of master) for (const b of incoming) codes.push(a * n + b);
      for (let x = 0; x < incoming.length; x++) for (let y = x + 1; y < incoming.length; y++) codes.push(incoming[x] * n + incoming[y]);
      pairs += master.length * incoming.length + (incoming.length * (incoming.length - 1)) / 2;
    }
    stats.push({ rule, candidatePairs: pairs, skippedBlocks, skippedRecords });
  }
  const sorted = Float64Array.from(codes).sort();
  let w = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[w - 1]) sorted[w++] = sorted[k];
  return { pairs: sorted.slice(0, w), stats };
}
