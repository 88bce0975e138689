import type { Comparison } from './comparison.js';
import { editDistance } from '../similarity/edit-distance.js';
import { sameNationalNumber } from '../national-number.js';

/** Any shared phone counts: customers give different departments different numbers. */
export const phoneComparison: Comparison = {
  name: 'phone',
  doc: 'Phone numbers (E.164, fakes removed): any number shared, any the same but for the country code (one record had none and was read in another country), any pair one keystroke apart, else different.',
  present: (f) => f.phones.length > 0,
  levels: [
    { label: 'exact', test: (a, b) => anyPair(a.phones, b.phones, 0) },
    { label: 'same_national_number', test: (a, b) => anySameNational(a.phones, b.phones) },
    { label: 'one_digit_apart', test: (a, b) => anyPair(a.phones, b.phones, 1) },
  ],
};

function anySameNational(xs: readonly string[], ys: readonly string[]): boolean {
  for (const x of xs) for (const y of ys) if (sameNationalNumber(x, y)) return true;
  return false;
}

/** Whether some number of one list is within `edits` keystrokes of some number of the other (plain loops: this runs for every pair). */
function anyPair(xs: readonly string[], ys: readonly string[], edits: number): boolean {
  for (const x of xs) for (const y of ys) if (x === y || (edits > 0 && editDistance(x, y, edits) <= edits)) return true;
  return false;
}
