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
 * Duplicate rate within groups of records. Counts distinct clusters with a
 * stamp per cluster instead of a Set per group: groups can hold a million records.
 */
export class WithinGroupDuplicates {
  private readonly seen: Uint32Array;
  private stamp = 0;

  constructor(private readonly clusterOf: readonly number[]) {
    let max = -1;
    for (const c of clusterOf) if (c > max) max = c;
    this.seen = new Uint32Array(max + 1);
  }

  rate(indices: readonly number[]): number {
    if (!indices.length) return 0;
    const stamp = ++this.stamp;
    let distinct = 0;
    for (const i of indices) {
      const c = this.clusterOf[i];
      if (this.seen[c] !== stamp) {
        this.seen[c] = stamp;
        distinct++;
      }
    }
    return 1 - distinct / indices.length;
  }
}
