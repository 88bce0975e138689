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

/**
 * Values that recur across records (a city, a surname, an issue code) travel
 * once per worker and then as their number in a table both threads keep for
 * the whole run: the receiving thread gets one shared string instead of a
 * million copies, which is less to allocate and collect and makes every later
 * lookup of the value (blocking keys, term frequencies) hit a string whose
 * hash is already known. Chunks from one worker arrive in the order they were
 * sent, so both tables grow alike. Capped, so that a column of unique values
 * cannot grow it without bound; past the cap new values travel as text.
 *
 * Each kind of value has its own table: a lookup among 31 provinces or three
 * phone types stays in the processor's cache, where one table of every
 * value (half a million at 1M records) cost a cache miss or three per lookup.
 */
const MAX_RECURRING = 1 << 19;

/** The kinds of recurring value, each with its own table; values of one kind (a date) may come from several fields. */
const KIND = {
  given: 0,
  family: 1,
  honorific: 2,
  script: 3,
  phonetic: 4,
  company: 5,
  companyKey: 6,
  phoneType: 7,
  extension: 8,
  date: 9,
  gender: 10,
  region: 11,
  country: 12,
  province: 13,
  city: 14,
  district: 15,
  street: 16,
  number: 17,
  unit: 18,
  line2: 19,
  suburb: 20,
  state: 21,
  postcode: 22,
  issueField: 23,
  issueCode: 24,
  issueMessage: 25,
} as const;
type Kind = (typeof KIND)[keyof typeof KIND];
const KINDS = Object.keys(KIND).length;

/**
 * Likewise for parts objects the normalizers share between records (the name
 * and company findings are cached by their raw text): a part already sent
 * travels as its number, one lookup instead of one per value in it, and the
 * receiving records share one object as records normalized there do.
 */
const MAX_SHARED_PARTS = 1 << 18;

/** The sending side's tables: value → number per kind of value, shared part → number. */
export class RecurringOut {
  readonly numbers: Map<string, number>[] = Array.from({ length: KINDS }, () => new Map());
  readonly parts = new Map<object, number>();
  constructor(
    /** Most values per kind. */
    readonly cap = MAX_RECURRING,
    readonly partsCap = MAX_SHARED_PARTS,
  ) {}
}

/** The receiving side's tables: number → value per kind of value, number → part. */
export class RecurringIn {
  readonly values: string[][] = Array.from({ length: KINDS }, () => []);
  readonly parts: object[] = [];
  constructor(
    readonly cap = MAX_RECURRING,
    readonly partsCap = MAX_SHARED_PARTS,
  ) {}
}

class Packer {
  /** Built by appending: V8 keeps it as a rope until it is sent, which costs less than joining an array of the pieces. */
  private text = '';
  private ints = new Int32Array(1 << 12);
  private length = 0;
  constructor(private readonly recurring = new RecurringOut()) {}
  str(s: string | null): void {
    if (s === null) this.int(-1);
    else {
      this.int(s.length);
      this.text += s;
    }
  }
  /** A value likely to recur: its table number (as −2 − number) once it has been sent. */
  common(s: string | null, kind: Kind): void {
    if (s === null) {
      this.int(-1);
      return;
    }
    const numbers = this.recurring.numbers[kind];
    const known = numbers.get(s);
    if (known !== undefined) this.int(-2 - known);
    else {
      if (numbers.size < this.recurring.cap) numbers.set(s, numbers.size);
      this.str(s);
    }
  }
  /** A shared part: true when it was sent before and only its number went; else false, and the caller packs it whole. */
  sentPart(part: object): boolean {
    const { parts, partsCap } = this.recurring;
    const known = parts.get(part);
    if (known !== undefined) {
      this.int(known);
      return true;
    }
    if (parts.size < partsCap) parts.set(part, parts.size);
    this.int(-1);
    return false;
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
    return { text: this.text, ints: this.ints.slice(0, this.length) };
  }
}

