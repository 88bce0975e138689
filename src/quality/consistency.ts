import type { NormalizedRecord } from '../model/record.js';
import { compareStrings } from './numbers.js';

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

export function measureConsistency(records: readonly NormalizedRecord[], clusters: readonly (readonly number[])[]): ConsistencyResult {
  const fields = CONSISTENCY_FIELDS.map(([field]) => ({ field, compared: 0, disagreeing: 0 }));
  const pairs = new Map<string, { a: string; b: string } & Tally>();
  const compared = new Uint32Array(records.length);
  const disagreeing = new Uint32Array(records.length);
  for (const cluster of clusters) {
    if (cluster.length < 2) continue;
    const members = cluster.slice(0, MAX_MEMBERS);
    for (let x = 0; x < CONSISTENCY_FIELDS.length; x++) {
      const get = CONSISTENCY_FIELDS[x][1];
      const values = members.map((i) => get(records[i]));
      const present = new Set<string>();
      let n = 0;
      for (const v of values) if (v !== null) (n++, present.add(v));
      if (n < 2) continue;
      fields[x].compared++;
      if (present.size > 1) fields[x].disagreeing++;
      for (let p = 0; p < members.length; p++) {
        if (values[p] === null) continue;
        for (let q = p + 1; q < members.length; q++) {
          if (values[q] === null) continue;
          const differ = values[p] !== values[q];
          const [i, j] = [members[p], members[q]];
          compared[i]++;
          compared[j]++;
          if (differ) (disagreeing[i]++, disagreeing[j]++);
          const [si, sj] = [records[i].source, records[j].source];
          if (si === sj) continue;
          const [a, b] = si < sj ? [si, sj] : [sj, si];
          const key = `${a}\u0000${b}`;
          let t = pairs.get(key);
          if (!t) pairs.set(key, (t = { a, b, compared: 0, disagreeing: 0 }));
          t.compared++;
          if (differ) t.disagreeing++;
        }
      }
    }
  }
  const sourcePairs = [...pairs.values()].sort((x, y) => compareStrings(x.a, y.a) || compareStrings(x.b, y.b));
  return { fields, sourcePairs, compared, disagreeing };
}
