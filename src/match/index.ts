import type { MatchResult, ScoredPair } from '../model/match.js';
import type { NormalizedRecord } from '../model/record.js';
import { usageError } from '../model/errors.js';
import { silentProgress, type ProgressSink } from '../pipeline/progress.js';
import { COMPARISONS, DEFAULT_COMPARISONS } from './comparisons/index.js';
import { MISSING, levelCount, levelLabel, type Comparison } from './comparisons/comparison.js';
import { matchFeatures, type MatchFeatures } from './features.js';
import { blockRecords, ruleKeyNames, type BlockingResult } from './blocking/block.js';
import { DEFAULT_BLOCKING_RULES, KEY_COMPARISONS } from './blocking/keys.js';
import { comparePairs } from './compare-pairs.js';
import { MatchThreads } from './match-threads.js';
import { randomPairs } from './estimate/random-pairs.js';
import { levelShares, toPatterns } from './estimate/patterns.js';
import { countedU } from './estimate/counted-u.js';
import { anchoredM } from './estimate/anchored-m.js';
import { nonMatchU } from './estimate/non-match-u.js';
import { expectationMaximisation, startingM } from './estimate/em.js';
import { MODEL_VERSION, type MatchModel } from './model.js';
import { Scorer, pairMatchRate, probabilityOf, round } from './scorer.js';
import { FeatureColumns } from './feature-ids.js';
import { TermFrequencies } from './estimate/term-frequency.js';
import { byProbability, clusterRecords, verdictByWeight, type Edge } from './cluster.js';
import { float64s, uint8s } from '../model/big-arrays.js';

export interface PairDecision {
  a: number;
  b: number;
  match: boolean;
}

