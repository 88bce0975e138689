import type { Comparison } from './comparison.js';
import { editDistance } from '../similarity/edit-distance.js';

/** Any shared phone counts: customers give different departments different numbers. */
export const phoneComparison: Comparison = {
  name: 'phone',
  doc: 'Phone numbers (E.164, fakes removed): any number shared, any pair one keystroke apart, else different.',
  present: (f) => f.phones.length > 0,
  levels: [
    { label: 'exact', test: (a, b) => a.phones.some((p) => b.phones.includes(p)) },
    { label: 'one_digit_apart', test: (a, b) => a.phones.some((p) => b.phones.some((q) => editDistance(p, q, 1) <= 1)) },
  ],
};
