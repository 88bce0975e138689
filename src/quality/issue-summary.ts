import type { NormalizedRecord } from '../model/record.js';
import { compareStrings } from './numbers.js';

/** Example locations kept per issue code: enough to find the pattern, never the values themselves. */
export const MAX_ISSUE_EXAMPLES = 3;

export interface IssueSummary {
  code: string;
  field: string;
  count: number;
  examples: { source: string; row: number }[];
}

/**
 * Issue codes by how often they occur (most first, then by code), each with
 * the first few source/row locations in input order. Locations only: the
 * report carries no personal data; issues.csv has every row.
 */
export function summarizeIssues(records: readonly NormalizedRecord[]): IssueSummary[] {
  const byCode = new Map<string, IssueSummary>();
  for (const r of records) {
    for (const i of r.issues) {
      let s = byCode.get(i.code);
      if (!s) byCode.set(i.code, (s = { code: i.code, field: i.field, count: 0, examples: [] }));
      s.count++;
      if (s.examples.length < MAX_ISSUE_EXAMPLES) s.examples.push({ source: r.source, row: r.row });
    }
  }
  return [...byCode.values()].sort((a, b) => b.count - a.count || compareStrings(a.code, b.code));
}
