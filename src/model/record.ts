import type { CanonicalField } from './fields.js';

/** Where a record came from: the lineage carried through every stage. */
export interface Lineage {
  /** Input file's base name, e.g. `crm_sales.csv`. */
  source: string;
  /** 1-based position among the file's data records (header excluded). */
  row: number;
  /** 1-based physical line where the record starts (differs from row when quoted fields span lines). */
  line: number;
}

/** A record as imported: raw source values mapped to canonical fields. */
export interface SourceRecord extends Lineage {
  fields: Partial<Record<CanonicalField, string>>;
  /** Columns with no canonical meaning, by their original header, passed through untouched. */
  extra: Record<string, string>;
}

/** A data problem found by a normalizer or validator. Codes are stable (e.g. `phone.placeholder`). */
export interface Issue {
  field: string;
  code: string;
  message: string;
}

/** What every normalizer returns: never throws on bad data. */
export interface NormResult<P> {
  raw: string;
  /** Cleaned display value, or null when nothing usable is left. */
  value: string | null;
  parts: P;
  issues: Issue[];
}

export interface NormalizedName {
  /** Cleaned display form, honorific removed ("张伟", "Robert Smith"). */
  display: string | null;
  given: string | null;
  family: string | null;
  /** The given name as matching reads it: lower-case, a nickname as its formal name (Bob → "robert"); display keeps what was written. */
  givenKey: string | null;
  /** Honorific or title stripped from the name ("先生", "经理", "Dr"). */
  honorific: string | null;
  /** The generation a Latin name's suffix gives (the display keeps the suffix): 1 Sr, 2 Jr or II, 3 III, 4 IV. John Smith Jr is not John Smith Sr. */
  generation: number | null;
  script: 'han' | 'latin' | null;
  /** Comparison key: folded, simplified, lower-case, no spaces ("张伟", "robertsmith"). */
  key: string | null;
  /** Toneless pinyin syllables of a Han name, family first, space-separated ("zhang wei"); for Latin names the folded given/family order-free form. */
  pinyin: string | null;
  /** Phonetic key of a Latin name (Double Metaphone of family + given). */
  phonetic: string | null;
  /** Placeholder names (李先生, 测试, test) must never count as evidence. */
  placeholder: boolean;
}

export interface NormalizedPhone {
  e164: string;
  type: 'mobile' | 'fixed_line' | 'other';
  valid: boolean;
  /** Known fake / placeholder number (13800138000, all same digit …). */
  fake: boolean;
  extension: string | null;
}

export interface NormalizedAddress {
  display: string | null;
  country: 'CN' | 'other' | null;
  province: string | null;
  city: string | null;
  district: string | null;
  /** Street / road / locality name ("中关村大街", "tullaroop street"). */
  street: string | null;
  /** House number ("27号" → "27"). */
  number: string | null;
  /** Building / unit / room ("3栋2单元501"). */
  unit: string | null;
  /** Extra address line (property or locality name, "address_2"). */
  line2: string | null;
  /** Latin addresses: suburb/town and state. */
  suburb: string | null;
  state: string | null;
  postcode: string | null;
  /** Comparison key for the whole address. */
  key: string | null;
}

export interface NormalizedIdNumber {
  /** 18-character canonical form (upper-case X). */
  value: string;
  valid: boolean;
  birthDate: string | null;
  gender: 'M' | 'F' | null;
  /** 6-digit administrative region code. */
  region: string | null;
}

/** A record after the normalize stage: raw values kept next to normalized ones. */
export interface NormalizedRecord extends SourceRecord {
  name: NormalizedName;
  company: { display: string | null; key: string | null };
  phones: NormalizedPhone[];
  email: { value: string | null; valid: boolean; placeholder: boolean };
  idNumber: NormalizedIdNumber | null;
  /** ISO dates (YYYY-MM-DD) or null. */
  birthDate: string | null;
  gender: 'M' | 'F' | null;
  address: NormalizedAddress;
  updatedAt: string | null;
  issues: Issue[];
}
