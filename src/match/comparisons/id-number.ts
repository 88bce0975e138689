import type { Comparison } from './comparison.js';
import { editDistance, isAdjacentTransposition } from '../similarity/edit-distance.js';

export const idNumberComparison: Comparison = {
  name: 'id_number',
  doc: 'ID number: exact, one typo (one character or two adjacent swapped), else different.',
  present: (f) => f.idNumber !== null,
  levels: [
    { label: 'exact', test: (a, b) => a.idNumber === b.idNumber },
    { label: 'one_typo', test: (a, b) => editDistance(a.idNumber!, b.idNumber!, 1) <= 1 || isAdjacentTransposition(a.idNumber!, b.idNumber!) },
  ],
};
