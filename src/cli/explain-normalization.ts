import type { NormalizedRecord } from '../model/record.js';
import { maskEmail, maskIdNumber, maskPhone } from '../model/mask.js';

/**
 * A steward's view of what normalization did: for an evenly spread sample of
 * records, each raw cell beside its cleaned value, and the issue codes raised.
 */
export function explainNormalization(records: NormalizedRecord[], opts: { sample: number; mask: boolean }): string {
  const step = Math.max(1, Math.floor(records.length / opts.sample));
  const phone = opts.mask ? maskPhone : (s: string) => s;
  const id = opts.mask ? maskIdNumber : (s: string) => s;
  const email = opts.mask ? maskEmail : (s: string) => s;
  const out: string[] = [];
  for (let i = 0; i < records.length && out.length < opts.sample; i += step) {
    const r = records[i];
    const f = r.fields;
    const rows: [string, string | undefined, string | null][] = [
      ['name', [f.name, f.given_name, f.surname].filter(Boolean).join(' / ') || undefined, r.name.display && `${r.name.display}${r.name.placeholder ? ' (placeholder)' : ''}${r.name.pinyin ? `  [${r.name.pinyin}]` : ''}`],
      ['company', f.company, r.company.display && `${r.company.display}  [key ${r.company.key}]`],
      ['phone', f.phone && phone(f.phone), r.phones.map((p) => `${phone(p.e164)} ${p.type}${p.fake ? ' fake' : ''}${p.valid ? '' : ' invalid'}`).join(', ') || null],
      ['email', f.email && email(f.email), r.email.value && email(r.email.value)],
      ['id_number', f.id_number && id(f.id_number), r.idNumber && `${id(r.idNumber.value)}${r.idNumber.valid ? '' : ' invalid'}`],
      ['birth_date', f.birth_date, r.birthDate],
      ['address', [f.province, f.city, f.district, f.street_number, f.address, f.address_2, f.suburb, f.state, f.postcode].filter(Boolean).join(' | ') || undefined, r.address.display],
      ['updated_at', f.updated_at, r.updatedAt],
    ];
    out.push(`── ${r.source} row ${r.row} (line ${r.line})`);
    for (const [field, raw, norm] of rows) {
      if (raw === undefined && norm === null) continue;
      out.push(`  ${field.padEnd(10)} ${JSON.stringify(raw ?? '')} → ${norm ?? '∅'}`);
    }
    if (r.issues.length) out.push(`  issues     ${r.issues.map((x) => x.code).join(', ')}`);
  }
  return out.join('\n') + '\n';
}
