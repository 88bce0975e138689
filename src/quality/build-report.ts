import type { NormalizedRecord } from '../model/record.js';
import type { BlockingRuleStats } from '../model/match.js';
import { REPORT_SCHEMA_VERSION, type QualityReport, type Scores } from '../report/schema.js';
import { QUALITY_FIELDS, hasRawValue, isValidityIssue } from './quality-fields.js';
import { recordQuality, type RecordQuality } from './record-quality.js';
import { AGE_BUCKETS, ageBucket } from './freshness.js';
import { measureConsistency } from './consistency.js';
import { volumeChange, VOLUME_DROP_LIMIT } from './volume.js';

export interface QualityInput {
  records: readonly NormalizedRecord[];
  clusterOf: readonly number[];
  sources: { source: string; rows: number; records: number; rejects: number; rejectReasons: Record<string, number> }[];
  asOf: string;
  options: { staleDays?: number; ownerColumn?: string; importance?: Record<string, number> };
  previous?: QualityReport;
}

export const DEFAULT_STALE_DAYS = 365;
const WEIGHTS = { completeness: 0.3, validity: 0.25, freshness: 0.15, uniqueness: 0.15, consistency: 0.15 };
const MAX_EXAMPLES = 3;
const MAX_CLUSTER_SAMPLE = 10;

export const FORMULA =
  `overall = ${WEIGHTS.completeness}·completeness + ${WEIGHTS.validity}·validity + ${WEIGHTS.freshness}·freshness + ${WEIGHTS.uniqueness}·uniqueness + ${WEIGHTS.consistency}·consistency. ` +
  'completeness = mean over records of the importance-weighted share of the fields its source has that hold a real value (placeholders count as missing); ' +
  'validity = share of filled values without a validity issue; freshness = mean of 0.5^(age/staleDays), 0 for undated records; ' +
  'uniqueness = golden records / records (per source: 1 − share of its records duplicating another record of the same source); ' +
  'consistency = 1 − share of compared values on which the records of one customer disagree.';

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 1);

function scoresOf(q: RecordQuality[], uniqueness: number, consistency: number): Scores {
  const values = q.reduce((s, x) => s + x.values, 0);
  const invalid = q.reduce((s, x) => s + x.invalidValues, 0);
  const s = {
    completeness: mean(q.map((x) => x.completeness)),
    validity: values ? 1 - invalid / values : 1,
    freshness: mean(q.map((x) => x.freshness)),
    uniqueness,
    consistency,
  };
  const overall = Object.entries(WEIGHTS).reduce((sum, [k, w]) => sum + w * s[k as keyof typeof WEIGHTS], 0);
  return { completeness: r4(s.completeness), validity: r4(s.validity), freshness: r4(s.freshness), uniqueness: r4(s.uniqueness), consistency: r4(s.consistency), overall: r4(overall) };
}

