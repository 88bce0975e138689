import type { KeyColumn } from './key-columns.js';
import { radixOrder, sameIds } from '../radix-order.js';
import { int32s } from '../../model/big-arrays.js';

/**
 * Records grouped by a rule's key parts: block b holds
 * `members[blockStarts[b]] … members[blockStarts[b + 1] − 1]`, in ascending
 * record order, each record at most once. Only blocks of two or more records
 * are kept (a lone record makes no pair).
 */
export interface Blocks {
  members: Int32Array;
  blockStarts: Int32Array;
}

/**
 * Group records whose parts all agree. Each record contributes one entry per
 * combination of its part values; entries are ordered by a stable counting
 * sort on each part from the last to the first (a radix sort on integer ids),
 * so equal keys end up adjacent and, within a key, records keep their order.
 * Linear in the number of entries, with no per-block arrays or joined strings.
 */
export function groupBlocks(parts: readonly KeyColumn[], n: number): Blocks {
  const { records, partIds } = entries(parts, n);
  const total = records.length;
  const keys = partIds.map((ids, k) => ({ ids, distinct: parts[k].distinct }));
  const order = radixOrder(keys, total);

  const members = int32s(total);
  const blockStarts: number[] = [];
  let size = 0;
  let blockStart = 0;
  // A block is kept when it holds two records or more; a lone record is dropped.
  const close = () => {
    if (size - blockStart >= 2) blockStarts.push(blockStart);
    else size = blockStart;
    blockStart = size;
  };
  for (let j = 0; j < total; j++) {
    const e = order[j];
    if (j > 0) {
      if (!sameIds(keys, e, order[j - 1])) close();
      else if (records[e] === members[size - 1]) continue; // one record under two equal values (a phone written twice)
    }
    members[size++] = records[e];
  }
  close();
  blockStarts.push(size);
  const starts = int32s(blockStarts.length);
  starts.set(blockStarts);
  return { members: members.subarray(0, size), blockStarts: starts };
}

/**
 * One entry per record and combination of its part values (records missing a
 * part have none), leaving out combinations with a value no other record has:
 * they could only make blocks of one, and most values of a name, an email or
 * a phone are unique, so the sorts that follow have far fewer entries to move.
 */
function entries(parts: readonly KeyColumn[], n: number): { records: Int32Array; partIds: Int32Array[] } {
  let total = 0;
  for (let i = 0; i < n; i++) total += combinations(parts, i);
  const records = int32s(total);
  const partIds = parts.map(() => int32s(total));
  const digit = new Int32Array(parts.length);
  let e = 0;
  for (let i = 0; i < n; i++) {
    const count = combinations(parts, i);
    if (count === 0) continue;
    digit.fill(0);
    for (let c = 0; c < count; c++) {
      let shared = true;
      for (let k = 0; k < parts.length; k++) {
        const id = parts[k].ids[parts[k].starts[i] + digit[k]];
        partIds[k][e] = id;
        if (parts[k].counts[id] < 2) shared = false;
      }
      if (shared) records[e++] = i;
      // Odometer over the parts' values: the last part turns fastest.
      for (let k = parts.length - 1; k >= 0; k--) {
        if (++digit[k] < parts[k].starts[i + 1] - parts[k].starts[i]) break;
        digit[k] = 0;
      }
    }
  }
  return { records: records.subarray(0, e), partIds: partIds.map((ids) => ids.subarray(0, e)) };
}

function combinations(parts: readonly KeyColumn[], i: number): number {
  let count = 1;
  for (const p of parts) count *= p.starts[i + 1] - p.starts[i];
  return count;
}
