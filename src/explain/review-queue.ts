import type { NormalizedRecord } from '../model/record.js';
import type { ScoredPair } from '../model/match.js';
import { maskEmail, maskIdNumber, maskPhone } from '../model/mask.js';
import type { CsvCell } from '../io/csv-output.js';
import { recordRef } from './record-ref.js';

/** Fields shown side by side in review.csv, with how each is masked. */
const SIDE_BY_SIDE: [string, (r: NormalizedRecord) => string, ((s: string) => string) | null][] = [
  ['name', (r) => r.name.display ?? '', null],
  ['phone', (r) => r.phones.map((p) => p.e164).join(' '), maskPhone],
  ['email', (r) => r.email.value ?? '', maskEmail],
  ['id_number', (r) => r.idNumber?.value ?? '', maskIdNumber],
  ['birth_date', (r) => r.birthDate ?? '', null],
  ['company', (r) => r.company.display ?? '', null],
  ['address', (r) => r.address.display ?? '', null],
];

/**
 * review.csv: one row per borderline pair, both records side by side, the
 * per-field levels and weights, and an empty `decision` column for the steward
 * (match / no-match). Feed the file back with --decisions; decisions always win.
 * The rows are cells in REVIEW_COLUMNS order, made one at a time: a big run has
 * tens of thousands of pairs, and rows kept all at once would outlive garbage
 * collections only to be written out and dropped.
 */
export function* reviewCells(records: readonly NormalizedRecord[], review: readonly ScoredPair[], opts: { mask: boolean }): Generator<CsvCell[]> {
  // Each value masked once: records recur across pairs, the two sides of a pair often share a phone, and masking a phone parses it.
  const masks = SIDE_BY_SIDE.map(([, , mask]) => {
    if (!opts.mask || !mask) return (s: string) => s;
    const masked = memoize(mask);
    return (s: string) => (s.includes(' ') ? s.split(' ').filter(Boolean).map(masked).join(' ') : s && masked(s));
  });
  for (const p of review) {
    const a = records[p.a];
    const b = records[p.b];
    // The weight as a number: cells crmclean computes are not formula-escaped ('-0.69 would not read as a number).
    const cells: CsvCell[] = [recordRef(a), recordRef(b), p.probability.toFixed(4), Math.round(p.weight * 100) / 100, ''];
    SIDE_BY_SIDE.forEach(([, get], x) => cells.push(masks[x](get(a)), masks[x](get(b))));
    cells.push(
      (p.comparisons ?? [])
        .filter((c) => c.level !== 'missing')
        .map((c) => `${c.field}=${c.level}(${c.weight >= 0 ? '+' : ''}${c.weight.toFixed(1)})`)
        .join(' '),
    );
    yield cells;
  }
}

function memoize(f: (s: string) => string): (s: string) => string {
  const results = new Map<string, string>();
  return (s) => {
    let r = results.get(s);
    if (r === undefined) results.set(s, (r = f(s)));
    return r;
  };
}

export const REVIEW_COLUMNS = ['left', 'right', 'probability', 'weight', 'decision', ...SIDE_BY_SIDE.flatMap(([f]) => [`left_${f}`, `right_${f}`]), 'evidence'];
