import type { NormalizedRecord } from '../model/record.js';
import { compareStrings } from './numbers.js';
import type { ClusterIndex } from './clusters.js';

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

interface ConsistencyField<V> {
  field: string;
  value(r: NormalizedRecord): V | null;
  agree(a: V, b: V): boolean;
}

const same = (a: string, b: string) => a === b;

function addressParts(r: NormalizedRecord): (string | null)[] | null {
  if (r.address.key === null) return null;
  return ADDRESS_PARTS.map((p) => r.address[p]);
}

function addressesAgree(a: (string | null)[], b: (string | null)[]): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== null && b[k] !== null && a[k] !== b[k]) return false;
  return true;
}

/** Erase the value type so fields of different types sit in one list; values only ever meet their own `agree`. */
function erase<V>(f: ConsistencyField<V>): ConsistencyField<unknown> {
  return { field: f.field, value: f.value, agree: (a, b) => f.agree(a as V, b as V) };
}

const CONSISTENCY_FIELDS: readonly ConsistencyField<unknown>[] = [
  erase({ field: 'name', value: (r) => (r.name.placeholder ? null : r.name.key), agree: same }),
  erase({ field: 'phone', value: (r) => r.phones.find((p) => p.valid && !p.fake)?.e164 ?? null, agree: same }),
  erase({ field: 'email', value: (r) => (r.email.valid && !r.email.placeholder ? r.email.value : null), agree: same }),
  erase({ field: 'address', value: addressParts, agree: addressesAgree }),
  erase({ field: 'id_number', value: (r) => (r.idNumber?.valid ? r.idNumber.value : null), agree: same }),
  erase({ field: 'birth_date', value: (r) => r.birthDate, agree: same }),
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
  // Source pairs keyed by number, not by string: there may be millions of record pairs.
  const sourceIndex = new Map<string, number>();
  const pairs = new Map<number, { a: string; b: string } & Tally>();
  const compared = new Uint32Array(records.length);
  const disagreeing = new Uint32Array(records.length);
  const values: unknown[] = [];
  const member: number[] = [];
  for (let c = 0; c < clusters.count; c++) {
    const size = clusters.size(c);
    if (size < 2) continue;
    const m = Math.min(size, MAX_MEMBERS);
    for (let k = 0; k < m; k++) member[k] = clusters.member(c, k);
    for (let x = 0; x < CONSISTENCY_FIELDS.length; x++) {
      const { value, agree } = CONSISTENCY_FIELDS[x];
      let present = 0;
      for (let p = 0; p < m; p++) {
        values[p] = value(records[member[p]]);
        if (values[p] !== null) present++;
      }
      if (present < 2) continue;
      let differs = false;
      for (let p = 0; p < m; p++) {
        if (values[p] === null) continue;
        for (let q = p + 1; q < m; q++) {
          if (values[q] === null) continue;
          const differ = !agree(values[p], values[q]);
          differs ||= differ;
          const i = member[p];
          const j = member[q];
          compared[i]++;
          compared[j]++;
          if (differ) (disagreeing[i]++, disagreeing[j]++);
          const si = records[i].source;
          const sj = records[j].source;
          if (si === sj) continue;
          const a = si < sj ? si : sj;
          const key = indexOf(sourceIndex, a) * 2 ** 20 + indexOf(sourceIndex, a === si ? sj : si);
          let t = pairs.get(key);
          if (!t) pairs.set(key, (t = { a, b: a === si ? sj : si, compared: 0, disagreeing: 0 }));
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

function indexOf(index: Map<string, number>, s: string): number {
  let i = index.get(s);
  if (i === undefined) index.set(s, (i = index.size));
  return i;
}
