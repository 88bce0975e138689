import type { NormalizedRecord } from '../model/record.js';
import { isCanonicalField } from '../model/fields.js';

/**
 * Owners: the same breakdown as per source, by the value of the owner column
 * (a sales-rep code, a branch), so quality problems reach the people who can
 * fix them. The column is `quality.ownerColumn` (a canonical field or a
 * pass-through header), else the canonical `owner` field when any record has
 * one. Records with an empty owner are grouped under "(none)".
 */
export const NO_OWNER = '(none)';

export interface OwnerResolver {
  column: string | null;
  ownerOf(r: NormalizedRecord): string | null;
}

export function ownerResolver(records: readonly NormalizedRecord[], ownerColumn: string | undefined): OwnerResolver {
  const column = ownerColumn ?? (records.some((r) => r.fields.owner?.trim()) ? 'owner' : null);
  if (column === null) return { column, ownerOf: () => null };
  const read = isCanonicalField(column) ? (r: NormalizedRecord) => r.fields[column] : (r: NormalizedRecord) => r.extra[column];
  return { column, ownerOf: (r) => read(r)?.trim() || NO_OWNER };
}
