import type { BlockingRuleStats } from '../../model/match.js';
import type { MatchFeatures } from '../features.js';
import { BLOCKING_KEYS, KEY_FEATURES, KEY_FIRST_OF, KEY_LISTS } from './keys.js';
import { featureKeyColumn, firstOfKeyColumn, keyColumn, listKeyColumn, type KeyColumn, type KeyFn } from './key-columns.js';
import { FeatureColumns } from '../feature-ids.js';
import { groupBlocks } from './group-blocks.js';
import { usageError } from '../../model/errors.js';
import { float64s, uint32s } from '../../model/big-arrays.js';

export interface BlockingOptions {
  rules: readonly string[];
  /** Blocks bigger than this are skipped (and counted): they hold no useful pairs, only cost. */
  maxBlockSize: number;
  /** A rule producing more pairs than this is refused as a whole, with advice. */
  maxPairsPerRule: number;
}

export interface BlockingResult {
  /** Candidate pairs encoded as a * n + b (a < b), sorted and unique. */
  pairs: Float64Array;
  /** Per pair, bit r set when rule r produced it (estimation trains each comparison on the rules that do not block on it). */
  rules: Uint32Array;
  stats: BlockingRuleStats[];
}

/** Rule index is packed into the low bits of each pair code while pairs are collected. */
const RULE_BITS = 32;

/** The key names of a rule ("name+locality" → name, locality), each checked against {@link BLOCKING_KEYS}. */
export function ruleKeyNames(rule: string): string[] {
  return rule.split('+').map((part) => {
    const name = part.trim();
    if (!Object.hasOwn(BLOCKING_KEYS, name)) {
      throw usageError(`unknown blocking key "${name}" in rule "${rule}"`, `Known keys: ${Object.keys(BLOCKING_KEYS).join(', ')}. Join them with +, e.g. "name+locality".`);
    }
    return name;
  });
}

export function parseBlockingRule(rule: string): KeyFn[] {
  return ruleKeyNames(rule).map((name) => BLOCKING_KEYS[name]);
}

/** Every block key of one record under one rule (several when a part is multi-valued). */
function keysOf(parts: KeyFn[], f: MatchFeatures): string[] {
  let keys = [''];
  for (let i = 0; i < parts.length; i++) {
    const v = parts[i](f);
    if (v === null || v === '' || (typeof v !== 'string' && v.length === 0)) return [];
    const values = typeof v === 'string' ? [v] : v;
    const next: string[] = [];
    for (const k of keys) for (const x of values) next.push(i === 0 ? x : `${k}\u0001${x}`);
    keys = next;
  }
  return keys;
}

/**
 * The one block key of a record whose key parts are all single values (the
 * usual case, built without the arrays {@link keysOf} needs); null when a part
 * is missing; undefined when a part has several values.
 */
function singleKey(parts: KeyFn[], f: MatchFeatures): string | null | undefined {
  let key = '';
  for (let i = 0; i < parts.length; i++) {
    const v = parts[i](f);
    if (v === null || v === '') return null;
    if (typeof v !== 'string') {
      if (v.length === 0) return null;
      if (v.length > 1) return undefined;
    }
    const x = typeof v === 'string' ? v : v[0];
    key = i === 0 ? x : `${key}\u0001${x}`;
  }
  return key;
}

/**
 * Records `from` … `to − 1` grouped by their block keys under one rule, each
 * record at most once per block, in index order. `keep` limits which records
 * and keys are looked at (incremental linking only wants keys new records have).
 */
export function groupByKeys(
  parts: KeyFn[],
  features: readonly MatchFeatures[],
  from: number,
  to: number,
  keep: { record?: (f: MatchFeatures) => boolean; key?: (key: string) => boolean } = {},
): Map<string, number[]> {
  const blocks = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    if (keep.key && !keep.key(key)) return;
    const block = blocks.get(key);
    if (block === undefined) blocks.set(key, [i]);
    else if (block[block.length - 1] !== i) block.push(i);
  };
  for (let i = from; i < to; i++) {
    const f = features[i];
    if (keep.record && !keep.record(f)) continue;
    const key = singleKey(parts, f);
    if (key === null) continue;
    if (key !== undefined) add(key, i);
    else for (const k of keysOf(parts, f)) add(k, i);
  }
  return blocks;
}

/** One rule's share of blocking: its key columns (all typed arrays, so another thread can take it) and limits. */
export interface RuleJob {
  rule: string;
  /** The rule's index: its bit in each pair's rule mask. */
  r: number;
  parts: KeyColumn[];
  n: number;
  maxBlockSize: number;
  maxPairsPerRule: number;
}

export interface RuleResult {
  stat: BlockingRuleStats;
  /** The rule's pairs, each coded (a · n + b) · RULE_BITS + r. */
  codes: Float64Array;
}

