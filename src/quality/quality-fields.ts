import type { NormalizedRecord } from '../model/record.js';
import type { CanonicalField } from '../model/fields.js';

/**
 * The fields quality is measured on: which source columns feed each, whether
 * a record holds a real value, and whether what it holds is a placeholder.
 */
export interface QualityField {
  field: string;
  /** Default weight in record completeness: a phone matters more than a birth date. */
  importance: number;
  columns: readonly CanonicalField[];
  filled(r: NormalizedRecord): boolean;
  placeholder(r: NormalizedRecord): boolean;
  /** Issue field names that belong to this quality field. */
  issueFields: readonly string[];
}

export const QUALITY_FIELDS: readonly QualityField[] = [
  { field: 'name', importance: 3, columns: ['name', 'given_name', 'surname'], filled: (r) => !!r.name.display && !r.name.placeholder, placeholder: (r) => r.name.placeholder, issueFields: ['name'] },
  { field: 'phone', importance: 3, columns: ['phone', 'phone2'], filled: (r) => r.phones.some((p) => !p.fake && p.valid), placeholder: (r) => r.phones.length > 0 && r.phones.every((p) => p.fake), issueFields: ['phone'] },
  { field: 'email', importance: 2, columns: ['email'], filled: (r) => r.email.valid && !r.email.placeholder, placeholder: (r) => r.email.placeholder, issueFields: ['email'] },
  {
    field: 'address',
    importance: 2,
    columns: ['address', 'province', 'city', 'district', 'suburb', 'postcode', 'street_number', 'state'],
    filled: (r) => r.address.display !== null,
    placeholder: (r) => r.issues.some((i) => i.code === 'address.placeholder'),
    issueFields: ['address', 'postcode'],
  },
  { field: 'company', importance: 1, columns: ['company'], filled: (r) => r.company.key !== null, placeholder: (r) => r.company.display !== null && r.company.key === null, issueFields: ['company'] },
  { field: 'id_number', importance: 1, columns: ['id_number'], filled: (r) => r.idNumber !== null && r.idNumber.valid, placeholder: (r) => r.issues.some((i) => i.code === 'id_number.placeholder'), issueFields: ['id_number'] },
  { field: 'birth_date', importance: 1, columns: ['birth_date'], filled: (r) => r.birthDate !== null, placeholder: () => false, issueFields: ['birth_date'] },
  { field: 'updated_at', importance: 1, columns: ['updated_at'], filled: (r) => r.updatedAt !== null, placeholder: () => false, issueFields: ['updated_at'] },
];

/** Placeholders are a completeness problem; every other issue code says a value is wrong. */
export function isValidityIssue(code: string): boolean {
  return !code.endsWith('.placeholder');
}

export function hasRawValue(r: NormalizedRecord, f: QualityField): boolean {
  return f.columns.some((c) => !!r.fields[c]?.trim());
}
