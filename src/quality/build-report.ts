import type { NormalizedRecord } from '../model/record.js';
import type { BlockingRuleStats } from '../model/match.js';
import { REPORT_SCHEMA_VERSION, type QualityReport } from '../report/schema.js';
import { QUALITY_FIELDS } from './quality-fields.js';
import { expectedFieldsBySource, importanceWeights } from './completeness.js';
import { RecordMeasure } from './record-quality.js';
import { AGE_BUCKETS, DEFAULT_STALE_DAYS, ageBucket } from './freshness.js';
import { overallDuplicateRate, withinGroupDuplicateRates } from './uniqueness.js';
import { measureConsistency } from './consistency.js';
import { isVolumeDrop, missingSources, volumeChange } from './volume.js';
import { ownerResolver } from './owners.js';
import { FORMULA, SCORE_WEIGHTS } from './overall.js';
import { GroupTally } from './tally.js';
import { IssueTally } from './issue-summary.js';
import { ClusterIndex, clusterStats } from './clusters.js';
import { compareStrings, ratio, round4 } from './numbers.js';
import { int32s } from '../model/big-arrays.js';
import { maskFreeText } from '../model/mask.js';

export interface QualitySource {
  source: string;
  /** Data rows read: records + rejects. */
  rows: number;
  records: number;
  rejects: number;
  rejectReasons: Record<string, number>;
  /**
   * Canonical fields the source's column mapping uses. When given, completeness
   * judges the source on exactly these; without it, on the fields its records fill
   * (so a column left empty in every row goes unnoticed).
   */
  columns?: readonly string[];
  /** Notes on the file's header row (renamed headers, columns that lost a field), for people. */
  warnings?: readonly string[];
  /** Headers not recognised as any field, kept as extra columns. */
  unknownColumns?: readonly string[];
}

export interface QualityInput {
  records: readonly NormalizedRecord[];
  /** Per record, its cluster number: the golden record's position. */
  clusterOf: readonly number[];
  sources: readonly QualitySource[];
  /** Run date, YYYY-MM-DD. */
  asOf: string;
  options: { staleDays?: number; ownerColumn?: string; importance?: Record<string, number>; volumeDropLimit?: number };
  /** The previous run's report, for volume changes per source. */
  previous?: QualityReport;
  /**
   * Show owner values and header cells as they are (--unmask). By default they
   * go through the free-text masker: an owner column may hold reps' emails, and
   * the "headers" of a file without a header row are a customer's cells.
   */
  unmask?: boolean;
}

export interface QualityExtra {
  goldenRecords: number;
  candidatePairs: number;
  blocking: BlockingRuleStats[];
  reviewPairs: number;
}

interface FieldCounts {
  expected: number;
  filled: number;
  placeholder: number;
  invalid: number;
}

const emptyCounts = (): FieldCounts[] => QUALITY_FIELDS.map(() => ({ expected: 0, filled: 0, placeholder: 0, invalid: 0 }));

/**
 * Score a run: every dimension overall, per field, per source and per record
 * owner, in one pass over the records. Pure and deterministic: no clock (ages
 * are measured against `asOf`), sorted lists, figures rounded to 4 decimals.
 */
