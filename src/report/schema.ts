import { z } from 'zod';

/**
 * report.json, version 1: the public, versioned contract other tools read.
 * Every score is 0–1 (1 = perfect). Bump REPORT_SCHEMA_VERSION on any
 * incompatible change.
 */
export const REPORT_SCHEMA_VERSION = 1;

const score = z.number().min(0).max(1);

export const scoresSchema = z.object({
  /** Importance-weighted share of expected fields that hold a real value (placeholders count as missing). */
  completeness: score,
  /** Share of filled values without a validity issue. */
  validity: score,
  /** Mean of 0.5^(age / staleDays) over records; records without a date score 0. */
  freshness: score,
  /** Golden records / records: 1 when nothing is duplicated. */
  uniqueness: score,
  /** 1 − share of merged customers whose sources disagree on a field. */
  consistency: score,
  overall: score,
});

const location = z.object({ source: z.string(), row: z.number().int() });

export const qualityReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  /** Run date (YYYY-MM-DD) that ages were measured against. */
  asOf: z.string(),
  counts: z.object({
    /** Data rows read (records + rejects). */
    rows: z.number().int(),
    records: z.number().int(),
    rejects: z.number().int(),
    goldenRecords: z.number().int(),
    /** Records that duplicate another: records − goldenRecords. */
    duplicateRecords: z.number().int(),
    candidatePairs: z.number().int(),
    reviewPairs: z.number().int(),
  }),
  scores: scoresSchema,
  /** Rates the CI gate checks. */
  rates: z.object({ duplicateRate: score, staleRate: score, invalidRate: score }),
  /** How `overall` and each score are computed, in words. */
  formula: z.string(),
  fields: z.array(
    z.object({
      field: z.string(),
      /** Records from sources that have this field. */
      expected: z.number().int(),
      filled: z.number().int(),
      placeholder: z.number().int(),
      invalid: z.number().int(),
      completeness: score,
      validity: score,
      importance: z.number(),
    }),
  ),
  sources: z.array(
    z.object({
      source: z.string(),
      rows: z.number().int(),
      records: z.number().int(),
      rejects: z.number().int(),
      rejectReasons: z.record(z.string(), z.number().int()),
      scores: scoresSchema,
      /** Share of the source's records that duplicate another record of the same source. */
      duplicateRate: score,
      previousRows: z.number().int().nullable(),
      /** (rows − previousRows) / previousRows. */
      volumeChange: z.number().nullable(),
      /** Rows fell by more than the volume-drop limit: a broken export, not fewer customers. */
      volumeAlert: z.boolean(),
    }),
  ),
  owners: z.object({
    column: z.string().nullable(),
    rows: z.array(z.object({ owner: z.string(), records: z.number().int(), scores: scoresSchema, invalidRate: score, placeholderRate: score })),
  }),
  issues: z.array(z.object({ code: z.string(), field: z.string(), count: z.number().int(), examples: z.array(location) })),
  freshness: z.object({
    staleDays: z.number().int(),
    dated: z.number().int(),
    stale: z.number().int(),
    noDate: z.number().int(),
    histogram: z.array(z.object({ label: z.string(), count: z.number().int() })),
  }),
  consistency: z.object({
    fields: z.array(z.object({ field: z.string(), compared: z.number().int(), disagreeing: z.number().int(), rate: score })),
    sourcePairs: z.array(z.object({ a: z.string(), b: z.string(), compared: z.number().int(), disagreeing: z.number().int(), rate: score })),
  }),
  blocking: z.array(
    z.object({ rule: z.string(), candidatePairs: z.number().int(), skippedBlocks: z.number().int(), skippedRecords: z.number().int(), refused: z.string().optional() }),
  ),
  clusters: z.object({
    sizes: z.array(z.object({ size: z.number().int(), count: z.number().int() })),
    /** The largest clusters, by member location only (no personal data). */
    sample: z.array(z.object({ members: z.array(location) })),
  }),
  /** Source × field completeness. */
  completenessHeatmap: z.array(z.object({ source: z.string(), field: z.string(), rate: score.nullable() })),
  /** Filled by nightly runs against a master. */
  changes: z
    .object({
      newCustomers: z.number().int(),
      existingCustomers: z.number().int(),
      merged: z.array(z.object({ from: z.string(), into: z.string() })),
      changedFields: z.array(z.object({ goldenId: z.string(), field: z.string() })),
      staleCustomers: z.number().int(),
    })
    .optional(),
});

export type QualityReport = z.infer<typeof qualityReportSchema>;
export type Scores = z.infer<typeof scoresSchema>;
