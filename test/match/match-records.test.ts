import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importStage, normalizeStage, type PipelineOptions } from '../../src/pipeline/run.js';
import { silentProgress } from '../../src/pipeline/progress.js';
import { matchFeatures } from '../../src/match/features.js';
import { matchFeatureSet } from '../../src/match/index.js';

const SAMPLE = join(import.meta.dirname, '../../fixtures/sample');
const opts: PipelineOptions = { config: {}, region: 'CN', dateOrder: 'YMD', asOf: '2026-11-01', progress: silentProgress };

/** Clusters made by joining the pairs' records, as sorted member lists, singletons left out. */
function joined(n: number, pairs: readonly { a: number; b: number }[]): string[] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  for (const { a, b } of pairs) parent[find(a)] = find(b);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) groups.set(find(i), [...(groups.get(find(i)) ?? []), i]);
  return [...groups.values()].filter((g) => g.length > 1).map((g) => g.join(',')).sort();
}

describe('matchFeatureSet: the accepted pairs', async () => {
  const imported = await importStage(['crm_sales.csv', 'ecommerce.csv', 'marketing.tsv', 'service_center.csv'].map((f) => join(SAMPLE, f)), opts);
  const records = normalizeStage(imported, opts).normalized!;
  const n = records.length;

  it('are the pairs that made each cluster, by record, each once', () => {
    const { result } = matchFeatureSet(records.map(matchFeatures));
    const { matches } = result;
    expect(matches.length).toBeGreaterThan(10);
    for (let k = 1; k < matches.length; k++) {
      const [x, y] = [matches[k - 1], matches[k]];
      expect(x.a < y.a || (x.a === y.a && x.b < y.b), `${x.a}-${x.b} before ${y.a}-${y.b}`).toBe(true);
    }
    for (const m of matches) expect(result.clusterOf[m.a]).toBe(result.clusterOf[m.b]);
    const clusters = result.clusters.filter((c) => c.length > 1).map((c) => [...c].sort((x, y) => x - y).join(',')).sort();
    expect(joined(n, matches)).toEqual(clusters);
    // Made once, on first read.
    expect(result.matches).toBe(matches);
  });

  it('include a steward’s match, in record order, marked as the steward’s', () => {
    const { result: plain } = matchFeatureSet(records.map(matchFeatures));
    const apart = [0, 1, 2, 3].map((k) => plain.clusters[k][0]);
    const [a, b] = [Math.min(apart[1], apart[3]), Math.max(apart[1], apart[3])];
    const { result } = matchFeatureSet(records.map(matchFeatures), { decisions: [{ a: b, b: a, match: true }] });
    const steward = result.matches.filter((m) => m.decidedBy === 'steward_match');
    expect(steward).toEqual([{ a, b, weight: expect.any(Number), probability: 1, decidedBy: 'steward_match' }]);
    const keys = result.matches.map((m) => m.a * n + m.b);
    expect(keys).toEqual([...keys].sort((x, y) => x - y));
  });
});
