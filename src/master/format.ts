import { z } from 'zod';

/**
 * master.json: the directory's table of contents and its commit point. A night
 * writes its segment files first and master.json last, so a run killed half-way
 * leaves the master exactly as the previous night left it (files of the
 * unfinished run are not listed here and are overwritten by the next one).
 *
 * Files of a master directory (all documented in the README):
 *   master.json              this file
 *   model.json               match parameters, estimated on the first night and reused
 *   records-NNNNNN.tsv       source records first seen in run N: ids and match features (see record-store.ts)
 *   raw-NNNNNN.ndjson        their raw values, line for line
 *   goldens-NNNNNN.tsv       golden records created or changed in run N, and merges (see golden-store.ts)
 *   merges.csv               golden ids merged into another: the redirect table
 *   golden.csv               the current golden list, for people and downstream systems
 */
export const MASTER_FORMAT = 'crmclean-master';
/**
 * 3: record lines end with the generation of the name (Jr, Sr), a column lines of older versions lack.
 * 2: golden lines hold raw cells, formula escaping is applied when a night writes golden.csv; version 1
 * stored them as the night's --escape-formulas setting had it (rawGoldensFrom tells them apart).
 */
export const MASTER_VERSION = 3;

const count = z.number().int().min(0);

export const runSchema = z.object({
  run: z.number().int().positive(),
  /** The run date (--as-of): ages, staleness and future dates are measured against it. */
  asOf: z.string(),
  /** Wall-clock time the run finished (ISO 8601, UTC). */
  finishedAt: z.string(),
  inputs: z.array(z.object({ source: z.string(), rows: count, records: count, rejects: count })),
  /** Rows the master had seen before, unchanged: they keep their customer without matching. */
  knownRecords: count,
  /** Rows new to the master, linked by matching. */
  linkedRecords: count,
  existingRecords: count,
  newRecords: count,
  newCustomers: count,
  mergedCustomers: count,
  changedCustomers: count,
  staleCustomers: count,
  goldenRecords: count,
  /** Set when the model (made by an older version) was estimated again from the master's records: why. */
  modelReestimated: z.string().optional(),
});

export const masterMetaSchema = z.object({
  format: z.literal(MASTER_FORMAT),
  version: z.number().int().positive(),
  idPrefix: z.string(),
  /** Digits of the number part (ids are zero-padded to at least this width). */
  idWidth: z.number().int().positive(),
  /** The next new customer gets this number; numbers are never reused. */
  nextId: z.number().int().positive(),
  /** The first run whose golden lines hold raw cells: lines of earlier runs (format version 1) may hold the formula escape. */
  rawGoldensFrom: z.number().int().positive(),
  /** golden.csv columns; only ever appended to, so downstream readers keep working. */
  goldenColumns: z.array(z.string()),
  /** Runs whose segment files make up the master, in order. */
  segments: z.array(z.object({ run: z.number().int().positive(), records: count, goldens: count })),
  history: z.array(runSchema),
});

export type MasterMeta = z.infer<typeof masterMetaSchema>;
export type RunEntry = z.infer<typeof runSchema>;

export const recordsFile = (run: number) => `records-${String(run).padStart(6, '0')}.tsv`;
export const rawFile = (run: number) => `raw-${String(run).padStart(6, '0')}.ndjson`;
export const goldensFile = (run: number) => `goldens-${String(run).padStart(6, '0')}.tsv`;
export const MASTER_FILE = 'master.json';
export const MODEL_FILE = 'model.json';
export const MERGES_FILE = 'merges.csv';
export const MERGE_COLUMNS = ['merged_id', 'into_id', 'run', 'as_of', 'evidence'];
