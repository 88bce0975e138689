import type { NormalizedRecord, SourceRecord } from '../model/record.js';
import type { MatchResult } from '../model/match.js';

/**
 * The NDJSON wire format between stage subcommands (`crmclean import | normalize |
 * dedupe --stdin | export`). Every line is one object tagged with `kind`, so one
 * stream carries records together with what later stages need to account for
 * every input row: source summaries and rejects.
 */

export interface SourceLine {
  kind: 'source';
  source: string;
  path: string;
  encoding: string;
  delimiter: string;
  headers: string[];
  mapping: Record<string, string | null>;
  records: number;
  rejects: number;
  /** Renamed headers and columns that lost a field to an earlier one (see SourceSummary in src/io/read-source.ts). */
  warnings: string[];
  /** Headers not recognised, kept as extra columns. */
  unknownColumns: string[];
}

export interface RejectLine {
  kind: 'reject';
  source: string;
  row: number | null;
  line: number;
  code: string;
  reason: string;
}

export type RecordLine = { kind: 'record' } & SourceRecord;
export type NormalizedLine = { kind: 'normalized' } & NormalizedRecord;

/** The dedupe stage's decision, everything export needs besides the records. */
export interface MatchLine {
  kind: 'match';
  result: MatchResult;
  model: unknown;
}

export type StreamLine = SourceLine | RejectLine | RecordLine | NormalizedLine | MatchLine;
