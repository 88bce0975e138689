import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importStage, normalizeStage, type PipelineOptions } from '../../src/pipeline/run.js';
import { silentProgress } from '../../src/pipeline/progress.js';
import { matchFeatures } from '../../src/match/features.js';
import { chooseComparisons, DEFAULT_MATCH_OPTIONS, matchFeatureSet } from '../../src/match/index.js';
import { blockRecords } from '../../src/match/blocking/block.js';
import { comparePairs } from '../../src/match/compare-pairs.js';
import { Scorer } from '../../src/match/scorer.js';

const SAMPLE = join(import.meta.dirname, '../../fixtures/sample');
const opts: PipelineOptions = { config: {}, region: 'CN', dateOrder: 'YMD', asOf: '2026-11-01', progress: silentProgress };

describe('Scorer', async () => {
  const imported = await importStage(['crm_sales.csv', 'ecommerce.csv', 'marketing.tsv', 'service_center.csv'].map((f) => join(SAMPLE, f)), opts);
  const features = normalizeStage(imported, opts).normalized!.map(matchFeatures);
  const n = features.length;
  const { model } = matchFeatureSet(features);
  const comparisons = chooseComparisons({ ...DEFAULT_MATCH_OPTIONS, model }, features);
  const scorer = new Scorer(comparisons, model, features);
  const { pairs } = blockRecords(features, { rules: DEFAULT_MATCH_OPTIONS.blockingRules, maxBlockSize: 300, maxPairsPerRule: 1e6 });
  const levels = comparePairs(features, comparisons, pairs.length, (k) => [Math.floor(pairs[k] / n), pairs[k] % n]);

  it('weighs a pair compared on demand exactly as the same pair compared as a candidate', () => {
    // Clustering's guard mixes the two: a pair must not weigh a rounding more one way than the other.
    expect(pairs.length).toBeGreaterThan(100);
    for (let k = 0; k < pairs.length; k++) {
      const a = Math.floor(pairs[k] / n);
      const b = pairs[k] % n;
      expect(scorer.weight(a, b)).toBe(scorer.weightOf(levels, k, a));
    }
  });
});
