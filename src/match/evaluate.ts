/**
 * Pairwise precision, recall and F1 of predicted clusters against true entity
 * labels, counted without listing pairs: pairs within a group of size k are k(k−1)/2.
 */
export interface Evaluation {
  records: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
  f1: number;
  trueEntities: number;
  predictedClusters: number;
}

const pairs = (k: number) => (k * (k - 1)) / 2;

export function evaluateClusters(predicted: readonly (number | string)[], truth: readonly (number | string)[]): Evaluation {
  const byTruth = new Map<number | string, number>();
  const byPredicted = new Map<number | string, number>();
  const byBoth = new Map<string, number>();
  for (let i = 0; i < truth.length; i++) {
    byTruth.set(truth[i], (byTruth.get(truth[i]) ?? 0) + 1);
    byPredicted.set(predicted[i], (byPredicted.get(predicted[i]) ?? 0) + 1);
    const k = `${predicted[i]}\u0000${truth[i]}`;
    byBoth.set(k, (byBoth.get(k) ?? 0) + 1);
  }
  const sum = (m: Map<unknown, number>) => [...m.values()].reduce((s, k) => s + pairs(k), 0);
  const truePairs = sum(byTruth);
  const predictedPairs = sum(byPredicted);
  const correctPairs = sum(byBoth);
  const precision = predictedPairs ? correctPairs / predictedPairs : 1;
  const recall = truePairs ? correctPairs / truePairs : 1;
  return {
    records: truth.length,
    truePairs,
    predictedPairs,
    correctPairs,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    trueEntities: byTruth.size,
    predictedClusters: byPredicted.size,
  };
}
