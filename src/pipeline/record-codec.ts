import { CANONICAL_FIELDS, type CanonicalField } from '../model/fields.js';
import type { Issue, NormalizedAddress, NormalizedIdNumber, NormalizedName, NormalizedPhone, NormalizedRecord, SourceRecord } from '../model/record.js';

/**
 * Records on their way to or from a worker thread: every string value
 * concatenated into one text, and one integer per value (a string's length,
 * −1 for null, or the number or boolean itself). Posting record objects makes
 * the structured clone write, and the receiving thread re-create, every
 * property name and every string one by one — most of the cost of the
 * parallel normalize stage; this is one string and one transferable array.
 */
export interface Packed {
  text: string;
  ints: Int32Array<ArrayBuffer>;
}

class Packer {
  private readonly texts: string[] = [];
  private ints = new Int32Array(1 << 12);
  private length = 0;
  str(s: string | null): void {
    if (s === null) this.int(-1);
    else {
      this.int(s.length);
      this.texts.push(s);
    }
  }
  int(n: number): void {
    if (this.length === this.ints.length) {
      const grown = new Int32Array(this.length * 2);
      grown.set(this.ints);
      this.ints = grown;
    }
    this.ints[this.length++] = n;
  }
  bool(b: boolean): void {
    this.int(b ? 1 : 0);
  }
  done(): Packed {
    return { text: this.texts.join(''), ints: this.ints.slice(0, this.length) };
  }
}

class Unpacker {
  private at = 0;
  private pos = 0;
  constructor(private readonly packed: Packed) {}
  get more(): boolean {
    return this.at < this.packed.ints.length;
  }
  /** The next string; the type parameter states what the packer wrote there (a union of literals, or never null). */
  str<T extends string | null = string | null>(): T {
    const length = this.packed.ints[this.at++];
    if (length < 0) return null as T;
    this.pos += length;
    return this.packed.text.slice(this.pos - length, this.pos) as T;
  }
  int(): number {
    return this.packed.ints[this.at++];
  }
  bool(): boolean {
    return this.packed.ints[this.at++] === 1;
  }
}

/**
 * Normalized records packed without lineage and raw values (the receiving
 * thread has the source records). Fields go in the order the types declare
 * them and come back in the same order, so a record that made the trip prints
 * exactly as one that did not (the multi-thread test compares the bytes).
 */
export function packRecords(records: readonly NormalizedRecord[]): Packed {
  const p = new Packer();
  for (const r of records) {
    const n = r.name;
    p.str(n.display);
    p.str(n.given);
    p.str(n.family);
    p.str(n.honorific);
    p.str(n.script);
    p.str(n.key);
    p.str(n.pinyin);
    p.str(n.phonetic);
    p.bool(n.placeholder);
    p.str(r.company.display);
    p.str(r.company.key);
    p.int(r.phones.length);
    for (const ph of r.phones) {
      p.str(ph.e164);
      p.str(ph.type);
      p.bool(ph.valid);
      p.bool(ph.fake);
      p.str(ph.extension);
    }
    p.str(r.email.value);
    p.bool(r.email.valid);
    p.bool(r.email.placeholder);
    const id = r.idNumber;
    p.bool(id !== null);
    if (id !== null) {
      p.str(id.value);
      p.bool(id.valid);
      p.str(id.birthDate);
      p.str(id.gender);
      p.str(id.region);
    }
    p.str(r.birthDate);
    p.str(r.gender);
    const a = r.address;
    p.str(a.display);
    p.str(a.country);
    p.str(a.province);
    p.str(a.city);
    p.str(a.district);
    p.str(a.street);
    p.str(a.number);
    p.str(a.unit);
    p.str(a.line2);
    p.str(a.suburb);
    p.str(a.state);
    p.str(a.postcode);
    p.str(a.key);
    p.str(r.updatedAt);
    p.int(r.issues.length);
    for (const i of r.issues) {
      p.str(i.field);
      p.str(i.code);
      p.str(i.message);
    }
  }
  return p.done();
}

/** The records {@link packRecords} packed, given the source records they were made from (in the same order). */
export function unpackRecords(packed: Packed, sources: readonly SourceRecord[]): NormalizedRecord[] {
  const u = new Unpacker(packed);
  return sources.map((rec) => {
    const name: NormalizedName = {
      display: u.str(),
      given: u.str(),
      family: u.str(),
      honorific: u.str(),
      script: u.str<NormalizedName['script']>(),
      key: u.str(),
      pinyin: u.str(),
      phonetic: u.str(),
      placeholder: u.bool(),
    };
    const company = { display: u.str(), key: u.str() };
    const phones: NormalizedPhone[] = Array.from({ length: u.int() }, () => ({
      e164: u.str<string>(),
      type: u.str<NormalizedPhone['type']>(),
      valid: u.bool(),
      fake: u.bool(),
      extension: u.str(),
    }));
    const email = { value: u.str(), valid: u.bool(), placeholder: u.bool() };
    const idNumber: NormalizedIdNumber | null = u.bool()
      ? { value: u.str<string>(), valid: u.bool(), birthDate: u.str(), gender: u.str<NormalizedIdNumber['gender']>(), region: u.str() }
      : null;
    const birthDate = u.str();
    const gender = u.str<NormalizedRecord['gender']>();
    const address: NormalizedAddress = {
      display: u.str(),
      country: u.str<NormalizedAddress['country']>(),
      province: u.str(),
      city: u.str(),
      district: u.str(),
      street: u.str(),
      number: u.str(),
      unit: u.str(),
      line2: u.str(),
      suburb: u.str(),
      state: u.str(),
      postcode: u.str(),
      key: u.str(),
    };
    const updatedAt = u.str();
    const issues: Issue[] = Array.from({ length: u.int() }, () => ({ field: u.str<string>(), code: u.str<string>(), message: u.str<string>() }));
    return { source: rec.source, row: rec.row, line: rec.line, fields: rec.fields, extra: rec.extra, name, company, phones, email, idNumber, birthDate, gender, address, updatedAt, issues };
  });
}

/** Canonical field → its position in CANONICAL_FIELDS: a field travels as that number, not as its name. */
const FIELD_NUMBER = new Map<string, number>(CANONICAL_FIELDS.map((f, i) => [f, i]));

/** The raw field values of source records, for the trip to a worker (normalizing needs nothing else). */
export function packFields(records: readonly SourceRecord[]): Packed {
  const p = new Packer();
  for (const r of records) {
    // Only canonical fields are read by normalizeRecord; anything else (no importer makes it) stays behind.
    const fields = r.fields as Record<string, string | undefined>;
    let count = 0;
    for (const field in fields) if (fields[field] !== undefined && FIELD_NUMBER.has(field)) count++;
    p.int(count);
    for (const field in fields) {
      const value = fields[field];
      const number = FIELD_NUMBER.get(field);
      if (value === undefined || number === undefined) continue;
      p.int(number);
      p.str(value);
    }
  }
  return p.done();
}

/** Source records rebuilt from {@link packFields}: the fields only, without lineage or extra columns. */
export function unpackFields(packed: Packed): SourceRecord[] {
  const u = new Unpacker(packed);
  const records: SourceRecord[] = [];
  while (u.more) {
    const fields: Partial<Record<CanonicalField, string>> = {};
    for (let count = u.int(); count > 0; count--) fields[CANONICAL_FIELDS[u.int()]] = u.str<string>();
    records.push({ source: '', row: 0, line: 0, fields, extra: {} });
  }
  return records;
}
