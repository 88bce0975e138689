import { z } from 'zod';
import { CANONICAL_FIELDS } from '../model/fields.js';

/**
 * The crmclean config file (JSON). Every section is optional; defaults are chosen
 * to work on data nobody has tuned for. Objects are strict so a misspelt key is
 * reported instead of silently ignored.
 */

const canonicalOrIgnore = z.enum([...CANONICAL_FIELDS, 'ignore']);

export const sourceConfigSchema = z
  .object({
    encoding: z.string().optional(),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    /** Source header → canonical field (or "ignore"); overrides detection for the named headers. */
    columns: z.record(z.string(), canonicalOrIgnore).optional(),
    /** Lower number = more trusted, used by the source_priority survivorship rule. */
    priority: z.number().int().optional(),
  })
  .strict();

export const matchConfigSchema = z
  .object({
    /** Posterior probability at or above which a pair is merged. */
    threshold: z.number().min(0).max(1).optional(),
    /** Pairs between reviewThreshold and threshold go to review.csv. */
    reviewThreshold: z.number().min(0).max(1).optional(),
    blocking: z.array(z.string()).optional(),
    comparisons: z.array(z.string()).optional(),
    maxBlockSize: z.number().int().positive().optional(),
  })
  .strict();

export const goldenConfigSchema = z
  .object({
    sourcePriority: z.array(z.string()).optional(),
    /** Field → ordered survivorship rule names, e.g. { "phone": ["valid_over_invalid", "most_recent"] }. */
    fields: z.record(z.string(), z.array(z.string())).optional(),
    idPrefix: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,9}$/).optional(),
  })
  .strict();

export const qualityThresholdsSchema = z
  .object({
    minCompleteness: z.number().min(0).max(1).optional(),
    maxDuplicateRate: z.number().min(0).max(1).optional(),
    maxStaleRate: z.number().min(0).max(1).optional(),
    maxInvalidRate: z.number().min(0).max(1).optional(),
    maxRejectRate: z.number().min(0).max(1).optional(),
    minOverall: z.number().min(0).max(1).optional(),
  })
  .strict();

export const qualityConfigSchema = z
  .object({
    staleDays: z.number().int().positive().optional(),
    /** Column holding the record owner: a canonical field such as "owner", or a header as the files have it (mapped to a field or kept as an extra column). */
    ownerColumn: z.string().optional(),
    /** Field → importance weight for record completeness. */
    importance: z.record(z.string(), z.number().min(0)).optional(),
    thresholds: qualityThresholdsSchema.optional(),
  })
  .strict();

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    /** Region for phone numbers written without a country code (ISO 3166 alpha-2). */
    defaultRegion: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as CN').optional(),
    /** How to read ambiguous slash dates such as 02/11/2023. */
    dateOrder: z.enum(['YMD', 'DMY', 'MDY']).optional(),
    sources: z.record(z.string(), sourceConfigSchema).optional(),
    match: matchConfigSchema.optional(),
    golden: goldenConfigSchema.optional(),
    quality: qualityConfigSchema.optional(),
  })
  .strict();

export type CrmConfig = z.infer<typeof configSchema>;
export type SourceConfig = z.infer<typeof sourceConfigSchema>;
export type QualityThresholds = z.infer<typeof qualityThresholdsSchema>;