export interface MatchOptions {
  /** Posterior probability at or above which two records are merged. */
  threshold: number;
  /** Pairs from here up to `threshold` go to the review queue. */
  reviewThreshold: number;
  blockingRules: readonly string[];
  /** Names of comparisons to use (see COMPARISONS); default: DEFAULT_COMPARISONS that the data has values for. */
  comparisons?: readonly string[];
  maxBlockSize: number;
  /** A blocking rule yielding more pairs than this is refused; default max(2M, 20 per record). */
  maxPairsPerRule?: number;
  /** Random pairs drawn to estimate u. */
  randomPairs: number;
  /** Reuse saved parameters instead of estimating them. */
  model?: MatchModel;
  /** Labelled pairs: m is learnt from the matches among them instead of by EM. */
  labels?: readonly PairDecision[];
  /** A steward's decisions: they always win. */
  decisions?: readonly PairDecision[];
  /** Threads for blocking and comparing pairs (same results with any number); default 1. */
  threads?: number;
  progress?: ProgressSink;
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = {
  threshold: 0.7,
  reviewThreshold: 0.2,
  blockingRules: DEFAULT_BLOCKING_RULES,
  maxBlockSize: 300,
  randomPairs: 200_000,
};

export { COMPARISONS, COMPARISON_NAMES } from './comparisons/index.js';
export { DEFAULT_BLOCKING_RULES, BLOCKING_KEYS } from './blocking/keys.js';
export { matchModelSchema, type MatchModel } from './model.js';
export { Scorer } from './scorer.js';
export { matchFeatures, type MatchFeatures } from './features.js';

/**
 * Dedupe: blocking → comparison → estimation (u from random pairs, m by EM, or
 * both from a saved model) → scoring with term-frequency adjustment →
 * clustering with steward decisions and chaining guards.
 */
export function matchRecords(records: readonly NormalizedRecord[], options: Partial<MatchOptions> = {}): { result: MatchResult; model: MatchModel; scorer: Scorer } {
  const progress = options.progress ?? silentProgress;
  progress.start('features', records.length);
  const features = records.map(matchFeatures);
  progress.end(`${records.length.toLocaleString('en')} records`);
  return matchFeatureSet(features, options);
}

/** {@link matchRecords} on records already reduced to their match features (a master keeps only these). */
export function matchFeatureSet(features: MatchFeatures[], options: Partial<MatchOptions> = {}): { result: MatchResult; model: MatchModel; scorer: Scorer } {
  const opts: MatchOptions = { ...DEFAULT_MATCH_OPTIONS, ...options };
  if (opts.reviewThreshold > opts.threshold) throw usageError(`match.reviewThreshold (${opts.reviewThreshold}) is above match.threshold (${opts.threshold})`);
  const comparisons = chooseComparisons(opts, features);
  const columns = new FeatureColumns(features);
  const progress = opts.progress ?? silentProgress;
  progress.start('block', features.length);
  // Started before blocking, so that the worker rebuilds the features while this thread builds the blocking keys. It
  // interns every feature now, which also makes equal values one string before anything compares them (see FeatureColumns).
  const threads = MatchThreads.start(features, columns, comparisons, opts.threads ?? 1);
  try {
    return matchWith(features, comparisons, columns, threads, opts);
  } finally {
    threads.close();
  }
}

function matchWith(
  features: MatchFeatures[],
  comparisons: Comparison[],
  columns: FeatureColumns,
  threads: MatchThreads,
  opts: MatchOptions,
): { result: MatchResult; model: MatchModel; scorer: Scorer } {
  const progress = opts.progress ?? silentProgress;
  const n = features.length;
  // The block stage started with the threads (see matchFeatureSet).
  const blocking = blockRecords(
    features,
    {
      rules: opts.blockingRules,
      maxBlockSize: opts.maxBlockSize,
      maxPairsPerRule: opts.maxPairsPerRule ?? Math.max(2_000_000, 20 * n),
    },
    columns,
    threads.runRules,
  );
  const pairs = blocking.pairs;
  const pairAt = (k: number): [number, number] => [Math.floor(pairs[k] / n), pairs[k] % n];
  progress.end(`${pairs.length.toLocaleString('en')} candidate pairs from ${opts.blockingRules.length} rules${threads.count > 1 ? ` on ${threads.count} threads (${threads.rulesOnWorker} on the second)` : ''}`);

  progress.start('compare', pairs.length);
  // The worker starts on the pairs while this thread counts term frequencies.
  const comparing = threads.begin(pairs, n);
  const termFrequencies = new TermFrequencies(comparisons, features, columns);
  const levels = threads.finish(comparing, (k) => progress.update(k));
  const share = threads.count > 1 ? ` on ${threads.count} threads (${Math.round((100 * threads.pairsOnWorker) / Math.max(1, pairs.length))}% on the second)` : '';
  progress.end(`${pairs.length.toLocaleString('en')} pairs × ${comparisons.length} comparisons${share}`);

  progress.start('estimate');
  const model = opts.model ?? estimateModel(features, comparisons, levels, blocking, threads, opts);
  // Nothing is compared in bulk after estimation: the worker's memory goes back now.
  threads.close();
  const scorer = new Scorer(comparisons, model, features, termFrequencies);
  progress.end(opts.model ? 'reused the saved model' : `λ = ${model.lambda.toPrecision(3)} after ${model.trainedOn.emIterations} EM iterations`);

  const conflict = identityConflict(comparisons, levels);
  progress.start('cluster', pairs.length);
  const weights = float64s(pairs.length);
  const edges: Edge[] = [];
  const reviewCandidates: Edge[] = [];
  for (let k = 0; k < pairs.length; k++) {
    const [a, b] = pairAt(k);
    weights[k] = scorer.weightOf(levels, k, a);
    const probability = probabilityOf(weights[k]);
    const verdict = pairVerdict(probability, conflict, k, opts);
    if (verdict === 'link') edges.push({ a, b, probability, weight: weights[k] });
    else if (verdict === 'review') reviewCandidates.push({ a, b, probability, weight: weights[k] });
  }
  // The chaining guard weighs pairs of members; most were candidates, weighed above (in this order: comparisons need not be symmetric).
  const pairWeight = (i: number, j: number) => {
    const k = i < j ? indexOfPair(pairs, i * n + j) : -1;
    return k >= 0 ? weights[k] : scorer.weight(i, j);
  };
  const decisions = opts.decisions ?? [];
  const decided = new Map(decisions.map((d) => [pairKey(d.a, d.b, n), d.match]));
  const byStrength = (x: Edge, y: Edge) => y.probability - x.probability || x.a - y.a || x.b - y.b;
  const strongestFirst = byProbability(edges);
  const clustering = clusterRecords(
    n,
    decided.size ? strongestFirst.filter((e) => decided.get(pairKey(e.a, e.b, n)) === undefined) : strongestFirst,
    {
      forced: decisions.filter((d) => d.match).map((d) => ({ a: Math.min(d.a, d.b), b: Math.max(d.a, d.b), probability: 1 })),
      forbidden: decisions.filter((d) => !d.match).map((d) => [d.a, d.b] as [number, number]),
      crossPair: verdictByWeight(pairWeight, scorer.prior, opts.reviewThreshold),
      generationOf: (i) => features[i].generation,
    },
  );
  const { clusterOf } = clustering;
  // Accepted pairs within a cluster, by record: `edges` are in candidate order, which is that order.
  const acceptedPairs = (): ScoredPair[] => {
    const matches: ScoredPair[] = [];
    for (const e of edges) if (clusterOf[e.a] === clusterOf[e.b]) matches.push(scored(e, false));
    if (!decisions.some((d) => d.match)) return matches;
    for (const d of decisions) if (d.match) matches.push({ ...scored({ a: Math.min(d.a, d.b), b: Math.max(d.a, d.b), probability: 1 }, false), decidedBy: 'steward_match' });
    return matches.sort((x, y) => x.a - y.a || x.b - y.b);
  };
  let matches: ScoredPair[] | undefined;
  const review = [...reviewCandidates, ...clustering.refused]
    .filter((e) => clusterOf[e.a] !== clusterOf[e.b] && !decided.has(pairKey(e.a, e.b, n)))
    .sort(byStrength)
    .map((e) => scored(e, true));
  progress.end(`${clustering.clusters.length.toLocaleString('en')} customers, ${review.length.toLocaleString('en')} pairs to review`);

  function scored(e: Edge, withComparisons: boolean): ScoredPair {
    const weight = e.weight ?? scorer.weight(e.a, e.b);
    const pair = { a: e.a, b: e.b, weight: round(weight), probability: round(e.probability === 1 ? 1 : probabilityOf(weight), 6) };
    return withComparisons ? { ...pair, comparisons: scorer.explain(e.a, e.b).comparisons } : pair;
  }

  const result: MatchResult = {
    clusters: clustering.clusters,
    clusterOf,
    scoreOf: clustering.scoreOf.map((s) => (s === null ? null : round(s, 6))),
    // Made on first read: writing a run's outputs never reads them, and at a million records they are a million objects.
    get matches() {
      return (matches ??= acceptedPairs());
    },
    review,
    blocking: blocking.stats,
    candidatePairs: pairs.length,
  };
  return { result, model, scorer };
}

/**
 * Two records whose names are both real and plainly different are different
 * people unless something personal to one person agrees exactly: an ID
 * number, email, mobile, or the birth date. Family members share an address
 * and a home line, colleagues a company and its switchboard, so those can
 * outvote a different name on score alone; a shared birth date cannot come
 * from the household, while a replaced or mistyped name in the same person's
 * record keeps it — except from twins, so it does not count where a phone or
 * email differs: twins each have their own. A record with no usable name at all (测试,
 * "Test", an empty cell) is held to the same: on the address alone it is as
 * likely anyone in the household. Such pairs are never merged on score alone.
 * Those with plainly different names are not sent to review either: they are
 * the household and the office, thousands of them (on a QA set of 5,955 rows,
 * 4,100 of 4,295 review pairs, 3 of them one customer); a record without a
 * name goes to review, where a steward can tell.
 */
export function identityConflict(comparisons: readonly Comparison[], levels: Uint8Array): (k: number) => IdentityConflict | null {
  const width = comparisons.length;
  const name = comparisons.findIndex((c) => c.name === 'name');
  if (name < 0) return () => null;
  const nameDifferent = comparisons[name].levels.length + 1;
  // The phone's first level is a shared number that is not a fixed line (see phoneComparison).
  const identifiers = ['id_number', 'email', 'phone'].map((id) => comparisons.findIndex((c) => c.name === id)).filter((x) => x >= 0);
  const birthDate = comparisons.findIndex((c) => c.name === 'birth_date');
  const contacts = ['email', 'phone'].map((id) => comparisons.findIndex((c) => c.name === id)).filter((x) => x >= 0);
  const at = (k: number, x: number) => levels[k * width + x];
  return (k) => {
    const nameLevel = at(k, name);
    if ((nameLevel !== nameDifferent && nameLevel !== MISSING) || identifiers.some((x) => at(k, x) === 1)) return null;
    if (birthDate >= 0 && at(k, birthDate) === 1 && !contacts.some((x) => at(k, x) === levelCount(comparisons[x]) - 1)) return null;
    return nameLevel === MISSING ? 'no_name' : 'names_differ';
  };
}

/** Why a pair may not merge on score alone (see identityConflict). */
export type IdentityConflict = 'names_differ' | 'no_name';

/**
 * Where scored pair k goes: a link, the review queue, or neither. The identity conflict is asked only of pairs
 * that could go somewhere (most candidate pairs score below review).
 */
export function pairVerdict(
  probability: number,
  conflict: (k: number) => IdentityConflict | null,
  k: number,
  opts: Pick<MatchOptions, 'threshold' | 'reviewThreshold'>,
): 'link' | 'review' | null {
  if (probability < opts.reviewThreshold) return null;
  const conflicted = conflict(k);
  if (probability >= opts.threshold && conflicted === null) return 'link';
  return conflicted === 'names_differ' ? null : 'review';
}

/** Position of a pair code in the sorted candidate pairs, or −1. */
function indexOfPair(pairs: Float64Array, code: number): number {
  let lo = 0;
  let hi = pairs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (pairs[mid] < code) lo = mid + 1;
    else if (pairs[mid] > code) hi = mid - 1;
    else return mid;
  }
  return -1;
}

