import { buildGoldenRecords, type GoldenOptions, type GoldenRecord } from '../golden/build-golden.js';
import { GoldenTable, goldenIdText } from '../golden/golden-table.js';
import { matchFeatureSet, matchFeatures, matchRecords, modelMismatch, type MatchOptions } from '../match/index.js';
import { linkRecords } from '../match/link.js';
import type { MatchModel } from '../match/model.js';
import type { ScoredPair, BlockingRuleStats } from '../model/match.js';
import type { NormalizedRecord } from '../model/record.js';
import { normalizeRecord, type NormalizeOptions } from '../normalize/normalize-record.js';
import { ageInDays } from '../quality/freshness.js';
import { silentProgress, type ProgressSink } from '../pipeline/progress.js';
import { MASTER_FORMAT, MASTER_VERSION, type MasterMeta } from './format.js';
import { recordFingerprint } from './fingerprint.js';
import { encodeRecord, rawOf } from './record-store.js';
import { IdRedirects, goldenValues, storeGolden, storeGoldenTable, type GoldenLine, type MergeEntry, type StoredGolden } from './golden-store.js';
import type { LoadedMaster } from './store.js';
import type { Changes } from './changes.js';
import { int32s } from '../model/big-arrays.js';

export interface NightOptions {
  asOf: string;
  normalize: NormalizeOptions;
  match: Partial<MatchOptions>;
  golden: GoldenOptions;
  staleDays: number;
  progress?: ProgressSink;
}

export type RecordStatus = 'existing' | 'new';

export interface NightResult {
  run: number;
  /**
   * Per input record (same order as given): its customer's number, customers
   * numbered by their first record (as the quality report numbers them); and
   * each customer's golden id today.
   */
  customerOf: readonly number[];
  customerIds: readonly string[];
  status: RecordStatus[];
  scoreOf: (number | null)[];
  /** The whole golden list after tonight, in id order, and its golden.csv columns. */
  golden: StoredGolden[];
  goldenColumns: string[];
  /** Borderline pairs, as indices into `reviewRecords` (today's records first, then master records shown for context). */
  review: ScoredPair[];
  reviewRecords: NormalizedRecord[];
  changes: Changes;
  blocking: BlockingRuleStats[];
  candidatePairs: number;
  model: MatchModel;
  /** Set when the master's model was made by an older version and was estimated again from the master's records tonight: why. */
  modelReestimated: string | null;
  /** What the master directory gains tonight: record lines made on demand (a million of them would not fit in memory as strings). */
  segment: { records: { count: number; lines: () => Iterable<string>; raw: () => Iterable<string> }; goldens: GoldenLine[] };
  meta: MasterMeta;
}

/**
 * One nightly run against a golden master (or the first night, which starts
 * it). Rows the master has seen before keep their customer; new rows are
 * linked to existing customers by matching with the master's model; customers
 * nobody matched get fresh ids that never collide with old ones; two existing
 * customers joined by tonight's evidence become one (the older id survives, the
 * other is recorded as merged into it). Only customers that gained records are
 * rebuilt, so ids, values and provenance of everyone else stay exactly as they were.
 */
export function runNight(records: readonly NormalizedRecord[], master: LoadedMaster | null, opts: NightOptions): NightResult {
  return master ? continueMaster(records, master, opts) : startMaster(records, opts);
}

function startMaster(records: readonly NormalizedRecord[], opts: NightOptions): NightResult {
  const { result, model } = matchRecords(records, { ...opts.match, progress: opts.progress });
  const progress = opts.progress ?? silentProgress;
  progress.start('golden', result.clusters.length);
  const table = new GoldenTable(records, result.clusters, opts.golden);
  const { columns, golden: stored } = storeGoldenTable(table, 1);
  progress.end(`${stored.length.toLocaleString('en')} golden records`);
  // Clusters are numbered by their first record, and golden record c is cluster c's.
  const ids = stored.map((g) => g.id);
  const changes = emptyChanges(1, opts.asOf, null);
  changes.newCustomers = ids;
  changes.stale = staleSince(stored, null, opts);
  return {
    run: 1,
    customerOf: result.clusterOf,
    customerIds: ids,
    status: records.map(() => 'new'),
    scoreOf: result.scoreOf,
    golden: stored,
    goldenColumns: columns,
    review: result.review,
    reviewRecords: [...records],
    changes,
    blocking: result.blocking,
    candidatePairs: result.candidatePairs,
    model,
    modelReestimated: null,
    segment: {
      records: {
        count: records.length,
        *lines() {
          for (let i = 0; i < records.length; i++) {
            const r = records[i];
            yield encodeRecord({ goldenId: ids[result.clusterOf[i]], fingerprint: recordFingerprint(r), run: 1, features: matchFeatures(r) });
          }
        },
        *raw() {
          for (const r of records) yield rawOf(r);
        },
      },
      goldens: stored,
    },
    meta: { format: MASTER_FORMAT, version: MASTER_VERSION, rawGoldensFrom: 1, idPrefix: table.idPrefix, idWidth: table.idWidth, nextId: stored.length + 1, goldenColumns: columns, segments: [], history: [] },
  };
}

