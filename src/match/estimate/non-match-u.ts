import { levelShares, type Patterns } from './patterns.js';

const MAX_ROUNDS = 50;
const TOLERANCE = 1e-6;

/**
 * u among the pairs of a small input, where "random pairs" are every pair and
 * so include every duplicate: in ten rows with four duplicate pairs, one shared
 * email is a quarter of the pairs with emails, and u said an email agrees by
 * chance one time in four. Here each pair counts by the chance that it is not a
 * match under the model (m, and the match rate of a pair `pairPrior`), and u
 * is re-estimated until it settles: the EM step for u that large inputs do not
 * need, their random pairs being non-matches all but a handful in millions.
 */
export function nonMatchU(all: Patterns, levelCounts: readonly number[], m: readonly (readonly number[])[], uStart: number[][], pairPrior: number): number[][] {
  const logPrior = Math.log(pairPrior / (1 - pairPrior));
  let u = uStart;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const current = u;
    const next = levelShares(all, levelCounts, (r) => {
      let logit = logPrior;
      for (let x = 0; x < all.width; x++) {
        const l = all.levels[r * all.width + x];
        if (l !== 0) logit += Math.log(m[x][l] / current[x][l]);
      }
      return all.counts[r] / (1 + Math.exp(logit));
    });
    const change = Math.max(...next.flatMap((row, x) => row.map((v, l) => Math.abs(v - current[x][l]))));
    u = next;
    if (change < TOLERANCE) break;
  }
  return u;
}
