import type { NormalizedRecord } from '../model/record.js';
import { compareStrings } from './numbers.js';
import type { ClusterIndex } from './clusters.js';

/**
 * Consistency: do the records merged into one customer agree?
 *
 * Per field, over customers with at least two records holding the field:
 *   rate = customers whose records hold two different values / such customers
 * Overall score = 1 − Σ disagreeing / Σ compared over all fields.
 * Per pair of sources: of the record pairs (one from each source, same
 * customer, both holding the field), the share that differ.
 * Per source or owner: 1 − the share of its records' comparisons with the
 * other members of their customer that differ.
 * Values compared are the normalized keys, so 13912873460 and +86 139 1287 3460
 * agree; placeholders, fakes and invalid values are left out.
 */
const CONSISTENCY_FIELDS: readonly [string, (r: NormalizedRecord) => string | null][] = [
  ['name', (r) => (r.name.placeholder ? null : r.name.key)],
  ['phone', (r) => r.phones.find((p) => p.valid && !p.fake)?.e164 ?? null],
  ['email', (r) => (r.email.valid && !r.email.placeholder ? r.email.value : null)],
  ['address', (r) => r.address.key],
  ['id_number', (r) => (r.idNumber?.valid ? r.idNumber.value : null)],
  ['birth_date', (r) => r.birthDate],
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
  const fields = CONSISTENCY_FIELDS.map(([field]) => ({ field, compared: 0, disagreeing: 0 }));
  // Source pairs keyed by number, not by string: there may be millions of record pairs.
  const sourceIndex = new Map<string, number>();
  const pairs = new Map<number, { a: string; b: string } & Tally>();
  const compared = new Uint32Array(records.length);
  const disagreeing = new Uint32Array(records.length);
  const values: (string | null)[] = [];
  const member: number[] = [];
  for (let c = 0; c < clusters.count; c++) {
    const size = clusters.size(c);
    if (size < 2) continue;
    const m = Math.min(size, MAX_MEMBERS);
    for (let k = 0; k < m; k++) member[k] = clusters.member(c, k);
    for (let x = 0; x < CONSISTENCY_FIELDS.length; x++) {
      const get = CONSISTENCY_FIELDS[x][1];
      let present = 0;
      let first: string | null = null;
      let differs = false;
      for (let p = 0; p < m; p++) {
        const v = get(records[member[p]]);
        values[p] = v;
        if (v === null) continue;
        present++;
        if (first === null) first = v;
        else if (v !== first) differs = true;
      }
      if (present < 2) continue;
      fields[x].compared++;
      if (differs) fields[x].disagreeing++;
      for (let p = 0; p < m; p++) {
        if (values[p] === null) continue;
        for (let q = p + 1; q < m; q++) {
          if (values[q] === null) continue;
          const differ = values[p] !== values[q];
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
