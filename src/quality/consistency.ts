import type { NormalizedAddress, NormalizedRecord } from '../model/record.js';
import { compareStrings } from './numbers.js';
import type { ClusterIndex } from './clusters.js';
import { Interner } from '../match/interner.js';
import { uint32s } from '../model/big-arrays.js';

/**
 * Consistency: do the records merged into one customer agree?
 *
 * Per field, over customers with at least two records holding the field:
 *   rate = customers with two records that disagree on it / such customers
 * Overall score = 1 − Σ disagreeing / Σ compared over all fields.
 * Per pair of sources: of the record pairs (one from each source, same
 * customer, both holding the field), the share that disagree.
 * Per source or owner: 1 − the share of its records' comparisons with the
 * other members of their customer that disagree.
 * Values compared are normalized, so 13912873460 and +86 139 1287 3460 agree;
 * placeholders, fakes and invalid values are left out. Two addresses disagree
 * only where both give a part and the parts differ: "湛江市" and
 * "湛江市吴川市兴业东路71号" are the same place at two levels of detail (a
 * completeness matter), "复兴南路124号" and "南路124号" are not.
 */
const ADDRESS_PARTS = ['country', 'province', 'city', 'district', 'street', 'number', 'unit', 'suburb', 'state', 'postcode'] as const;

/** A field compared: values of one field only ever meet that field's `agree` (strings are compared as they are). */
interface ConsistencyField {
  field: string;
  value(r: NormalizedRecord): string | NormalizedAddress | null;
  agree?(a: NormalizedAddress, b: NormalizedAddress): boolean;
}

/** The address itself stands for its parts: no array of parts per record. */
function comparableAddress(r: NormalizedRecord): NormalizedAddress | null {
  return r.address.key === null ? null : r.address;
}

function addressesAgree(a: NormalizedAddress, b: NormalizedAddress): boolean {
  for (const part of ADDRESS_PARTS) if (a[part] !== null && b[part] !== null && a[part] !== b[part]) return false;
  return true;
}

function firstRealPhone(r: NormalizedRecord): string | null {
  for (const p of r.phones) if (p.valid && !p.fake) return p.e164;
  return null;
}

const CONSISTENCY_FIELDS: readonly ConsistencyField[] = [
  { field: 'name', value: (r) => (r.name.placeholder ? null : r.name.key) },
  { field: 'phone', value: firstRealPhone },
  { field: 'email', value: (r) => (r.email.valid && !r.email.placeholder ? r.email.value : null) },
  { field: 'address', value: comparableAddress, agree: addressesAgree },
  { field: 'id_number', value: (r) => (r.idNumber?.valid ? r.idNumber.value : null) },
  { field: 'birth_date', value: (r) => r.birthDate },
];

/** Members of one cluster compared at most: a huge cluster is shown elsewhere, and pairs grow quadratically. */
const MAX_MEMBERS = 30;

interface Tally {
  compared: number;
  disagreeing: number;
}

export interface ConsistencyResult {
  fields: ({ field: string } & Tally)[];
  sourcePairs: ({ a: string; b: string } & Tally)[];
  /** Per record: its comparisons with the other members of its customer, and how many differed. */
  compared: Uint32Array;
  disagreeing: Uint32Array;
}

export function measureConsistency(records: readonly NormalizedRecord[], clusters: ClusterIndex): ConsistencyResult {
  const fields = CONSISTENCY_FIELDS.map(({ field }) => ({ field, compared: 0, disagreeing: 0 }));
  const width = CONSISTENCY_FIELDS.length;
  // Sources by number, pairs of them keyed by number: there may be millions of record pairs.
  const sources = new Interner();
  const pairs = new Map<number, { a: string; b: string } & Tally>();
  const compared = uint32s(records.length);
  const disagreeing = uint32s(records.length);
  // Per member of the cluster at hand: its index, its source's number and its values (`width` a member),
  // read member by member: each record is visited once, its fields while it is at hand.
  const member: number[] = [];
  const sourceOf: number[] = [];
  const values: (string | NormalizedAddress | null)[] = [];
  for (let c = 0; c < clusters.count; c++) {
    const size = clusters.size(c);
    if (size < 2) continue;
    const m = Math.min(size, MAX_MEMBERS);
    for (let p = 0; p < m; p++) {
      const i = clusters.member(c, p);
      const r = records[i];
      member[p] = i;
      sourceOf[p] = sources.id(r.source);
      for (let x = 0; x < width; x++) values[p * width + x] = CONSISTENCY_FIELDS[x].value(r);
    }
    for (let x = 0; x < width; x++) {
      const { agree } = CONSISTENCY_FIELDS[x];
      let present = 0;
      for (let p = 0; p < m; p++) if (values[p * width + x] !== null) present++;
      if (present < 2) continue;
      let differs = false;
      for (let p = 0; p < m; p++) {
        const v = values[p * width + x];
        if (v === null) continue;
        for (let q = p + 1; q < m; q++) {
          const w = values[q * width + x];
          if (w === null) continue;
          const differ = agree ? !agree(v as NormalizedAddress, w as NormalizedAddress) : v !== w;
          differs ||= differ;
          const i = member[p];
          const j = member[q];
          compared[i]++;
          compared[j]++;
          if (differ) (disagreeing[i]++, disagreeing[j]++);
          const sp = sourceOf[p];
          const sq = sourceOf[q];
          if (sp === sq) continue;
          const key = sp < sq ? sp * 2 ** 20 + sq : sq * 2 ** 20 + sp;
          let t = pairs.get(key);
          if (!t) pairs.set(key, (t = sourcePair(records[i].source, records[j].source)));
          t.compared++;
          if (differ) t.disagreeing++;
        }
      }
      fields[x].compared++;
      if (differs) fields[x].disagreeing++;
    }
  }
  const sourcePairs = [...pairs.values()].sort((x, y) => compareStrings(x.a, y.a) || compareStrings(x.b, y.b));
  return { fields, sourcePairs, compared, disagreeing };
}

/** The tally of two sources' record pairs, named in code-unit order. */
function sourcePair(s: string, t: string): { a: string; b: string } & Tally {
  return s < t ? { a: s, b: t, compared: 0, disagreeing: 0 } : { a: t, b: s, compared: 0, disagreeing: 0 };
}
