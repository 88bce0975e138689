import type { NormalizedRecord } from '../model/record.js';
import { QUALITY_FIELDS } from './quality-fields.js';
import { fieldState, recordCompleteness, type FieldState } from './completeness.js';
import { hasValidityIssue } from './validity.js';
import { ageInDays, freshnessScore } from './freshness.js';

/** Everything the report needs about one record, computed once in one pass. */
export interface RecordQuality {
  /** Per quality field, in QUALITY_FIELDS order. */
  states: FieldState[];
  /** Per quality field: filled and carrying a validity issue. */
  invalid: boolean[];
  completeness: number;
  filledValues: number;
  invalidValues: number;
  placeholders: number;
  freshness: number;
  ageDays: number | null;
}

export function measureRecord(
  r: NormalizedRecord,
  expected: readonly boolean[],
  importance: readonly number[],
  asOf: string,
  staleDays: number,
): RecordQuality {
  const states = QUALITY_FIELDS.map((f, x) => fieldState(r, f, expected[x]));
  const invalid = QUALITY_FIELDS.map((f, x) => states[x] === 'filled' && hasValidityIssue(r.issues, f.issueFields));
  let filledValues = 0;
  let invalidValues = 0;
  let placeholders = 0;
  for (let x = 0; x < states.length; x++) {
    if (states[x] === 'filled') filledValues++;
    else if (states[x] === 'placeholder') placeholders++;
    if (invalid[x]) invalidValues++;
  }
  const ageDays = r.updatedAt ? ageInDays(r.updatedAt, asOf) : null;
  return {
    states,
    invalid,
    completeness: recordCompleteness(states, importance),
    filledValues,
    invalidValues,
    placeholders,
    freshness: ageDays === null ? 0 : freshnessScore(ageDays, staleDays),
    ageDays,
  };
}
