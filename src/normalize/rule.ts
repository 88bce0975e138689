import type { Issue, NormResult } from '../model/record.js';

/**
 * One normalizer = one rule file (ESLint-style): an id, a short doc, the issue
 * codes it can emit (each with its own doc), and a pure function that never throws.
 */
export interface NormalizerRule<Input, Parts, Options = void> {
  id: string;
  doc: string;
  /** Stable issue codes this rule may emit, e.g. { 'phone.placeholder': 'A known fake number such as 13800138000.' } */
  codes: Record<string, string>;
  normalize(input: Input, options: Options): NormResult<Parts>;
}

/**
 * What a normalized record keeps of one rule's result: its parts and issues. Findings
 * are cached and shared between records (one object for every 张先生, every empty cell),
 * so neither they nor their parts and issue lists are ever changed.
 */
export interface Finding<P> {
  parts: P;
  issues: Issue[];
}

/** The issue list of every finding without issues. */
export const NO_ISSUES: Issue[] = Object.freeze([]) as unknown as Issue[];

export function issue(field: string, code: string, message: string): Issue {
  return { field, code, message };
}

/** A list of issues with fixed messages, made once and shared by every finding that has them. */
export function sharedIssues(...issues: Issue[]): Issue[] {
  return Object.freeze(issues.map((i) => Object.freeze(i))) as unknown as Issue[];
}