class Unpacker {
  private at = 0;
  private pos = 0;
  constructor(
    private readonly packed: Packed,
    private readonly recurring = new RecurringIn(),
  ) {}
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
  /** What the packer's `common` wrote: a table number, or a value new to the table. */
  common<T extends string | null = string | null>(kind: Kind): T {
    const values = this.recurring.values[kind];
    const code = this.packed.ints[this.at];
    if (code < -1) {
      this.at++;
      return values[-2 - code] as T;
    }
    const s = this.str<T>();
    if (s !== null && values.length < this.recurring.cap) values.push(s);
    return s;
  }
  /** What the packer's `sentPart` wrote: the part sent before, or undefined when the part follows (unpack it, then `received`). */
  sentPart<T extends object>(): T | undefined {
    const known = this.int();
    return known < 0 ? undefined : (this.recurring.parts[known] as T);
  }
  /** A part that came whole: numbered in the table as the packer numbered it. */
  received<T extends object>(part: T): T {
    if (this.recurring.parts.length < this.recurring.partsCap) this.recurring.parts.push(part);
    return part;
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
export function packRecords(records: readonly NormalizedRecord[], recurring?: RecurringOut): Packed {
  const p = new Packer(recurring);
  for (const r of records) {
    const n = r.name;
    if (!p.sentPart(n)) {
      p.str(n.display);
      p.common(n.given, KIND.given);
      p.common(n.family, KIND.family);
      p.common(n.givenKey, KIND.given);
      p.common(n.honorific, KIND.honorific);
      // Generations count from 1: 0 is none.
      p.int(n.generation ?? 0);
      p.common(n.script, KIND.script);
      p.str(n.key);
      p.str(n.pinyin);
      p.common(n.phonetic, KIND.phonetic);
      p.bool(n.placeholder);
    }
    if (!p.sentPart(r.company)) {
      p.common(r.company.display, KIND.company);
      p.common(r.company.key, KIND.companyKey);
    }
    p.int(r.phones.length);
    for (const ph of r.phones) {
      p.str(ph.e164);
      p.common(ph.type, KIND.phoneType);
      p.bool(ph.valid);
      p.bool(ph.fake);
      p.common(ph.extension, KIND.extension);
    }
    p.str(r.email.value);
    p.bool(r.email.valid);
    p.bool(r.email.placeholder);
    const id = r.idNumber;
    p.bool(id !== null);
    if (id !== null) {
      p.str(id.value);
      p.bool(id.valid);
      p.common(id.birthDate, KIND.date);
      p.common(id.gender, KIND.gender);
      p.common(id.region, KIND.region);
    }
    p.common(r.birthDate, KIND.date);
    p.common(r.gender, KIND.gender);
    const a = r.address;
    p.str(a.display);
    p.common(a.country, KIND.country);
    p.common(a.province, KIND.province);
    p.common(a.city, KIND.city);
    p.common(a.district, KIND.district);
    p.common(a.street, KIND.street);
    p.common(a.number, KIND.number);
    p.common(a.unit, KIND.unit);
    p.common(a.line2, KIND.line2);
    p.common(a.suburb, KIND.suburb);
    p.common(a.state, KIND.state);
    p.common(a.postcode, KIND.postcode);
    p.str(a.key);
    p.common(r.updatedAt, KIND.date);
    p.int(r.issues.length);
    for (const i of r.issues) {
      p.common(i.field, KIND.issueField);
      p.common(i.code, KIND.issueCode);
      p.common(i.message, KIND.issueMessage);
    }
  }
  return p.done();
}

/** The records {@link packRecords} packed, given the source records they were made from (in the same order). */
export function unpackRecords(packed: Packed, sources: readonly SourceRecord[], recurring?: RecurringIn): NormalizedRecord[] {
  const u = new Unpacker(packed, recurring);
  return sources.map((rec) => {
    const name =
      u.sentPart<NormalizedName>() ??
      u.received<NormalizedName>({
        display: u.str(),
        given: u.common(KIND.given),
        family: u.common(KIND.family),
        givenKey: u.common(KIND.given),
        honorific: u.common(KIND.honorific),
        generation: u.int() || null,
        script: u.common<NormalizedName['script']>(KIND.script),
        key: u.str(),
        pinyin: u.str(),
        phonetic: u.common(KIND.phonetic),
        placeholder: u.bool(),
      });
    const company = u.sentPart<NormalizedRecord['company']>() ?? u.received({ display: u.common(KIND.company), key: u.common(KIND.companyKey) });
    const phoneCount = u.int();
    // One number (most records) in an array literal, as the phone rule makes it, without Array.from's callback.
    const phones: NormalizedPhone[] = phoneCount === 1 ? [unpackPhone(u)] : Array.from({ length: phoneCount }, () => unpackPhone(u));
    const email = { value: u.str(), valid: u.bool(), placeholder: u.bool() };
    const idNumber: NormalizedIdNumber | null = u.bool()
      ? { value: u.str<string>(), valid: u.bool(), birthDate: u.common(KIND.date), gender: u.common<NormalizedIdNumber['gender']>(KIND.gender), region: u.common(KIND.region) }
      : null;
    const birthDate = u.common(KIND.date);
    const gender = u.common<NormalizedRecord['gender']>(KIND.gender);
    const address: NormalizedAddress = {
      display: u.str(),
      country: u.common<NormalizedAddress['country']>(KIND.country),
      province: u.common(KIND.province),
      city: u.common(KIND.city),
      district: u.common(KIND.district),
      street: u.common(KIND.street),
      number: u.common(KIND.number),
      unit: u.common(KIND.unit),
      line2: u.common(KIND.line2),
      suburb: u.common(KIND.suburb),
      state: u.common(KIND.state),
      postcode: u.common(KIND.postcode),
      key: u.str(),
    };
    const updatedAt = u.common(KIND.date);
    const issueCount = u.int();
    const issues: Issue[] = issueCount === 0 ? [] : Array.from({ length: issueCount }, () => ({ field: u.common<string>(KIND.issueField), code: u.common<string>(KIND.issueCode), message: u.common<string>(KIND.issueMessage) }));
    return { source: rec.source, row: rec.row, line: rec.line, fields: rec.fields, extra: rec.extra, name, company, phones, email, idNumber, birthDate, gender, address, updatedAt, issues };
  });
}

function unpackPhone(u: Unpacker): NormalizedPhone {
  return { e164: u.str<string>(), type: u.common<NormalizedPhone['type']>(KIND.phoneType), valid: u.bool(), fake: u.bool(), extension: u.common(KIND.extension) };
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
