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
export function duplicateRateWithin(indices: readonly number[], clusterOf: readonly number[]): number {
  if (!indices.length) return 0;
  const clusters = new Set<number>();
  for (const i of indices) clusters.add(clusterOf[i]);
  return 1 - clusters.size / indices.length;
}

export function overallDuplicateRate(records: number, goldenRecords: number): number {
  return records ? Math.max(0, records - goldenRecords) / records : 0;
}
