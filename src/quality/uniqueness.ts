import type { ClusterIndex } from './clusters.js';
import { int32s, uint32s } from '../model/big-arrays.js';

/**
 * Uniqueness = 1 − duplicate rate.
 *
 * Overall: duplicate rate = (records − golden records) / records, the share
 * of records that another record already stands for.
 * Per source (or owner): the share of its records that duplicate another
 * record of the same source — 1 − distinct clusters among its records / its
 * records. A record matched only to other sources is not a duplicate within
 * its source: overlap between departments is expected, not their fault.
 */
export function overallDuplicateRate(records: number, goldenRecords: number): number {
  return records ? Math.max(0, records - goldenRecords) / records : 0;
}

/**
 * Duplicate rate within each group of records (a source, an owner): the
 * groups' distinct clusters are counted cluster by cluster, with a stamp per
 * group, from each record's group number: no list of record indices per
 * group, which for a million records would be millions of boxed numbers.
 * `groupOf` holds -1 for a record in no group.
 */
export function withinGroupDuplicateRates(groupOf: Int32Array, groups: number, clusters: ClusterIndex): number[] {
  const records = uint32s(groups);
  const distinct = uint32s(groups);
  const seen = int32s(groups).fill(-1);
  for (let c = 0; c < clusters.count; c++) {
    const size = clusters.size(c);
    for (let k = 0; k < size; k++) {
      const g = groupOf[clusters.member(c, k)];
      if (g < 0) continue;
      records[g]++;
      if (seen[g] !== c) {
        seen[g] = c;
        distinct[g]++;
      }
    }
  }
  return Array.from(records, (n, g) => (n ? 1 - distinct[g] / n : 0));
}
