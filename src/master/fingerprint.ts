import { createHash } from 'node:crypto';
import type { SourceRecord } from '../model/record.js';

/**
 * What makes two rows "the same row seen again": the file name and every value,
 * not the row number (nightly full exports shift rows as customers are added).
 * A row whose fingerprint the master knows keeps its customer without matching.
 */
export function recordFingerprint(rec: Pick<SourceRecord, 'source' | 'fields' | 'extra'>): string {
  const hash = createHash('sha1');
  hash.update(rec.source);
  for (const values of [rec.fields as Record<string, string | undefined>, rec.extra]) {
    for (const key of Object.keys(values).sort()) {
      const v = values[key];
      if (v === undefined || v === '') continue;
      hash.update(`\u0000${key}\u0001${v}`);
    }
    hash.update('\u0002');
  }
  return hash.digest('base64url').slice(0, 22);
}
