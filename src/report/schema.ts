import { z } from 'zod';

/**
 * report.json: the public, versioned contract other tools (CI gates, dashboards,
 * the next run's `--previous`/`--baseline`) read. Every score and rate is 0–1
 * and rounded to 4 decimals; scores are 1 at best, rates 0 at best. Lists are
 * sorted, so the same input gives a byte-identical file. The report holds no
 * personal data: records are located by source file and row only.
 *
 * Bump REPORT_SCHEMA_VERSION on any change an existing reader would trip over
 * (a removed or renamed key, a changed meaning); adding an optional key is not one.
 * How each figure is computed is documented in src/quality/<dimension>.ts.
 */
export const REPORT_SCHEMA_VERSION = 1;

const score = z.number().min(0).max(1);
const count = z.number().int().min(0);

/** The five quality dimensions and their weighted mean. */
export const scoresSchema = z.object({
  /** Importance-weighted share of the fields a record's source has that hold a real value (placeholders count as missing). */
  completeness: score,
  /** 1 − invalid values / filled values. */
  validity: score,
  /** Mean of 0.5^(age / staleDays) over records; 0 for a record without a date. */
  freshness: score,
  /** 1 − duplicate rate. */
  uniqueness: score,
  /** 1 − share of merged customers whose records disagree on a field. */
  consistency: score,
  /** Weighted mean of the five, weights in `weights`. */
  overall: score,
});

/** A record's place in the input: file base name and 1-based data row. */
const location = z.object({ source: z.string(), row: z.number().int() });

/** Agreement tally: comparisons made and how many differed. */
const agreement = { compared: count, disagreeing: count, rate: score };

