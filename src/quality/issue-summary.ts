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
 * report carries no personal data; issues.csv has every row. Records are
 * added one at a time, so that the report reads each record once.
 */
export class IssueTally {
  private readonly byCode = new Map<string, IssueSummary>();

  add(r: NormalizedRecord): void {
    for (const i of r.issues) {
      let s = this.byCode.get(i.code);
      if (!s) this.byCode.set(i.code, (s = { code: i.code, field: i.field, count: 0, examples: [] }));
      s.count++;
      if (s.examples.length < MAX_ISSUE_EXAMPLES) s.examples.push({ source: r.source, row: r.row });
    }
  }

  summary(): IssueSummary[] {
    return [...this.byCode.values()].sort((a, b) => b.count - a.count || compareStrings(a.code, b.code));
  }
}
