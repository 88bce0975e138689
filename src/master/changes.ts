import { maskField } from '../model/mask.js';

/**
 * changes.json: what one nightly run did to the master, for a steward and for
 * downstream systems that follow golden ids. Lists are in id order; values in
 * `changed`, of every field, are masked unless the run was asked to --unmask.
 */
export interface Changes {
  run: number;
  asOf: string;
  /** The previous run's date; null on the first night. */
  previousAsOf: string | null;
  /** Customers seen for the first time tonight. */
  newCustomers: string[];
  /** Existing customers found to be one: `from` now redirects to `into` (also in merges.csv). */
  merged: { from: string; into: string; evidence: string }[];
  /** Field values of existing customers that changed tonight (a new phone, a corrected address …). */
  changed: { goldenId: string; field: string; before: string | null; after: string | null }[];
  /** Customers whose latest update passed the stale age since the previous run. */
  stale: { goldenId: string; updatedAt: string }[];
}

export const CHANGES_SCHEMA_VERSION = 1;

export function renderChanges(changes: Changes, counts: { existingRecords: number; newRecords: number }, opts: { mask: boolean }): string {
  const mask = (field: string, v: string | null) => (v !== null && opts.mask ? maskField(field, v) : v);
  const doc = {
    schemaVersion: CHANGES_SCHEMA_VERSION,
    run: changes.run,
    asOf: changes.asOf,
    previousAsOf: changes.previousAsOf,
    counts: {
      existingRecords: counts.existingRecords,
      newRecords: counts.newRecords,
      newCustomers: changes.newCustomers.length,
      mergedCustomers: changes.merged.length,
      changedCustomers: new Set(changes.changed.map((c) => c.goldenId)).size,
      changedFields: changes.changed.length,
      staleCustomers: changes.stale.length,
    },
    newCustomers: changes.newCustomers,
    merged: changes.merged,
    changed: changes.changed.map((c) => ({ ...c, before: mask(c.field, c.before), after: mask(c.field, c.after) })),
    stale: changes.stale,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
