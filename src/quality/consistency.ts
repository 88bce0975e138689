import type { NormalizedRecord } from '../model/record.js';

/** Values compared across the members of one customer. */
const CONSISTENCY_FIELDS: [string, (r: NormalizedRecord) => string | null][] = [
  ['name', (r) => (r.name.placeholder ? null : r.name.key)],
  ['phone', (r) => r.phones.find((p) => p.valid && !p.fake)?.e164 ?? null],
  ['email', (r) => (r.email.valid && !r.email.placeholder ? r.email.value : null)],
  ['address', (r) => r.address.key],
  ['id_number', (r) => (r.idNumber?.valid ? r.idNumber.value : null)],
  ['birth_date', (r) => r.birthDate],
];

/** Pairs within one cluster compared at most: a huge cluster is a problem the report shows elsewhere. */
const MAX_MEMBERS = 30;

export interface ConsistencyResult {
  fields: { field: string; compared: number; disagreeing: number; rate: number }[];
  sourcePairs: { a: string; b: string; compared: number; disagreeing: number; rate: number }[];
  /** Per source: values compared with another source's and how many differed. */
  bySource: Map<string, { compared: number; disagreeing: number }>;
}

/**
 * For customers made of several records: how often the records disagree on a
 * field (a cluster disagrees when it holds two different values), and how
 * often each pair of sources disagrees when both have the field.
 */
export function measureConsistency(records: readonly NormalizedRecord[], clusters: readonly number[][]): ConsistencyResult {
  const fields = CONSISTENCY_FIELDS.map(([field]) => ({ field, compared: 0, disagreeing: 0, rate: 0 }));
  const pairs = new Map<string, { a: string; b: string; compared: number; disagreeing: number; rate: number }>();
  const bySource = new Map<string, { compared: number; disagreeing: number }>();
  for (const cluster of clusters) {
    if (cluster.length < 2) continue;
    const members = cluster.slice(0, MAX_MEMBERS).map((i) => records[i]);
    CONSISTENCY_FIELDS.forEach(([, get], x) => {
      const values = members.map(get);
      const present = values.filter((v): v is string => v !== null);
      if (present.length >= 2) {
        fields[x].compared++;
        if (new Set(present).size > 1) fields[x].disagreeing++;
      }
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const [si, sj] = [members[i].source, members[j].source];
          if (si === sj || values[i] === null || values[j] === null) continue;
          const [a, b] = si < sj ? [si, sj] : [sj, si];
          const key = `${a}\u0000${b}`;
          const p = pairs.get(key) ?? { a, b, compared: 0, disagreeing: 0, rate: 0 };
          const differ = values[i] !== values[j];
          p.compared++;
          if (differ) p.disagreeing++;
          pairs.set(key, p);
          for (const s of [si, sj]) {
            const t = bySource.get(s) ?? { compared: 0, disagreeing: 0 };
            t.compared++;
            if (differ) t.disagreeing++;
            bySource.set(s, t);
          }
        }
      }
    });
  }
  for (const f of fields) f.rate = f.compared ? f.disagreeing / f.compared : 0;
  const sourcePairs = [...pairs.values()].sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  for (const p of sourcePairs) p.rate = p.compared ? p.disagreeing / p.compared : 0;
  return { fields, sourcePairs, bySource };
}