function continueMaster(records: readonly NormalizedRecord[], master: LoadedMaster, opts: NightOptions): NightResult {
  const progress = opts.progress ?? silentProgress;
  const run = master.meta.history.length + 1;
  const M = master.records.length;

  progress.start('recall', records.length);
  const knownAt = new Map<string, number>();
  for (let i = 0; i < M; i++) knownAt.set(master.records[i].fingerprint, i);
  const fingerprints = records.map(recordFingerprint);
  const incoming: number[] = [];
  fingerprints.forEach((fp, i) => {
    if (!knownAt.has(fp)) incoming.push(i);
  });
  // Customers numbered 0 … in id order (the order the master keeps them in); every master record points at its customer's number.
  const liveIds = [...master.goldens.keys()];
  const numberOf = new Map(liveIds.map((id, c) => [id, c]));
  const masterCluster = int32s(M);
  for (let i = 0; i < M; i++) masterCluster[i] = numberOf.get(master.redirects.resolve(master.records[i].goldenId))!;
  progress.end(`${(records.length - incoming.length).toLocaleString('en')} rows seen before, ${incoming.length.toLocaleString('en')} to link`);

  const masterFeatures = master.records.map((r) => r.features);
  // A model saved by an older version whose comparisons have changed since is estimated again from the master's own records (a one-off, full-matching cost).
  const modelReestimated = modelMismatch(master.model);
  const model = modelReestimated ? matchFeatureSet(masterFeatures, { ...opts.match, progress: opts.progress }).model : master.model;
  const link = linkRecords({
    master: masterFeatures,
    masterCluster,
    incoming: incoming.map((i) => matchFeatures(records[i])),
    model,
    options: { ...opts.match, progress: opts.progress },
  });

  // Ids: joined customers keep the oldest id; groups of new records get fresh numbers in input order.
  let nextId = master.meta.nextId;
  const redirects = new IdRedirects();
  const merges: MergeEntry[] = [];
  const goldenIdOf = new Array<string>(records.length);
  const status = new Array<RecordStatus>(records.length);
  const scoreOf = new Array<number | null>(records.length).fill(null);
  const rebuilt = new Map<string, { masterClusters: number[]; incoming: number[]; isNew: boolean }>();
  const groups = [...link.groups].sort((x, y) => Math.min(...x.incoming) - Math.min(...y.incoming));
  for (const group of groups) {
    const members = group.incoming.map((u) => incoming[u]);
    let id: string;
    if (group.existing.length) {
      const ids = group.existing.map((c) => liveIds[c]);
      id = ids[0];
      const evidence = `${records[members[0]].source}:${records[members[0]].row}`;
      for (const other of ids.slice(1)) {
        redirects.add(other, id);
        merges.push({ id: other, mergedInto: id, run, asOf: opts.asOf, evidence });
      }
    } else {
      // Id number nextId, made as the first night made its customers' (goldenIdText counts from 0).
      id = goldenIdText(master.meta.idPrefix, master.meta.idWidth, nextId++ - 1);
    }
    const entry = rebuilt.get(id) ?? { masterClusters: [], incoming: [], isNew: !group.existing.length };
    entry.masterClusters.push(...group.existing);
    entry.incoming.push(...members);
    rebuilt.set(id, entry);
    group.incoming.forEach((u, k) => {
      goldenIdOf[members[k]] = id;
      status[members[k]] = group.existing.length ? 'existing' : 'new';
      scoreOf[members[k]] = link.scoreOf[u];
    });
  }
  records.forEach((_, i) => {
    const at = knownAt.get(fingerprints[i]);
    if (at === undefined) return;
    goldenIdOf[i] = redirects.resolve(liveIds[masterCluster[at]]);
    status[i] = 'existing';
  });
  progress.start('golden', rebuilt.size);
  const columns = [...master.meta.goldenColumns];
  const rebuiltGoldens = rebuildGoldens(records, master, masterCluster, rebuilt, opts).map((g) => storeGolden(g, run, columns));
  progress.end(`${rebuilt.size.toLocaleString('en')} golden records built or updated`);

  // Updated in place: a rebuilt id keeps its position, new ids (higher than all) append, so the list stays in id order.
  const golden = master.goldens;
  const before = new Map(rebuiltGoldens.filter((g) => golden.has(g.id)).map((g) => [g.id, goldenValues(golden.get(g.id)!, master.meta.goldenColumns, master.meta.rawGoldensFrom)]));
  for (const m of merges) golden.delete(m.id);
  for (const g of rebuiltGoldens) golden.set(g.id, g);
  const goldenList = [...golden.values()];

  const previousAsOf = master.meta.history[master.meta.history.length - 1]?.asOf ?? null;
  const changes = emptyChanges(run, opts.asOf, previousAsOf);
  for (const g of rebuiltGoldens) {
    if (rebuilt.get(g.id)!.isNew) {
      changes.newCustomers.push(g.id);
      continue;
    }
    const was = before.get(g.id)!;
    const is = goldenValues(g, columns, master.meta.rawGoldensFrom);
    for (const field of [...new Set([...Object.keys(was), ...Object.keys(is)])].sort()) {
      if (was[field] !== is[field]) changes.changed.push({ goldenId: g.id, field, before: was[field] ?? null, after: is[field] ?? null });
    }
  }
  changes.merged = merges.map((m) => ({ from: m.id, into: m.mergedInto, evidence: m.evidence }));
  changes.stale = staleSince(goldenList, previousAsOf, opts);

  // Review: tonight's pairs name master records too; those are rebuilt from their raw values for the side-by-side view.
  const reviewRecords = [...records];
  const at = new Map<number, number>();
  for (const [g, raw] of master.sourceRecords(link.review.flatMap((p) => [p.a, p.b]).filter((g) => g < M))) at.set(g, reviewRecords.push(normalizeRecord(raw, opts.normalize)) - 1);
  const indexOf = (g: number): number => (g >= M ? incoming[g - M] : at.get(g)!);
  const review: ScoredPair[] = link.review.map((p) => {
    const ex = link.scorer.explain(p.a, p.b);
    const [a, b] = [indexOf(p.a), indexOf(p.b)];
    return { a, b, weight: ex.weight, probability: Math.round(p.probability * 1e6) / 1e6, comparisons: ex.comparisons };
  });

  const newRecords = {
    count: incoming.length,
    *lines() {
      for (const i of incoming) yield encodeRecord({ goldenId: goldenIdOf[i], fingerprint: fingerprints[i], run, features: matchFeatures(records[i]) });
    },
    *raw() {
      for (const i of incoming) yield rawOf(records[i]);
    },
  };
  return {
    run,
    ...numberCustomers(goldenIdOf),
    status,
    scoreOf,
    golden: goldenList,
    goldenColumns: columns,
    review,
    reviewRecords,
    changes,
    blocking: link.blocking,
    candidatePairs: link.candidatePairs,
    model,
    modelReestimated,
    segment: { records: newRecords, goldens: [...merges, ...rebuiltGoldens] },
    meta: { ...master.meta, nextId, goldenColumns: columns },
  };
}