/** Runs rule jobs and returns their results in job order: one at a time here, or on several threads (MatchThreads). */
export type RuleRunner = (jobs: readonly RuleJob[]) => RuleResult[];

export const runRulesHere: RuleRunner = (jobs) => jobs.map(runRule);

/** Union the candidate pairs of every rule; count pairs, skipped blocks and refused rules. */
export function blockRecords(features: MatchFeatures[], opts: BlockingOptions, featureColumns = new FeatureColumns(features), runRules = runRulesHere): BlockingResult {
  const n = features.length;
  if (opts.rules.length > RULE_BITS) throw usageError(`at most ${RULE_BITS} blocking rules, got ${opts.rules.length}`);
  const rules = opts.rules.map(ruleKeyNames);
  // Each key is interned once, however many rules use it; a key that is a feature as it is shares the feature's ids with term frequencies.
  const columns = new Map<string, KeyColumn>();
  const interned = (name: string) =>
    Object.hasOwn(KEY_FEATURES, name)
      ? featureKeyColumn(featureColumns.ids(KEY_FEATURES[name]))
      : Object.hasOwn(KEY_LISTS, name)
        ? listKeyColumn(featureColumns.listIds(KEY_LISTS[name].list), KEY_LISTS[name].keyOf)
        : Object.hasOwn(KEY_FIRST_OF, name)
          ? firstOfKeyColumn(KEY_FIRST_OF[name], featureColumns, features, BLOCKING_KEYS[name])
          : keyColumn(BLOCKING_KEYS[name], features);
  const column = (name: string) => columns.get(name) ?? columns.set(name, interned(name)).get(name)!;
  const jobs = opts.rules.map((rule, r): RuleJob => ({ rule, r, parts: rules[r].map(column), n, maxBlockSize: opts.maxBlockSize, maxPairsPerRule: opts.maxPairsPerRule }));
  const results = runRules(jobs);
  let total = 0;
  for (const { codes } of results) total += codes.length;
  const all = float64s(total);
  let at = 0;
  for (const { codes } of results) {
    all.set(codes, at);
    at += codes.length;
  }
  return { ...sortedUnique(all), stats: results.map((x) => x.stat) };
}

/** One rule's blocks, counted, and their pairs unless the rule is refused. */
export function runRule({ rule, r, parts, n, maxBlockSize, maxPairsPerRule }: RuleJob): RuleResult {
  const { members, blockStarts } = groupBlocks(parts, n);
  const sizeOf = (b: number) => blockStarts[b + 1] - blockStarts[b];
  const blocks = blockStarts.length - 1;
  let pairs = 0;
  let skippedBlocks = 0;
  let skippedRecords = 0;
  for (let b = 0; b < blocks; b++) {
    const size = sizeOf(b);
    if (size > maxBlockSize) {
      skippedBlocks++;
      skippedRecords += size;
    } else pairs += (size * (size - 1)) / 2;
  }
  const stat: BlockingRuleStats = { rule, candidatePairs: pairs, skippedBlocks, skippedRecords };
  if (pairs > maxPairsPerRule) {
    stat.refused = `would produce ${pairs.toLocaleString('en')} pairs (limit ${maxPairsPerRule.toLocaleString('en')}); add a key to make it more selective, e.g. "${rule}+locality"`;
    stat.candidatePairs = 0;
    return { stat, codes: float64s(0) };
  }
  const codes = float64s(pairs);
  let k = 0;
  for (let b = 0; b < blocks; b++) {
    if (sizeOf(b) > maxBlockSize) continue;
    for (let x = blockStarts[b]; x < blockStarts[b + 1]; x++) {
      const a = members[x] * n;
      for (let y = x + 1; y < blockStarts[b + 1]; y++) codes[k++] = (a + members[y]) * RULE_BITS + r;
    }
  }
  return { stat, codes };
}

/** Sort pair codes, merge duplicates and OR together the rules that produced each pair. */
function sortedUnique(codes: Float64Array): { pairs: Float64Array; rules: Uint32Array } {
  codes.sort();
  const pairs = float64s(codes.length);
  const rules = uint32s(codes.length);
  let w = -1;
  for (let k = 0; k < codes.length; k++) {
    const pair = Math.floor(codes[k] / RULE_BITS);
    const bit = 1 << (codes[k] - pair * RULE_BITS);
    if (w < 0 || pairs[w] !== pair) pairs[++w] = pair;
    rules[w] |= bit;
  }
  // Copied to their final length, in memory that does not count as external (see big-arrays).
  const kept = { pairs: float64s(w + 1), rules: uint32s(w + 1) };
  kept.pairs.set(pairs.subarray(0, w + 1));
  kept.rules.set(rules.subarray(0, w + 1));
  return kept;
}
