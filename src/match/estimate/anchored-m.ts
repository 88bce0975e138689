import type { Comparison } from '../comparisons/comparison.js';
import { MISSING } from '../comparisons/comparison.js';

/** Comparisons whose exact agreement all but proves two records are one customer. */
const ANCHORS = ['id_number', 'email', 'phone'];

/** Below this many anchored pairs with the comparison present, EM's m stands. */
const MIN_ANCHORED = 200;

/**
 * m of each comparison counted among the candidate pairs that another
 * comparison vouches for: pairs sharing an ID number, email or phone (other
 * than the one measured) are, nearly all, true matches, and how often their
 * names, addresses or birth dates agree is what m means.
 *
 * EM alone cannot tell a look-alike from a customer: among candidates, a pair
 * of strangers sharing a common name is far likelier than u (from random
 * pairs) says, so EM takes such pairs as matches, lambda rises to its cap, and
 * m of "different" takes in the strangers' disagreements — at a million
 * records a third of "matches" had a different ID number (truly almost none
 * do). A disagreeing identifier then counted for little, and more so the more
 * records (and look-alikes) there were.
 *
 * Assumes the measured comparison and the anchor disagree independently in a
 * true match, as Fellegi–Sunter does anyway. Comparisons with too few anchored
 * pairs keep EM's m.
 */
export function anchoredM(m: readonly (readonly number[])[], comparisons: readonly Comparison[], levels: Uint8Array): number[][] {
  const width = comparisons.length;
  const pairCount = levels.length / width;
  const anchors = comparisons.map((c, x) => (ANCHORS.includes(c.name) ? x : -1)).filter((x) => x >= 0);
  return comparisons.map((_, x) => {
    const others = anchors.filter((a) => a !== x);
    const counts = new Array<number>(m[x].length).fill(0);
    let anchored = 0;
    for (let k = 0; k < pairCount; k++) {
      const row = k * width;
      const level = levels[row + x];
      if (level === MISSING || !others.some((a) => levels[row + a] === 1)) continue;
      counts[level]++;
      anchored++;
    }
    if (anchored < MIN_ANCHORED) return [...m[x]];
    // Add-one smoothing, as for u: no level is ever impossible.
    const total = anchored + counts.length - 1;
    return counts.map((v, l) => (l === MISSING ? 0 : (v + 1) / total));
  });
}
