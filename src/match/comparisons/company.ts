import type { Comparison } from './comparison.js';
import { jaroWinklerAtLeast } from '../similarity/jaro-winkler.js';

export const companyComparison: Comparison = {
  name: 'company',
  doc: 'Company key (legal form and city stripped): exact, Jaro–Winkler ≥ 0.9, else different.',
  present: (f) => f.company !== null,
  levels: [
    { label: 'exact', test: (a, b) => a.company === b.company, termFrequency: ['company'] },
    { label: 'jw_0.9', test: (a, b) => jaroWinklerAtLeast(a.company!, b.company!, 0.9) },
  ],
};
