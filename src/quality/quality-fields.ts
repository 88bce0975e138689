import type { NormalizedRecord } from '../model/record.js';
import type { CanonicalField } from '../model/fields.js';
import { cleanCell } from '../normalize/text/cell.js';
import { isNoValue } from '../normalize/text/no-value.js';

/**
 * The fields quality is measured on: which source columns feed each, and which
 * issue fields belong to it. Address covers every address part column and the
 * postcode, because the normalizer reads them as one address.
 */
export interface QualityField {
  field: string;
  /** Default weight in record completeness (config `quality.importance` overrides). */
  importance: number;
  columns: readonly CanonicalField[];
  /** `Issue.field` values that belong to this quality field. */
  issueFields: readonly string[];
  /**
   * Its normalizer reads 无, N/A, a dash as no value and says nothing (src/normalize/text/no-value.ts): such a cell
   * is missing. Name, address and company flag them as placeholders instead, which count apart.
   */
  noValueWords?: true;
}

export const QUALITY_FIELDS: readonly QualityField[] = [
  { field: 'name', importance: 3, columns: ['name', 'given_name', 'surname'], issueFields: ['name'] },
  { field: 'phone', importance: 3, columns: ['phone', 'phone2'], issueFields: ['phone'], noValueWords: true },
  { field: 'email', importance: 2, columns: ['email'], issueFields: ['email'], noValueWords: true },
  {
    field: 'address',
    importance: 2,
    columns: ['address', 'address_2', 'street_number', 'province', 'city', 'district', 'suburb', 'state', 'postcode'],
    issueFields: ['address', 'postcode'],
  },
  { field: 'company', importance: 1, columns: ['company'], issueFields: ['company'] },
  { field: 'id_number', importance: 1, columns: ['id_number'], issueFields: ['id_number'], noValueWords: true },
  { field: 'birth_date', importance: 1, columns: ['birth_date'], issueFields: ['birth_date'], noValueWords: true },
  // The date freshness is measured on: a source that has the column but leaves it empty is incomplete.
  { field: 'updated_at', importance: 1, columns: ['updated_at'], issueFields: ['updated_at'], noValueWords: true },
  // Tracked for filled and invalid rates; weight 0 so a missing gender does not lower completeness unless configured.
  { field: 'gender', importance: 0, columns: ['gender'], issueFields: ['gender'] },
];

const NON_BLANK = /\S/;

/** Whether a column of the field holds a value: not blank, and for fields with `noValueWords` not a word for none. */
export function hasRawValue(r: NormalizedRecord, f: QualityField): boolean {
  for (const c of f.columns) {
    const v = r.fields[c];
    if (v && nonBlank(v) && !(f.noValueWords && isNoValue(cleanCell(v)))) return true;
  }
  return false;
}

/** Whether v holds a character that is not a space: most values start with one (a printable ASCII or CJK character), which spares the regular expression. */
function nonBlank(v: string): boolean {
  const c = v.charCodeAt(0);
  return (c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff) || NON_BLANK.test(v);
}
