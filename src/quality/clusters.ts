import type { NormalizedRecord } from '../model/record.js';
import { uint32s } from '../model/big-arrays.js';

/** Largest clusters listed, and members listed per cluster: a sample to inspect, not the mapping. */
export const MAX_CLUSTER_SAMPLE = 10;
export const MAX_SAMPLE_MEMBERS = 20;

/**
 * Record indices grouped by cluster number (the golden record's position), in
 * two flat arrays rather than one array per cluster: a million records make
 * half a million clusters, and the report should not feed the garbage collector.
 */
export class ClusterIndex {
  readonly count: number;
  private readonly start: Uint32Array;
  private readonly order: Uint32Array;

  constructor(clusterOf: readonly number[]) {
    let max = -1;
    for (const c of clusterOf) if (c > max) max = c;
    this.count = max + 1;
    this.start = uint32s(this.count + 1);
    for (const c of clusterOf) this.start[c + 1]++;
    for (let c = 0; c < this.count; c++) this.start[c + 1] += this.start[c];
    const next = uint32s(this.count);
    next.set(this.start.subarray(0, this.count));
    this.order = uint32s(clusterOf.length);
    // Records in index order within each cluster.
    for (let i = 0; i < clusterOf.length; i++) this.order[next[clusterOf[i]]++] = i;
  }

  size(c: number): number {
    return this.start[c + 1] - this.start[c];
  }

  /** The k-th record (by index) of cluster c. */
  member(c: number, k: number): number {
    return this.order[this.start[c] + k];
  }
}

export interface ClusterStats {
  sizes: { size: number; count: number }[];
  sample: { goldenIndex: number; size: number; members: { source: string; row: number }[] }[];
}

/**
 * How many customers were made of 1, 2, 3 … records, and the largest merged
 * clusters (largest first, then by golden index) by member location only, so
 * an over-merge is easy to spot without putting personal data in the report.
 */
export function clusterStats(records: readonly NormalizedRecord[], clusters: ClusterIndex): ClusterStats {
  const sizes = new Map<number, number>();
  const merged: number[] = [];
  for (let g = 0; g < clusters.count; g++) {
    const n = clusters.size(g);
    if (!n) continue;
    sizes.set(n, (sizes.get(n) ?? 0) + 1);
    if (n > 1) merged.push(g);
  }
  const sample = merged
    .sort((a, b) => clusters.size(b) - clusters.size(a) || a - b)
    .slice(0, MAX_CLUSTER_SAMPLE)
    .map((g) => {
      const n = clusters.size(g);
      const members = [];
      for (let k = 0; k < Math.min(n, MAX_SAMPLE_MEMBERS); k++) {
        const r = records[clusters.member(g, k)];
        members.push({ source: r.source, row: r.row });
      }
      return { goldenIndex: g, size: n, members };
    });
  return { sizes: [...sizes].sort((a, b) => a[0] - b[0]).map(([size, count]) => ({ size, count })), sample };
}