function pairKey(a: number, b: number, n: number): number {
  return a < b ? a * n + b : b * n + a;
}

/** Why a saved model cannot be used by this version (its comparisons changed since), or null when it can. */
export function modelMismatch(model: MatchModel): string | null {
  for (const saved of model.comparisons) {
    const c = COMPARISONS.find((y) => y.name === saved.name);
    if (!c) return `it uses the comparison "${saved.name}", which this version does not have`;
    if (saved.levels.length !== levelCount(c) - 1) return `its "${saved.name}" comparison has ${saved.levels.length} levels, this version has ${levelCount(c) - 1}`;
  }
  return null;
}

/** Comparisons named in the options, else the defaults that at least two records have a value for. */
export function chooseComparisons(opts: MatchOptions, features: ReturnType<typeof matchFeatures>[]): Comparison[] {
  const names = opts.model?.comparisons.map((c) => c.name) ?? opts.comparisons;
  if (names) {
    return names.map((name, x) => {
      const c = COMPARISONS.find((y) => y.name === name);
      if (!c) throw usageError(`unknown comparison "${name}"`, `Known comparisons: ${COMPARISONS.map((y) => y.name).join(', ')}.`);
      const saved = opts.model?.comparisons[x];
      if (saved && saved.levels.length !== levelCount(c) - 1) {
        throw usageError(`the saved model's "${name}" comparison has ${saved.levels.length} levels, this version has ${levelCount(c) - 1}`, 'Re-estimate the model: run without --model.');
      }
      return c;
    });
  }
  return COMPARISONS.filter((c) => DEFAULT_COMPARISONS.includes(c.name)).filter((c) => {
    let seen = 0;
    for (const f of features) if (c.present(f) && ++seen >= 2) return true;
    return false;
  });
}

