import type { NormalizedRecord } from '../model/record.js';

/** Largest clusters listed, and members listed per cluster: a sample to inspect, not the mapping. */
export const MAX_CLUSTER_SAMPLE = 10;
export const MAX_SAMPLE_MEMBERS = 20;

export interface ClusterStats {
  sizes: { size: number; count: number }[];
  sample: { goldenIndex: number; size: number; members: { source: string; row: number }[] }[];
}

/** Group record indices by cluster number; the cluster number is the golden record's position. */
export function clustersOf(clusterOf: readonly number[]): number[][] {
  const clusters: number[][] = [];
  for (let i = 0; i < clusterOf.length; i++) (clusters[clusterOf[i]] ??= []).push(i);
  return clusters;
}

/**
 * How many customers were made of 1, 2, 3 … records, and the largest merged
 * clusters (largest first, then by golden index) by member location only, so
 * an over-merge is easy to spot without putting personal data in the report.
 */
export function clusterStats(records: readonly NormalizedRecord[], clusters: readonly (number[] | undefined)[]): ClusterStats {
  const sizes = new Map<number, number>();
  const merged: number[] = [];
  clusters.forEach((c, g) => {
    if (!c) return;
    sizes.set(c.length, (sizes.get(c.length) ?? 0) + 1);
    if (c.length > 1) merged.push(g);
  });
  const sample = merged
    .sort((a, b) => clusters[b]!.length - clusters[a]!.length || a - b)
    .slice(0, MAX_CLUSTER_SAMPLE)
    .map((g) => {
      const c = clusters[g]!;
      return { goldenIndex: g, size: c.length, members: c.slice(0, MAX_SAMPLE_MEMBERS).map((i) => ({ source: records[i].source, row: records[i].row })) };
    });
  return { sizes: [...sizes].sort((a, b) => a[0] - b[0]).map(([size, count]) => ({ size, count })), sample };
}
