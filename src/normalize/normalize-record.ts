import type { CountryCode } from 'libphonenumber-js';
import type { Issue, NormalizedRecord, SourceRecord } from '../model/record.js';
import { personNameRule } from './rules/person-name.js';
import { companyNameRule } from './rules/company-name.js';
import { phoneRule } from './rules/phone.js';
import { emailRule } from './rules/email.js';
import { idNumberRule } from './rules/id-number.js';
import { dateRule } from './rules/date.js';
import { genderRule } from './rules/gender.js';
import { addressRule } from './rules/address.js';

export interface NormalizeOptions {
  /** Region for numbers written without a country code. */
  defaultRegion: CountryCode;
  /** Reading of ambiguous slash dates. */
  dateOrder: 'YMD' | 'DMY' | 'MDY';
  /** ISO run date: dates after it are flagged as future. */
  asOf: string;
}

export const DEFAULT_NORMALIZE_OPTIONS: Omit<NormalizeOptions, 'asOf'> = { defaultRegion: 'CN', dateOrder: 'YMD' };

/** Issues of the record being normalized; the record keeps a copy of exactly its own (one scratch array, not one per record). */
const found: Issue[] = [];

function collect<T>(r: { issues: Issue[]; parts: T }): T {
  for (const i of r.issues) found.push(i);
  return r.parts;
}

/** The phone and phone2 columns as one cell, "a / b" when both are filled. */
function phoneCell(phone: string | undefined, phone2: string | undefined): string {
  const a = phone?.trim() ? phone : '';
  const b = phone2?.trim() ? phone2 : '';
  return a && b ? `${a} / ${b}` : a || b;
}

/**
 * Apply every normalizer to one imported record. Pure: the raw values stay in
 * `fields`, normalized values sit beside them, and problems become issue codes.
 */
export function normalizeRecord(rec: SourceRecord, options: NormalizeOptions): NormalizedRecord {
  const f = rec.fields;
  found.length = 0;

  const name = collect(personNameRule.normalize({ name: f.name, given: f.given_name, family: f.surname }));
  const company = collect(companyNameRule.normalize(f.company ?? ''));
  const phones = collect(phoneRule.normalize(phoneCell(f.phone, f.phone2), { defaultRegion: options.defaultRegion }));
  const email = collect(emailRule.normalize(f.email ?? ''));
  const gender = collect(genderRule.normalize(f.gender ?? ''));
  const birthDate = collect(
    dateRule.normalize(f.birth_date ?? '', { order: options.dateOrder, kind: 'birth', asOf: options.asOf }),
  );
  const idNumber = collect(idNumberRule.normalize(f.id_number ?? '', { birthDate, gender }));
  const updatedAt = collect(
    dateRule.normalize(f.updated_at ?? '', { order: options.dateOrder, kind: 'event', asOf: options.asOf }),
  );
  const address = collect(
    // The address columns are fields of the same names.
    addressRule.normalize(f, {}),
  );

  return {
    source: rec.source,
    row: rec.row,
    line: rec.line,
    fields: rec.fields,
    extra: rec.extra,
    name,
    company,
    phones,
    email,
    idNumber,
    // A valid ID number carries the birth date and gender when the columns are empty.
    birthDate: birthDate ?? (idNumber?.valid ? idNumber.birthDate : null),
    gender: gender ?? (idNumber?.valid ? idNumber.gender : null),
    address,
    updatedAt,
    issues: found.slice(),
  };
}