export const qualityReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  /** Run date (YYYY-MM-DD) ages and future dates are measured against. */
  asOf: z.string(),
  counts: z.object({
    /** Data rows read: records + rejects. */
    rows: count,
    /** Rows that became records. */
    records: count,
    /** Rows rejected at import (rejects.csv). */
    rejects: count,
    /** Customers out (golden.csv). */
    goldenRecords: count,
    /** Records another record already stands for: records − goldenRecords. */
    duplicateRecords: count,
    /** Record pairs the blocking rules proposed for scoring. */
    candidatePairs: count,
    /** Pairs between the review and match thresholds (review.csv). */
    reviewPairs: count,
  }),
  scores: scoresSchema,
  /** Weight of each dimension in `overall` (they sum to 1). */
  weights: z.object({ completeness: score, validity: score, freshness: score, uniqueness: score, consistency: score }),
  /** The rates the CI gate checks (`crmclean check`). */
  rates: z.object({
    /** duplicateRecords / records. */
    duplicateRate: score,
    /** Dated records older than staleDays / dated records. */
    staleRate: score,
    /** Rows with at least one invalid value, or rejected outright / rows read. */
    invalidRate: score,
    /** Rows rejected (ragged, unreadable) / rows read; absent in reports of versions before it. */
    rejectRate: score.optional(),
    /** Records without a usable updated_at date / records. */
    noDateRate: score,
  }),
  /** How `overall` and each score are computed, in words. */
  formula: z.string(),
  /** Per quality field (name, phone, email, address, company, id_number, birth_date, updated_at, gender). */
  fields: z.array(
    z.object({
      field: z.string(),
      /** Weight in record completeness. */
      importance: z.number().min(0),
      /** Records whose source has a column for the field. */
      expected: count,
      /** … holding a real value (invalid ones included). */
      filled: count,
      /** … holding a placeholder (李先生, 13800138000, test@test.com), counted as missing. */
      placeholder: count,
      /** … filled with a value that has a validity issue. */
      invalid: count,
      /** filled / expected: the field's completeness. */
      filledRate: score,
      /** placeholder / expected. */
      placeholderRate: score,
      /** invalid / filled: 1 − the field's validity. */
      invalidRate: score,
    }),
  ),
  /** Per input file, in input order. */
  sources: z.array(
    z.object({
      source: z.string(),
      /** Data rows read: records + rejects. */
      rows: count,
      records: count,
      rejects: count,
      /** Reject code → rows, sorted by code. */
      rejectReasons: z.record(z.string(), count),
      /** Notes on the header row, in column order: renamed blank or repeated headers, columns that lost a field to an earlier one. */
      warnings: z.array(z.string()).optional(),
      /** Headers recognised as no field (by name or by their words) and not mapped in the config: passed through as extra columns. */
      unknownColumns: z.array(z.string()).optional(),
      /** Quality fields this source has a column for: the fields its completeness is judged on. */
      fields: z.array(z.string()),
      /** Scores over this source's records (uniqueness: within the source). */
      scores: scoresSchema,
      /** Share of the source's records that duplicate another record of the same source. */
      duplicateRate: score,
      /** Rows in the previous run's report, when one was given and had this source. */
      previousRows: count.nullable(),
      /** (rows − previousRows) / previousRows; null without a previous run. */
      volumeChange: z.number().nullable(),
      /** Rows fell by more than the volume-drop limit: a broken export, not fewer customers. */
      volumeAlert: z.boolean(),
    }),
  ),
  /**
   * Sources of the previous run's report (`--previous`, `--baseline`) that had rows and are not among this
   * run's inputs, in its order: a volume drop to nothing. Empty without a previous report; absent in reports
   * of versions before it.
   */
  missingSources: z.array(z.object({ source: z.string(), previousRows: count })).optional(),
  /** The same breakdown by record owner (sales rep, branch), when an owner column exists. */
  owners: z.object({
    /** The column read (canonical `owner` or a pass-through header), null when there is none. */
    column: z.string().nullable(),
    /** Sorted by owner value; empty owners are grouped as "(none)"; records of sources without the column are in no row. */
    rows: z.array(
      z.object({
        /** Masked as free text unless --unmask (an owner column may hold reps' emails or phones). */
        owner: z.string(),
        records: count,
        scores: scoresSchema,
        /** Share of the owner's records that duplicate another of the owner's records. */
        duplicateRate: score,
        /** Records with at least one invalid value / records. */
        invalidRate: score,
        /** Records with at least one placeholder / records. */
        placeholderRate: score,
      }),
    ),
  }),
  /** Every issue code found, most frequent first, with up to 3 example locations (row by row: issues.csv). */
  issues: z.array(z.object({ code: z.string(), field: z.string(), count, examples: z.array(location).max(3) })),
  freshness: z.object({
    /** Age in days past which a record is stale; also the freshness half-life. */
    staleDays: z.number().int().positive(),
    /** Records with a usable updated_at date. */
    dated: count,
    /** Dated records older than staleDays. */
    stale: count,
    /** Records without a usable date (scored 0 for freshness). */
    noDate: count,
    /** Dated records by age; `maxDays` is the bucket's upper bound, null for the last, open one. */
    histogram: z.array(z.object({ label: z.string(), maxDays: z.number().int().nullable(), count })),
  }),
  /** Agreement inside merged customers (clusters of two or more records). */
  consistency: z.object({
    /** Per field: customers with ≥ 2 values for it, and those whose values differ. */
    fields: z.array(z.object({ field: z.string(), ...agreement })),
    /** Per pair of sources (a < b): record pairs of one customer both holding a field, and those that differ. */
    sourcePairs: z.array(z.object({ a: z.string(), b: z.string(), ...agreement })),
  }),
  /** Per blocking rule: candidate pairs, blocks skipped for size, and rules refused (with advice). */
  blocking: z.array(
    z.object({ rule: z.string(), candidatePairs: count, skippedBlocks: count, skippedRecords: count, refused: z.string().optional() }),
  ),
  clusters: z.object({
    /** How many customers were made of `size` records. */
    sizes: z.array(z.object({ size: z.number().int().positive(), count })),
    /** The largest merged customers: golden record position (0-based, golden.csv order) and member locations (at most 20). */
    sample: z.array(z.object({ goldenIndex: count, size: count, members: z.array(location) })),
  }),
  /** Source × field filled rate; null where the source has no column for the field. */
  completenessHeatmap: z.array(z.object({ source: z.string(), field: z.string(), rate: score.nullable() })),
  /** Set by runs against an earlier master list (nightly runs); absent otherwise. */
  changes: z
    .object({
      newCustomers: count,
      existingCustomers: count,
      /** Golden ids merged into another. */
      merged: z.array(z.object({ from: z.string(), into: z.string() })),
      /** Golden ids and the fields whose value changed. */
      changedFields: z.array(z.object({ goldenId: z.string(), field: z.string() })),
      staleCustomers: count,
    })
    .optional(),
});

export type QualityReport = z.infer<typeof qualityReportSchema>;
export type Scores = z.infer<typeof scoresSchema>;
