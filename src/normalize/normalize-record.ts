import type { CountryCode } from 'libphonenumber-js';
import type { Issue, NormalizedRecord, SourceRecord } from '../model/record.js';
import { NO_ISSUES, type Finding } from './rule.js';
import { readName } from './rules/person-name.js';
import { readCompanyName } from './rules/company-name.js';
import { readPhones } from './rules/phone.js';
import { readEmail } from './rules/email.js';
import { readIdNumber } from './rules/id-number.js';
import { dateReader, type DateReader } from './rules/date.js';
import { readGender } from './rules/gender.js';
import { readAddress } from './rules/address.js';

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

function collect<T>(finding: Finding<T>): T {
  const { issues } = finding;
  for (let i = 0; i < issues.length; i++) found.push(issues[i]);
  return finding.parts;
}

/**
 * The record's own copy of `found`. One issue (the usual case when there is any) goes into an array
 * literal: V8 allocates those long-lived arrays straight in the old generation, where slice()'s copies
 * are copied again by every young-generation collection they live through.
 */
function keptIssues(): Issue[] {
  if (found.length === 0) return NO_ISSUES;
  return found.length === 1 ? [found[0]] : found.slice();
}

/** The phone and phone2 columns as one cell, "a / b" when both are filled. */
function phoneCell(phone: string | undefined, phone2: string | undefined): string {
  const a = phone?.trim() ? phone : '';
  const b = phone2?.trim() ? phone2 : '';
  return a && b ? `${a} / ${b}` : a || b;
}

/** The date readers of the options last seen: callers pass one options object for a whole run. */
let dates: { options: NormalizeOptions; birth: DateReader; event: DateReader } | null = null;

function dateReaders(options: NormalizeOptions): { birth: DateReader; event: DateReader } {
  if (dates?.options !== options) {
    const { dateOrder: order, asOf } = options;
    dates = { options, birth: dateReader({ order, kind: 'birth', asOf }), event: dateReader({ order, kind: 'event', asOf }) };
  }
  return dates;
}

/**
 * Apply every normalizer to one imported record. Pure: the raw values stay in
 * `fields`, normalized values sit beside them, and problems become issue codes.
 * Parts are shared between records with the same values: never change them.
 */
export function normalizeRecord(rec: SourceRecord, options: NormalizeOptions): NormalizedRecord {
  const f = rec.fields;
  const { birth, event } = dateReaders(options);
  found.length = 0;

  // The address columns are fields of the same names. The address is read first, for the country its phone
  // numbers are dialled in; its issues still come last.
  const addressFinding = readAddress(f);
  const name = collect(readName(f.name, f.given_name, f.surname));
  const company = collect(readCompanyName(f.company));
  const phones = collect(readPhones(phoneCell(f.phone, f.phone2), options.defaultRegion, addressFinding.country));
  const email = collect(readEmail(f.email));
  const gender = collect(readGender(f.gender));
  const birthDate = collect(birth(f.birth_date));
  const idNumber = collect(readIdNumber(f.id_number, birthDate, gender));
  const updatedAt = collect(event(f.updated_at));
  const address = collect(addressFinding);

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
    issues: keptIssues(),
  };
}
