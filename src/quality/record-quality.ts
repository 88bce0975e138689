import type { NormalizedRecord } from '../model/record.js';
import { QUALITY_FIELDS, hasRawValue, isValidityIssue } from './quality-fields.js';
import { ageInDays, freshnessScore } from './freshness.js';

/** Everything the report needs about one record, computed once. */
export interface RecordQuality {
  completeness: number;
  /** Filled values and those among them with a validity issue. */
  values: number;
  invalidValues: number;
  freshness: number;
  ageDays: number | null;
  stale: boolean;
  placeholders: number;
}

/**
 * `expected` lists the quality fields the record's source has columns for: a
 * source without an email column is not marked down for missing emails.
 */
export function recordQuality(r: NormalizedRecord, expected: readonly boolean[], importance: readonly number[], asOf: string, staleDays: number): RecordQuality {
  let weight = 0;
  let got = 0;
  let values = 0;
  let invalidValues = 0;
  let placeholders = 0;
  const invalidFields = new Set(r.issues.filter((i) => isValidityIssue(i.code)).map((i) => i.field));
  QUALITY_FIELDS.forEach((f, x) => {
    if (!expected[x]) return;
    weight += importance[x];
    if (f.filled(r)) got += importance[x];
    if (f.placeholder(r)) placeholders++;
    if (hasRawValue(r, f)) {
      values++;
      if (f.issueFields.some((name) => invalidFields.has(name))) invalidValues++;
    }
  });
  const ageDays = r.updatedAt ? ageInDays(r.updatedAt, asOf) : null;
  return {
    completeness: weight ? got / weight : 1,
    values,
    invalidValues,
    freshness: ageDays === null ? 0 : freshnessScore(ageDays, staleDays),
    ageDays,
    stale: ageDays !== null && ageDays > staleDays,
    placeholders,
  };
}