/** Golden records of the customers that gained records tonight, from all their members (master records re-normalized from raw). */
function rebuildGoldens(
  records: readonly NormalizedRecord[],
  master: LoadedMaster,
  masterCluster: Int32Array,
  rebuilt: Map<string, { masterClusters: number[]; incoming: number[] }>,
  opts: NightOptions,
): GoldenRecord[] {
  const ids = [...rebuilt.keys()].sort(compareIds);
  const slotOfCluster = new Map<number, number>();
  ids.forEach((id, slot) => rebuilt.get(id)!.masterClusters.forEach((c) => slotOfCluster.set(c, slot)));
  const wanted: number[] = [];
  for (let i = 0; i < masterCluster.length; i++) if (slotOfCluster.has(masterCluster[i])) wanted.push(i);
  const raw = master.sourceRecords(wanted);
  const members: NormalizedRecord[] = [];
  const clusters: number[][] = ids.map(() => []);
  for (const i of wanted) clusters[slotOfCluster.get(masterCluster[i])!].push(members.push(normalizeRecord(raw.get(i)!, opts.normalize)) - 1);
  ids.forEach((id, slot) => {
    for (const i of rebuilt.get(id)!.incoming) clusters[slot].push(members.push(records[i]) - 1);
  });
  return buildGoldenRecords(members, { clusters }, opts.golden).map((g, slot) => ({ ...g, goldenId: ids[slot] }));
}

/** Customers numbered by their first record. */
function numberCustomers(goldenIdOf: readonly string[]): { customerOf: number[]; customerIds: string[] } {
  const numberOf = new Map<string, number>();
  const customerIds: string[] = [];
  const customerOf = goldenIdOf.map((id) => {
    let c = numberOf.get(id);
    if (c === undefined) numberOf.set(id, (c = customerIds.push(id) - 1));
    return c;
  });
  return { customerOf, customerIds };
}

function emptyChanges(run: number, asOf: string, previousAsOf: string | null): Changes {
  return { run, asOf, previousAsOf, newCustomers: [], merged: [], changed: [], stale: [] };
}

/** Customers stale today that were not stale at the previous run (all stale ones on the first night). */
function staleSince(golden: readonly StoredGolden[], previousAsOf: string | null, opts: NightOptions): { goldenId: string; updatedAt: string }[] {
  const out: { goldenId: string; updatedAt: string }[] = [];
  for (const g of golden) {
    if (!g.updatedAt || ageInDays(g.updatedAt, opts.asOf) <= opts.staleDays) continue;
    if (previousAsOf && ageInDays(g.updatedAt, previousAsOf) > opts.staleDays) continue;
    out.push({ goldenId: g.id, updatedAt: g.updatedAt });
  }
  return out;
}

/** Ids in issue order: by number, so G1000000 comes after G999999. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
