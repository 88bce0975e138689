import type { Comparison } from './comparison.js';
import { editDistance, isAdjacentTransposition } from '../similarity/edit-distance.js';

const local = (e: string) => e.slice(0, e.indexOf('@'));

export const emailComparison: Comparison = {
  name: 'email',
  doc: 'Email (valid, non-placeholder): exact, one typo (one character, or two adjacent swapped) or same mailbox name at another provider, else different.',
  present: (f) => f.email !== null,
  levels: [
    { label: 'exact', test: (a, b) => a.email === b.email },
    {
      label: 'near',
      test: (a, b) => editDistance(a.email!, b.email!, 1) <= 1 || isAdjacentTransposition(a.email!, b.email!) || (local(a.email!).length >= 5 && local(a.email!) === local(b.email!)),
    },
  ],
};
