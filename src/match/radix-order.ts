import { int32s } from '../model/big-arrays.js';

/** A column of small integer ids, −1 (missing) to distinct − 1. */
export interface IdColumn {
  ids: Int32Array;
  distinct: number;
}

/**
 * Positions 0 … count − 1 ordered by their ids in `columns`, the first column
 * most significant, missing first: a stable counting sort on each column from
 * the last to the first (a radix sort on the ids), so equal id combinations
 * end up adjacent and keep their positions' order. Linear in `count`.
 */
export function radixOrder(columns: readonly IdColumn[], count: number): Int32Array {
  let order = int32s(count);
  for (let e = 0; e < count; e++) order[e] = e;
  let scratch = int32s(count);
  for (let k = columns.length - 1; k >= 0; k--) {
    const { ids, distinct } = columns[k];
    // Slot ids[e] + 1, so that missing (−1) sorts first; counted one slot further on, then summed into starts.
    const next = int32s(distinct + 2);
    for (let e = 0; e < count; e++) next[ids[e] + 2]++;
    for (let v = 1; v < next.length; v++) next[v] += next[v - 1];
    for (let j = 0; j < count; j++) {
      const e = order[j];
      scratch[next[ids[e] + 1]++] = e;
    }
    [order, scratch] = [scratch, order];
  }
  return order;
}

/** Whether positions e and f have the same id in every column. */
export function sameIds(columns: readonly IdColumn[], e: number, f: number): boolean {
  for (const { ids } of columns) if (ids[e] !== ids[f]) return false;
  return true;
}