export function buildQualityReport(input: QualityInput, extra: QualityExtra): QualityReport {
  const { records, clusterOf, asOf } = input;
  const staleDays = input.options.staleDays ?? DEFAULT_STALE_DAYS;
  const importance = importanceWeights(input.options.importance);
  const expected = expectedFieldsBySource(records, input.sources);
  const clusters = new ClusterIndex(clusterOf);
  const consistency = measureConsistency(records, clusters);
  const owner = ownerResolver(records, input.options.ownerColumn, input.sources);
  const text = input.unmask ? (x: string) => x : maskFreeText;

  // Overall uniqueness comes from the golden count; per source and owner from each record's group number.
  const all = new GroupTally();
  const bySource = new Map<string, { group: number; tally: GroupTally; fields: FieldCounts[] }>();
  const byOwner = new Map<string, { group: number; tally: GroupTally }>();
  const sourceGroup = int32s(records.length);
  const ownerGroup = int32s(records.length).fill(-1);
  const measure = new RecordMeasure(importance, asOf, staleDays);
  const histogram = AGE_BUCKETS.map(() => 0);
  const issues = new IssueTally();
  let stale = 0;
  let dated = 0;

  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const q = measure.measure(r, expected(r.source));
    issues.add(r);
    const c = consistency.compared[i];
    const d = consistency.disagreeing[i];
    all.add(q, c, d);
    let s = bySource.get(r.source);
    if (!s) bySource.set(r.source, (s = { group: bySource.size, tally: new GroupTally(), fields: emptyCounts() }));
    s.tally.add(q, c, d);
    sourceGroup[i] = s.group;
    for (let x = 0; x < q.states.length; x++) {
      const state = q.states[x];
      if (state === 'absent') continue;
      const f = s.fields[x];
      f.expected++;
      if (state === 'filled') f.filled++;
      else if (state === 'placeholder') f.placeholder++;
      if (q.invalid[x]) f.invalid++;
    }
    const o = owner.ownerOf(r);
    if (o !== null) {
      let t = byOwner.get(o);
      if (!t) byOwner.set(o, (t = { group: byOwner.size, tally: new GroupTally() }));
      t.tally.add(q, c, d);
      ownerGroup[i] = t.group;
    }
    if (q.ageDays !== null) {
      dated++;
      if (q.ageDays > staleDays) stale++;
      histogram[ageBucket(q.ageDays)]++;
    }
  }

  const sourceDuplicates = withinGroupDuplicateRates(sourceGroup, bySource.size, clusters);
  const ownerDuplicates = withinGroupDuplicateRates(ownerGroup, byOwner.size, clusters);
  const volumeDropLimit = input.options.volumeDropLimit;
  const sources = input.sources.map((src) => {
    const s = bySource.get(src.source);
    const dup = s ? sourceDuplicates[s.group] : 0;
    const tally = s?.tally ?? new GroupTally();
    const previousRows = input.previous?.sources.find((p) => p.source === src.source)?.rows ?? null;
    const change = volumeChange(src.rows, previousRows);
    const has = expected(src.source);
    return {
      source: src.source,
      rows: src.rows,
      records: src.records,
      rejects: src.rejects,
      rejectReasons: Object.fromEntries(Object.entries(src.rejectReasons).sort(([a], [b]) => compareStrings(a, b))),
      warnings: (src.warnings ?? []).map(text),
      unknownColumns: (src.unknownColumns ?? []).map(text),
      fields: QUALITY_FIELDS.filter((_, x) => has[x]).map((f) => f.field),
      scores: tally.scores(1 - dup),
      duplicateRate: round4(dup),
      previousRows,
      volumeChange: change === null ? null : round4(change),
      volumeAlert: isVolumeDrop(change, volumeDropLimit),
    };
  });

  const owners = [...byOwner]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([name, { group, tally: t }]) => {
      const dup = ownerDuplicates[group];
      return {
        owner: text(name),
        records: t.records,
        scores: t.scores(1 - dup),
        duplicateRate: round4(dup),
        invalidRate: round4(ratio(t.withInvalid, t.records, 0)),
        placeholderRate: round4(ratio(t.withPlaceholder, t.records, 0)),
      };
    });

  // Per source first (for the heat map, in input order), then summed per field.
  const rank = new Map(input.sources.map((s, x) => [s.source, x]));
  const sourceFields = [...bySource]
    .map(([source, s]) => ({ source, fields: s.fields }))
    .sort((a, b) => (rank.get(a.source) ?? rank.size) - (rank.get(b.source) ?? rank.size) || compareStrings(a.source, b.source));
  const fields = QUALITY_FIELDS.map((f, x) => {
    const t = { expected: 0, filled: 0, placeholder: 0, invalid: 0 };
    for (const s of sourceFields) {
      const c = s.fields[x];
      t.expected += c.expected;
      t.filled += c.filled;
      t.placeholder += c.placeholder;
      t.invalid += c.invalid;
    }
    return {
      field: f.field,
      importance: importance[x],
      ...t,
      filledRate: round4(ratio(t.filled, t.expected, 0)),
      placeholderRate: round4(ratio(t.placeholder, t.expected, 0)),
      invalidRate: round4(ratio(t.invalid, t.filled, 0)),
    };
  });
  const completenessHeatmap = sourceFields.flatMap((s) =>
    QUALITY_FIELDS.map((f, x) => {
      const c = s.fields[x];
      return { source: s.source, field: f.field, rate: expected(s.source)[x] ? round4(ratio(c.filled, c.expected, 0)) : null };
    }),
  );

  const n = records.length;
  const rejects = input.sources.reduce((sum, s) => sum + s.rejects, 0);
  const duplicateRate = overallDuplicateRate(n, extra.goldenRecords);
  const totalCompared = consistency.fields.reduce((sum, f) => sum + f.compared, 0);
  const totalDisagreeing = consistency.fields.reduce((sum, f) => sum + f.disagreeing, 0);
  // Overall consistency is per customer (see consistency.ts), not per record comparison as in the groups.
  const scores = all.scores(1 - duplicateRate, 1 - ratio(totalDisagreeing, totalCompared, 0));

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    asOf,
    counts: {
      rows: n + rejects,
      records: n,
      rejects,
      goldenRecords: extra.goldenRecords,
      duplicateRecords: Math.max(0, n - extra.goldenRecords),
      candidatePairs: extra.candidatePairs,
      reviewPairs: extra.reviewPairs,
    },
    scores,
    weights: { ...SCORE_WEIGHTS },
    rates: {
      duplicateRate: round4(duplicateRate),
      staleRate: round4(ratio(stale, dated, 0)),
      // A rejected row is invalid data too: an export of ragged rows must not pass the gate for having no records.
      invalidRate: round4(ratio(all.withInvalid + rejects, n + rejects, 0)),
      rejectRate: round4(ratio(rejects, n + rejects, 0)),
      noDateRate: round4(ratio(n - dated, n, 0)),
    },
    formula: FORMULA,
    fields,
    sources,
    missingSources: missingSources(input.sources.map((s) => s.source), input.previous?.sources ?? []),
    owners: { column: owner.column === null ? null : text(owner.column), rows: owners },
    issues: issues.summary(),
    freshness: {
      staleDays,
      dated,
      stale,
      noDate: n - dated,
      histogram: AGE_BUCKETS.map((b, x) => ({ label: b.label, maxDays: Number.isFinite(b.maxDays) ? b.maxDays : null, count: histogram[x] })),
    },
    consistency: {
      fields: consistency.fields.map((f) => ({ ...f, rate: round4(ratio(f.disagreeing, f.compared, 0)) })),
      sourcePairs: consistency.sourcePairs.map((p) => ({ ...p, rate: round4(ratio(p.disagreeing, p.compared, 0)) })),
    },
    blocking: extra.blocking.map((b) => ({ ...b })),
    clusters: clusterStats(records, clusters),
    completenessHeatmap,
  };
}
