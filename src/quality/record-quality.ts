import type { NormalizedRecord } from '../model/record.js';
import { QUALITY_FIELDS } from './quality-fields.js';
import { fieldState, recordCompleteness, type FieldState } from './completeness.js';
import { hasValidityIssue } from './validity.js';
import { ageInDays, freshnessScore } from './freshness.js';

/** Everything the report needs about one record. */
export interface RecordQuality {
  /** Per quality field, in QUALITY_FIELDS order. */
  readonly states: readonly FieldState[];
  /** Per quality field: filled and carrying a validity issue. */
  readonly invalid: readonly boolean[];
  readonly completeness: number;
  readonly filledValues: number;
  readonly invalidValues: number;
  readonly placeholders: number;
  readonly freshness: number;
  readonly ageDays: number | null;
}

/**
 * Measures records one at a time into the same object: a million records
 * must not mean a million short-lived arrays. Read a result before the next call.
 */
export class RecordMeasure implements RecordQuality {
  readonly states: FieldState[] = QUALITY_FIELDS.map(() => 'absent');
  readonly invalid: boolean[] = QUALITY_FIELDS.map(() => false);
  completeness = 1;
  filledValues = 0;
  invalidValues = 0;
  placeholders = 0;
  freshness = 0;
  ageDays: number | null = null;
  /** Dates repeat across records; there are only so many days in a calendar. */
  private readonly ages = new Map<string, number>();

  constructor(
    private readonly importance: readonly number[],
    private readonly asOf: string,
    private readonly staleDays: number,
  ) {}

  measure(r: NormalizedRecord, expected: readonly boolean[]): RecordQuality {
    this.filledValues = 0;
    this.invalidValues = 0;
    this.placeholders = 0;
    for (let x = 0; x < QUALITY_FIELDS.length; x++) {
      const state = fieldState(r, QUALITY_FIELDS[x], expected[x]);
      const invalid = state === 'filled' && hasValidityIssue(r.issues, QUALITY_FIELDS[x].issueFields);
      this.states[x] = state;
      this.invalid[x] = invalid;
      if (state === 'filled') this.filledValues++;
      else if (state === 'placeholder') this.placeholders++;
      if (invalid) this.invalidValues++;
    }
    this.completeness = recordCompleteness(this.states, this.importance);
    this.ageDays = r.updatedAt ? this.age(r.updatedAt) : null;
    this.freshness = this.ageDays === null ? 0 : freshnessScore(this.ageDays, this.staleDays);
    return this;
  }

  private age(date: string): number {
    let a = this.ages.get(date);
    if (a === undefined) this.ages.set(date, (a = ageInDays(date, this.asOf)));
    return a;
  }
}
