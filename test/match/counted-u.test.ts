import { describe, expect, it } from 'vitest';
import { countedU } from '../../src/match/estimate/counted-u.js';
import { COMPARISONS } from '../../src/match/comparisons/index.js';
import { feat } from './features-helper.js';

const email = COMPARISONS.find((c) => c.name === 'email')!;
const phone = COMPARISONS.find((c) => c.name === 'phone')!;
// 1,000 records with an email, 10 without; u as random pairs gave it (missing, exact, near, different).
const features = [...Array.from({ length: 1000 }, (_, i) => feat({ email: `c${i}@example.com` })), ...Array.from({ length: 10 }, () => feat())];
const sampled = [
  [0, 0.001, 0.002, 0.997],
  [0, 0.01, 0.02, 0.03, 0.94],
];
// Five candidate pairs, two of them at email's first level ("exact"); phone missing on all.
const levels = Uint8Array.from([1, 0, 1, 0, 2, 0, 3, 0, 3, 0]);
const stats = (rule = 'email', skippedBlocks = 0) => [{ rule, candidatePairs: 5, skippedBlocks, skippedRecords: 0 }];

describe('countedU', () => {
  it("counts the first level's u from the candidates when a rule of its own key finds every such pair", () => {
    const u = countedU(sampled, [email, phone], features, levels, stats(), 1000);
    const pairs = (1000 * 999) / 2;
    expect(u[0][1]).toBeCloseTo(2 / pairs, 12);
    // The other levels keep their proportions and the shares still sum to one.
    expect(u[0][2] / u[0][3]).toBeCloseTo(0.002 / 0.997, 12);
    expect(u[0].reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(u[1]).toEqual(sampled[1]);
  });

  it.each([
    ['no rule blocks on the key alone', stats('email+city'), 1000],
    ['the rule skipped a block (pairs may be missing)', stats('email', 1), 1000],
    ['random pairs were every pair already', stats(), 499_500],
  ] as const)('keeps the sampled u when %s', (_, ruleStats, randomPairs) => {
    expect(countedU(sampled, [email, phone], features, levels, ruleStats, randomPairs)).toEqual(sampled);
  });
});