/** Below this many pairs a rule's session says too little to learn from. */
const MIN_SESSION_PAIRS = 50;

/**
 * u from random pairs; m by EM, Splink-style: one EM session per blocking
 * rule, each learning only the comparisons its rule does not block on (those
 * agree by construction there), averaged over sessions; then lambda over all
 * candidate pairs. Labelled matches, when given, replace EM for m.
 */
function estimateModel(
  features: ReturnType<typeof matchFeatures>[],
  comparisons: Comparison[],
  levels: Uint8Array,
  blocking: BlockingResult,
  threads: MatchThreads,
  opts: MatchOptions,
): MatchModel {
  const pairRules = blocking.rules;
  const n = features.length;
  const width = comparisons.length;
  const pairCount = pairRules.length;
  const counts = comparisons.map(levelCount);
  const random = randomPairs(n, opts.randomPairs);
  const randomLevels = threads.compare(random, n);
  const randomPatterns = toPatterns(randomLevels, width, random.length);
  let u = countedU(levelShares(randomPatterns, counts), comparisons, features, levels, blocking.stats, random.length);
  const all = toPatterns(levels, width, pairCount);
  const everyComparison = comparisons.map(() => true);
  const lambdaOf = (m: number[][], u: number[][]) => expectationMaximisation(all, u, m, 0.2, { fixed: everyComparison }).lambda;

  const labels = opts.labels ?? [];
  const labelledMatches = labels.filter((l) => l.match);
  let iterations = 0;
  const learnM = (u: number[][]): number[][] => {
    if (labelledMatches.length) {
      const labelled = comparePairs(features, comparisons, labelledMatches.length, (k) => [labelledMatches[k].a, labelledMatches[k].b]);
      return levelShares(toPatterns(labelled, width, labelledMatches.length), counts);
    }
    const union = expectationMaximisation(all, u, startingM(counts), 0.2);
    iterations += union.iterations;
    const sums = comparisons.map((_, x) => counts[x] && new Array<number>(counts[x]).fill(0));
    const sessions = new Array<number>(width).fill(0);
    opts.blockingRules.forEach((rule, r) => {
      const rows: number[] = [];
      for (let k = 0; k < pairCount; k++) if (pairRules[k] & (1 << r)) rows.push(k);
      if (rows.length < MIN_SESSION_PAIRS) return;
      const blocked = new Set(ruleKeyNames(rule).flatMap((key) => KEY_COMPARISONS[key] ?? []));
      const fixed = comparisons.map((c) => blocked.has(c.name));
      if (fixed.every(Boolean)) return;
      const sub = uint8s(rows.length * width);
      rows.forEach((k, i) => {
        for (let x = 0; x < width; x++) sub[i * width + x] = levels[k * width + x];
      });
      const session = expectationMaximisation(toPatterns(sub, width, rows.length), u, union.m, union.lambda, { fixed });
      iterations += session.iterations;
      comparisons.forEach((_, x) => {
        if (fixed[x]) return;
        sessions[x]++;
        session.m[x].forEach((v, l) => ((sums[x] as number[])[l] += v));
      });
    });
    return anchoredM(
      comparisons.map((_, x) => (sessions[x] ? (sums[x] as number[]).map((v) => v / sessions[x]) : union.m[x])),
      comparisons,
      levels,
    );
  };
  let m = learnM(u);
  // A small input's random pairs are all its pairs, duplicates included: u is then counted among likely non-matches.
  if (random.length === (n * (n - 1)) / 2 && pairCount > 0) {
    u = nonMatchU(randomPatterns, counts, m, u, pairMatchRate(lambdaOf(m, u), pairCount, n));
    m = learnM(u);
  }
  const lambda = lambdaOf(m, u);
  return {
    version: MODEL_VERSION,
    lambda,
    comparisons: comparisons.map((c, x) => ({
      name: c.name,
      levels: Array.from({ length: counts[x] - 1 }, (_, i) => ({ label: levelLabel(c, i + 1), m: probabilityFloor(m[x][i + 1]), u: probabilityFloor(u[x][i + 1]) })),
    })),
    trainedOn: {
      candidatePairs: pairCount,
      randomPairs: random.length,
      emIterations: iterations,
      ...(labels.length && { labelledPairs: labels.length }),
    },
  };
}

/** Rounded for a stable model.json, never 0: a zero m or u would make a level infinitely strong. */
function probabilityFloor(p: number): number {
  return Math.max(1e-8, round(p, 8));
}
