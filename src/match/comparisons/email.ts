import type { Comparison } from './comparison.js';
import { editDistance } from '../similarity/edit-distance.js';

const local = (e: string) => e.slice(0, e.indexOf('@'));

export const emailComparison: Comparison = {
  name: 'email',
  doc: 'Email (valid, non-placeholder): exact, one character apart or same mailbox name at another provider, else different.',
  present: (f) => f.email !== null,
  levels: [
    { label: 'exact', test: (a, b) => a.email === b.email },
    { label: 'near', test: (a, b) => editDistance(a.email!, b.email!, 1) <= 1 || (local(a.email!).length >= 5 && local(a.email!) === local(b.email!)) },
  ],
};
