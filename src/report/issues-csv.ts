import type { NormalizedRecord } from '../model/record.js';
import { maskFreeText } from '../model/mask.js';

/**
 * issues.csv: every record-level problem, one row each, so a steward can fix
 * the data at its source. Messages never quote values; masking is a second guard.
 */
export function* issueRows(records: readonly NormalizedRecord[], opts: { mask: boolean }): Generator<{ source: string; row: string; field: string; code: string; message: string }> {
  for (const r of records) {
    for (const i of r.issues) {
      yield { source: r.source, row: String(r.row), field: i.field, code: i.code, message: opts.mask ? maskFreeText(i.message) : i.message };
    }
  }
}

export const ISSUE_COLUMNS = ['source', 'row', 'field', 'code', 'message'];