/** Score the run: every dimension per field, per source and per record owner. Deterministic for the same input. */
export function buildQualityReport(
  input: QualityInput,
  extra: { goldenRecords: number; candidatePairs: number; blocking: BlockingRuleStats[]; reviewPairs: number },
): QualityReport {
  const { records, clusterOf, asOf } = input;
  const staleDays = input.options.staleDays ?? DEFAULT_STALE_DAYS;
  const importance = QUALITY_FIELDS.map((f) => input.options.importance?.[f.field] ?? f.importance);

  // A source "has" a field when any of its records holds a raw value for it.
  const expectedBySource = new Map<string, boolean[]>();
  for (const r of records) {
    const e = expectedBySource.get(r.source) ?? QUALITY_FIELDS.map(() => false);
    QUALITY_FIELDS.forEach((f, x) => (e[x] ||= hasRawValue(r, f)));
    expectedBySource.set(r.source, e);
  }
  const quality = records.map((r) => recordQuality(r, expectedBySource.get(r.source)!, importance, asOf, staleDays));

  const clusterSize = new Map<number, number>();
  for (const c of clusterOf) clusterSize.set(c, (clusterSize.get(c) ?? 0) + 1);
  const clusters: number[][] = [];
  clusterOf.forEach((c, i) => (clusters[c] ??= []).push(i));
  const consistency = measureConsistency(records, clusters.filter(Boolean));
  const consistencyScore = (compared: number, disagreeing: number) => (compared ? 1 - disagreeing / compared : 1);
  const totalCompared = consistency.fields.reduce((s, f) => s + f.compared, 0);
  const totalDisagreeing = consistency.fields.reduce((s, f) => s + f.disagreeing, 0);

  const groupBy = (key: (r: NormalizedRecord) => string | null) => {
    const groups = new Map<string, number[]>();
    records.forEach((r, i) => {
      const k = key(r);
      if (k !== null) (groups.get(k) ?? groups.set(k, []).get(k)!).push(i);
    });
    return groups;
  };
  /** Share of a group's records that duplicate another record of the same group. */
  const withinDuplicateRate = (idx: number[]) => (idx.length ? 1 - new Set(idx.map((i) => clusterOf[i])).size / idx.length : 0);

  const bySource = groupBy((r) => r.source);
  const sources = input.sources.map((s) => {
    const idx = bySource.get(s.source) ?? [];
    const dup = withinDuplicateRate(idx);
    const c = consistency.bySource.get(s.source) ?? { compared: 0, disagreeing: 0 };
    const previousRows = input.previous?.sources.find((p) => p.source === s.source)?.rows ?? null;
    const change = volumeChange(s.rows, previousRows);
    return {
      source: s.source,
      rows: s.rows,
      records: s.records,
      rejects: s.rejects,
      rejectReasons: Object.fromEntries(Object.entries(s.rejectReasons).sort(([a], [b]) => (a < b ? -1 : 1))),
      scores: scoresOf(idx.map((i) => quality[i]), 1 - dup, consistencyScore(c.compared, c.disagreeing)),
      duplicateRate: r4(dup),
      previousRows,
      volumeChange: change === null ? null : r4(change),
      volumeAlert: change !== null && change < -VOLUME_DROP_LIMIT,
    };
  });

  const ownerColumn = input.options.ownerColumn ?? (records.some((r) => r.fields.owner?.trim()) ? 'owner' : null);
  const ownerOf = (r: NormalizedRecord) => {
    if (!ownerColumn) return null;
    const v = (ownerColumn === 'owner' ? r.fields.owner : (r.fields[ownerColumn as keyof typeof r.fields] ?? r.extra[ownerColumn]))?.trim();
    return v || '(none)';
  };
  const owners = [...groupBy(ownerOf)]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([owner, idx]) => {
      const q = idx.map((i) => quality[i]);
      return {
        owner,
        records: idx.length,
        scores: scoresOf(q, 1 - withinDuplicateRate(idx), 1),
        invalidRate: r4(q.filter((x) => x.invalidValues > 0).length / idx.length),
        placeholderRate: r4(q.filter((x) => x.placeholders > 0).length / idx.length),
      };
    });

  const fields = QUALITY_FIELDS.map((f, x) => {
    let expected = 0;
    let filled = 0;
    let placeholder = 0;
    let invalid = 0;
    let raw = 0;
    records.forEach((r) => {
      if (!expectedBySource.get(r.source)![x]) return;
      expected++;
      if (f.filled(r)) filled++;
      if (f.placeholder(r)) placeholder++;
      if (hasRawValue(r, f)) {
        raw++;
        if (r.issues.some((i) => f.issueFields.includes(i.field) && isValidityIssue(i.code))) invalid++;
      }
    });
    return { field: f.field, expected, filled, placeholder, invalid, completeness: r4(expected ? filled / expected : 1), validity: r4(raw ? 1 - invalid / raw : 1), importance: importance[x] };
  });

  const heat = [...bySource.keys()].flatMap((source) =>
    QUALITY_FIELDS.map((f, x) => {
      if (!expectedBySource.get(source)![x]) return { source, field: f.field, rate: null };
      const idx = bySource.get(source)!;
      return { source, field: f.field, rate: r4(idx.filter((i) => f.filled(records[i])).length / idx.length) };
    }),
  );

  const issueCounts = new Map<string, { code: string; field: string; count: number; examples: { source: string; row: number }[] }>();
  for (const r of records) {
    for (const i of r.issues) {
      const e = issueCounts.get(i.code) ?? { code: i.code, field: i.field, count: 0, examples: [] };
      e.count++;
      if (e.examples.length < MAX_EXAMPLES) e.examples.push({ source: r.source, row: r.row });
      issueCounts.set(i.code, e);
    }
  }

  const histogram = AGE_BUCKETS.map(([label]) => ({ label, count: 0 }));
  let dated = 0;
  let stale = 0;
  for (const q of quality) {
    if (q.ageDays === null) continue;
    dated++;
    if (q.stale) stale++;
    histogram[ageBucket(q.ageDays)].count++;
  }

  const sizes = new Map<number, number>();
  for (const n of clusterSize.values()) sizes.set(n, (sizes.get(n) ?? 0) + 1);
  const sample = clusters
    .filter((c) => c && c.length > 1)
    .sort((a, b) => b.length - a.length || a[0] - b[0])
    .slice(0, MAX_CLUSTER_SAMPLE)
    .map((c) => ({ members: c.map((i) => ({ source: records[i].source, row: records[i].row })) }));

  const rejects = input.sources.reduce((s, x) => s + x.rejects, 0);
  const n = records.length;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    asOf,
    counts: {
      rows: n + rejects,
      records: n,
      rejects,
      goldenRecords: extra.goldenRecords,
      duplicateRecords: n - extra.goldenRecords,
      candidatePairs: extra.candidatePairs,
      reviewPairs: extra.reviewPairs,
    },
    scores: scoresOf(quality, n ? extra.goldenRecords / n : 1, consistencyScore(totalCompared, totalDisagreeing)),
    rates: {
      duplicateRate: r4(n ? (n - extra.goldenRecords) / n : 0),
      staleRate: r4(dated ? stale / dated : 0),
      invalidRate: r4(n ? quality.filter((q) => q.invalidValues > 0).length / n : 0),
    },
    formula: FORMULA,
    fields,
    sources,
    owners: { column: ownerColumn, rows: owners },
    issues: [...issueCounts.values()].sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1)),
    freshness: { staleDays, dated, stale, noDate: n - dated, histogram },
    consistency: {
      fields: consistency.fields.map((f) => ({ ...f, rate: r4(f.rate) })),
      sourcePairs: consistency.sourcePairs.map((p) => ({ ...p, rate: r4(p.rate) })),
    },
    blocking: extra.blocking,
    clusters: { sizes: [...sizes].sort((a, b) => a[0] - b[0]).map(([size, count]) => ({ size, count })), sample },
    completenessHeatmap: heat,
  };
}
