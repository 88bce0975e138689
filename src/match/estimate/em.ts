import type { Patterns } from './patterns.js';

export interface EmResult {
  m: number[][];
  lambda: number;
  iterations: number;
}

/**
 * Expectation–maximisation of m and lambda with u held fixed (u comes from
 * random pairs, where it is well identified). E-step: posterior match
 * probability of each pattern; M-step: m = posterior-weighted level shares.
 * `fixed[x]` keeps comparison x's m as given: the comparisons a blocking rule
 * blocks on (they agree by construction there), or all of them when m was
 * learnt from labels and only lambda is wanted.
 */
export function expectationMaximisation(
  p: Patterns,
  u: number[][],
  mStart: number[][],
  lambdaStart: number,
  opts: { maxIterations?: number; tolerance?: number; fixed?: readonly boolean[] } = {},
): EmResult {
  const maxIterations = opts.maxIterations ?? 100;
  const tolerance = opts.tolerance ?? 1e-7;
  let m = mStart.map((row) => [...row]);
  let lambda = lambdaStart;
  const total = p.counts.reduce((s, c) => s + c, 0);
  if (total === 0) return { m, lambda, iterations: 0 };
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const acc = m.map((row) => new Array<number>(row.length).fill(0));
    let matches = 0;
    const logPrior = Math.log(lambda / (1 - lambda));
    for (let r = 0; r < p.size; r++) {
      let logit = logPrior;
      for (let x = 0; x < p.width; x++) {
        const l = p.levels[r * p.width + x];
        if (l !== 0) logit += Math.log(m[x][l] / u[x][l]);
      }
      const posterior = p.counts[r] / (1 + Math.exp(-logit));
      matches += posterior;
      for (let x = 0; x < p.width; x++) {
        const l = p.levels[r * p.width + x];
        if (l !== 0) acc[x][l] += posterior;
      }
    }
    const nextLambda = clamp(matches / total);
    const nextM = acc.map((row, x) => {
      if (opts.fixed?.[x]) return m[x];
      const sum = row.reduce((s, v) => s + v, 0);
      const k = row.length - 1;
      return row.map((v, l) => (l === 0 ? 0 : (v + 1e-3) / (sum + 1e-3 * k)));
    });
    const change = Math.abs(nextLambda - lambda) + maxDelta(m, nextM);
    m = nextM;
    lambda = nextLambda;
    if (change < tolerance) {
      iterations++;
      break;
    }
  }
  return { m, lambda, iterations };
}

/**
 * Blocking on strong keys can make nearly every candidate pair a match; lambda
 * then tends to 1 and the prior alone would merge pairs whose fields disagree.
 * Capping it keeps the evidence in charge.
 */
const MAX_LAMBDA = 0.95;

function clamp(x: number): number {
  return Math.min(MAX_LAMBDA, Math.max(1e-6, x));
}

function maxDelta(a: number[][], b: number[][]): number {
  let d = 0;
  for (let x = 0; x < a.length; x++) for (let l = 0; l < a[x].length; l++) d = Math.max(d, Math.abs(a[x][l] - b[x][l]));
  return d;
}

/**
 * Starting m: most of a true match's mass on the best level, decreasing after,
 * little on "different". EM moves it; the start only needs the right shape.
 */
export function startingM(levelCounts: readonly number[]): number[][] {
  return levelCounts.map((count) => {
    const row = new Array<number>(count).fill(0);
    const agreeing = count - 2;
    let mass = 0.9;
    for (let l = 1; l <= agreeing; l++) {
      row[l] = l === agreeing ? mass : mass * 0.7;
      mass -= row[l];
    }
    row[count - 1] = 0.1;
    return row;
  });
}
