import type { NormalizedRecord } from '../model/record.js';
import { isCanonicalField } from '../model/fields.js';

/**
 * Owners: the same breakdown as per source, by the value of the owner column
 * (a sales-rep code, a branch), so quality problems reach the people who can
 * fix them. The column is `quality.ownerColumn` (a canonical field or a
 * pass-through header), else the canonical `owner` field when any record has
 * one. Records with an empty owner are grouped under "(none)"; records of a
 * source without the column are in no owner's row: a file that never had
 * owners is not a pile of unassigned customers.
 */
export const NO_OWNER = '(none)';

export interface OwnerResolver {
  column: string | null;
  ownerOf(r: NormalizedRecord): string | null;
}

/**
 * The column `quality.ownerColumn` names, as the records hold it: a header the
 * import mapped to a canonical field is read as that field — "SALES REP", the
 * name a steward sees in the file, is the canonical `owner` of its records,
 * and as a header it would match no record. Otherwise the name as given.
 */
export function ownerColumnOf(configured: string, sources: readonly { mapping: Record<string, string | null> }[]): string {
  for (const s of sources) {
    const field = s.mapping[configured];
    if (field && isCanonicalField(field)) return field;
  }
  return configured;
}

export function ownerResolver(
  records: readonly NormalizedRecord[],
  ownerColumn: string | undefined,
  sources: readonly { source: string; columns?: readonly string[] }[],
): OwnerResolver {
  const column = ownerColumn ?? (records.some((r) => r.fields.owner?.trim()) ? 'owner' : null);
  if (column === null) return { column, ownerOf: () => null };
  const withColumn = sourcesWithColumn(records, column, sources);
  const read = isCanonicalField(column) ? (r: NormalizedRecord) => r.fields[column] : (r: NormalizedRecord) => r.extra[column];
  return { column, ownerOf: (r) => (withColumn.has(r.source) ? read(r)?.trim() || NO_OWNER : null) };
}

/**
 * A canonical column by the source's mapping when known, else by a record
 * filling it; a pass-through header is a key of every record of its file
 * (blank cells included), so one record tells.
 */
function sourcesWithColumn(records: readonly NormalizedRecord[], column: string, sources: readonly { source: string; columns?: readonly string[] }[]): Set<string> {
  const canonical = isCanonicalField(column);
  const decided = new Set<string>();
  const has = new Set<string>();
  for (const s of sources) {
    if (!canonical || !s.columns) continue;
    decided.add(s.source);
    if (s.columns.includes(column)) has.add(s.source);
  }
  for (const r of records) {
    if (decided.has(r.source) || has.has(r.source)) continue;
    if (canonical ? r.fields[column]?.trim() : column in r.extra) has.add(r.source);
  }
  return has;
}
