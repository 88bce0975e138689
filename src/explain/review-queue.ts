import type { NormalizedRecord } from '../model/record.js';
import type { ScoredPair } from '../model/match.js';
import { maskEmail, maskIdNumber, maskPhone } from '../report/mask.js';
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
 */
export function reviewRows(records: readonly NormalizedRecord[], review: readonly ScoredPair[], opts: { mask: boolean }): Record<string, string>[] {
  return review.map((p) => {
    const a = records[p.a];
    const b = records[p.b];
    const row: Record<string, string> = {
      left: recordRef(a),
      right: recordRef(b),
      probability: p.probability.toFixed(4),
      weight: p.weight.toFixed(2),
      decision: '',
    };
    for (const [field, get, mask] of SIDE_BY_SIDE) {
      const m = opts.mask && mask ? (s: string) => s.split(' ').filter(Boolean).map(mask).join(' ') : (s: string) => s;
      row[`left_${field}`] = m(get(a));
      row[`right_${field}`] = m(get(b));
    }
    row.evidence = (p.comparisons ?? [])
      .filter((c) => c.level !== 'missing')
      .map((c) => `${c.field}=${c.level}(${c.weight >= 0 ? '+' : ''}${c.weight.toFixed(1)})`)
      .join(' ');
    return row;
  });
}

export const REVIEW_COLUMNS = ['left', 'right', 'probability', 'weight', 'decision', ...SIDE_BY_SIDE.flatMap(([f]) => [`left_${f}`, `right_${f}`]), 'evidence'];
