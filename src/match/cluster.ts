import { radixOrder, type IdColumn } from './radix-order.js';
import { bytes, int32s } from '../model/big-arrays.js';

/**
 * Connected components over accepted pairs, strongest pairs first, with three
 * guards against chaining: a steward's "no match" between two groups keeps
 * them apart, so do names of different generations (John Smith Jr and John
 * Smith Sr, linked each through a John Smith without a suffix), and two groups
 * whose members mostly speak against each other are not joined by one strong
 * link (that link goes to review instead).
 */
export interface Edge {
  a: number;
  b: number;
  probability: number;
  /** The pair's weight in bits, when already known (saves comparing the pair again to explain it). */
  weight?: number;
}

/**
 * Edges by probability, highest first, ties in the order given: a stable radix sort on the
 * probabilities' IEEE bits (for positive numbers their order as unsigned integers), 16 bits at a
 * time. Linear, where sorting a million edge objects with a comparator took about half a second.
 */
export function byProbability(edges: readonly Edge[]): Edge[] {
  const bits = bytes(8 * edges.length);
  for (let e = 0; e < edges.length; e++) bits.setFloat64(8 * e, edges[e].probability);
  // Big-endian, as DataView writes by default: the first 16 bits hold the sign, the exponent and the top of the fraction.
  const digit = (at: number): IdColumn => {
    const ids = int32s(edges.length);
    // Descending: the largest digit gets the smallest id.
    for (let e = 0; e < edges.length; e++) ids[e] = 0xffff - bits.getUint16(8 * e + at);
    return { ids, distinct: 0x10000 };
  };
  const order = radixOrder([digit(0), digit(2), digit(4), digit(6)], edges.length);
  return Array.from(order, (e) => edges[e]);
}

export interface ClusterOptions {
  /** Pairs a steward decided are the same customer: merged first, unconditionally. */
  forced: readonly Edge[];
  /** Pairs a steward decided are different customers. */
  forbidden: readonly [number, number][];
  /** What a pair of members of the two groups a link would join says about joining them (the chaining guard). */
  crossPair(i: number, j: number): CrossPairVerdict;
  /** The generation of a record's name (Jr, Sr), if it has one: a customer has one, so groups of two are never joined. */
  generationOf?(i: number): string | null;
}

/** A pair that would be a match on its own is `for` a join; one whose fields point away from a match is `against`. */
export type CrossPairVerdict = 'for' | 'against' | 'undecided';

/**
 * The chaining guard's verdict from pair weights. A pair is `against` when its comparisons weigh below the prior
 * (they make a match less likely than it was before looking) and `for` when its probability reaches `forFrom`.
 * Pairs in between count neither way: two records joined by a chain are far likelier the same customer than two
 * records drawn at random, whose odds the prior states, so a name agreeing without an identifier is no evidence
 * against; counting such pairs against made the guard stricter the more records there were (the prior falls).
 */
export function verdictByWeight(weight: (i: number, j: number) => number, prior: number, forFrom: number): (i: number, j: number) => CrossPairVerdict {
  const forFromWeight = Math.log2(forFrom / (1 - forFrom));
  return (i, j) => {
    const w = weight(i, j);
    return w < prior ? 'against' : w >= forFromWeight ? 'for' : 'undecided';
  };
}

export interface Clustering {
  clusters: number[][];
  clusterOf: number[];
  /** Per record, the strongest accepted pair that put it in its cluster. */
  scoreOf: (number | null)[];
  /** Edges refused by a guard: for a steward to decide. */
  refused: Edge[];
}

/** Cross pairs checked per merge; beyond this a deterministic subset is used. */
const MAX_CROSS_PAIRS = 400;

export function clusterRecords(n: number, edges: readonly Edge[], opts: ClusterOptions): Clustering {
  const parent = int32s(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const members: (number[] | undefined)[] = new Array(n);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const membersOf = (root: number) => members[root] ?? [root];
  const sizeOf = (root: number) => members[root]?.length ?? 1;
  const union = (ra: number, rb: number) => {
    const big = sizeOf(ra) >= sizeOf(rb) ? ra : rb;
    const small = big === ra ? rb : ra;
    parent[small] = big;
    if (generation.length) generation[big] ??= generation[small];
    const merged = (members[big] ??= [big]);
    const moved = members[small];
    if (moved === undefined) merged.push(small);
    else for (const x of moved) merged.push(x);
    members[small] = undefined;
  };
  // Per group root, the generation of its members' names (by steward decisions alone may a group hold two).
  const generation: (string | null)[] = Array.from({ length: opts.generationOf ? n : 0 }, (_, i) => opts.generationOf!(i));
  const otherGeneration = (ra: number, rb: number) => generation.length > 0 && generation[ra] !== null && generation[rb] !== null && generation[ra] !== generation[rb];
  const forbiddenOf = new Map<number, number[]>();
  for (const [a, b] of opts.forbidden) {
    forbiddenOf.set(a, [...(forbiddenOf.get(a) ?? []), b]);
    forbiddenOf.set(b, [...(forbiddenOf.get(b) ?? []), a]);
  }
  const isForbidden = (ra: number, rb: number) =>
    forbiddenOf.size > 0 && membersOf(ra).some((x) => forbiddenOf.get(x)?.some((y) => find(y) === rb));
  const mostlyAgainst = (ra: number, rb: number) => {
    if (sizeOf(ra) + sizeOf(rb) <= 2) return false;
    const A = membersOf(ra);
    const B = membersOf(rb);
    let decided = 0;
    let against = 0;
    const stride = Math.max(1, Math.floor((A.length * B.length) / MAX_CROSS_PAIRS));
    for (let k = 0; k < A.length * B.length; k += stride) {
      const verdict = opts.crossPair(A[Math.floor(k / B.length)], B[k % B.length]);
      if (verdict !== 'undecided') decided++;
      if (verdict === 'against') against++;
    }
    return against * 2 > decided;
  };

  const scoreOf: (number | null)[] = new Array(n).fill(null);
  const note = (e: Edge) => {
    if (scoreOf[e.a] === null || e.probability > scoreOf[e.a]!) scoreOf[e.a] = e.probability;
    if (scoreOf[e.b] === null || e.probability > scoreOf[e.b]!) scoreOf[e.b] = e.probability;
  };
  for (const e of opts.forced) {
    const ra = find(e.a);
    const rb = find(e.b);
    if (ra !== rb) union(ra, rb);
    note(e);
  }
  const refused: Edge[] = [];
  for (const e of edges) {
    const ra = find(e.a);
    const rb = find(e.b);
    if (ra === rb) {
      note(e);
      continue;
    }
    if (isForbidden(ra, rb) || otherGeneration(ra, rb) || mostlyAgainst(ra, rb)) {
      refused.push(e);
      continue;
    }
    union(ra, rb);
    note(e);
  }

  // Clusters numbered by first member; each array made at its final size (an empty array's first push reserves 17 slots).
  const clusterOf = new Array<number>(n);
  const clusters: number[][] = [];
  const indexOfRoot = int32s(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let c = indexOfRoot[root];
    if (c < 0) {
      c = indexOfRoot[root] = clusters.length;
      clusters.push(new Array<number>(sizeOf(root)));
    }
    clusterOf[i] = c;
  }
  const filled = int32s(clusters.length);
  for (let i = 0; i < n; i++) clusters[clusterOf[i]][filled[clusterOf[i]]++] = i;
  // Refused edges whose ends ended up together anyway need no review.
  return { clusters, clusterOf, scoreOf, refused: refused.filter((e) => clusterOf[e.a] !== clusterOf[e.b]) };
}
