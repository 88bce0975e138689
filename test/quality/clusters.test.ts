import { describe, expect, it } from 'vitest';
import { ClusterIndex, clusterStats, MAX_CLUSTER_SAMPLE, MAX_SAMPLE_MEMBERS } from '../../src/quality/clusters.js';
import { rec } from './records.js';

describe('ClusterIndex', () => {
  it('groups record indices by cluster, in index order', () => {
    const idx = new ClusterIndex([2, 0, 2, 1, 0, 2]);
    const members = (c: number) => Array.from({ length: idx.size(c) }, (_, k) => idx.member(c, k));
    expect(idx.count).toBe(3);
    expect([members(0), members(1), members(2)]).toEqual([[1, 4], [3], [0, 2, 5]]);
  });

  it('is empty for no records', () => expect(new ClusterIndex([]).count).toBe(0));
});

describe('clusterStats', () => {
  it('samples the largest clusters first, capped in number and in members listed', () => {
    // Cluster 0: 25 records; clusters 1..12: 2 records each; cluster 13: 1 record.
    const clusterOf = [...Array(25).fill(0), ...Array.from({ length: 24 }, (_, i) => 1 + (i >> 1)), 13];
    const records = clusterOf.map((_, i) => rec('a.csv', i + 1));
    const stats = clusterStats(records, new ClusterIndex(clusterOf));
    expect(stats.sizes).toEqual([
      { size: 1, count: 1 },
      { size: 2, count: 12 },
      { size: 25, count: 1 },
    ]);
    expect(stats.sample).toHaveLength(MAX_CLUSTER_SAMPLE);
    expect(stats.sample.map((s) => s.goldenIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(stats.sample[0]).toMatchObject({ size: 25 });
    expect(stats.sample[0].members).toHaveLength(MAX_SAMPLE_MEMBERS);
    expect(stats.sample[1].members).toEqual([{ source: 'a.csv', row: 26 }, { source: 'a.csv', row: 27 }]);
  });
});
