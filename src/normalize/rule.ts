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

export function issue(field: string, code: string, message: string): Issue {
  return { field, code, message };
}
