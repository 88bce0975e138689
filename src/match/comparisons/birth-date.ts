import type { Comparison } from './comparison.js';

/** ISO dates YYYY-MM-DD. */
function dayMonthSwapped(a: string, b: string): boolean {
  return a.slice(0, 4) === b.slice(0, 4) && a.slice(5, 7) === b.slice(8, 10) && a.slice(8, 10) === b.slice(5, 7);
}

function oneComponentDiffers(a: string, b: string): boolean {
  const same = Number(a.slice(0, 4) === b.slice(0, 4)) + Number(a.slice(5, 7) === b.slice(5, 7)) + Number(a.slice(8, 10) === b.slice(8, 10));
  return same === 2;
}

export const birthDateComparison: Comparison = {
  name: 'birth_date',
  doc: 'Birth date: exact, day and month transposed, one of year/month/day differs (a typo), else different.',
  present: (f) => f.birthDate !== null,
  levels: [
    { label: 'exact', test: (a, b) => a.birthDate === b.birthDate },
    { label: 'day_month_swapped', test: (a, b) => dayMonthSwapped(a.birthDate!, b.birthDate!) },
    { label: 'one_part_differs', test: (a, b) => oneComponentDiffers(a.birthDate!, b.birthDate!) },
  ],
};
