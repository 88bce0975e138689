import type { Lineage } from '../model/record.js';

/** How a record is named in review files, decisions and explanations: `source:row`. */
export function recordRef(r: Pick<Lineage, 'source' | 'row'>): string {
  return `${r.source}:${r.row}`;
}
