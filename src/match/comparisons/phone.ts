import type { Comparison } from './comparison.js';
import { editDistance } from '../similarity/edit-distance.js';
import { sameNationalNumber } from '../national-number.js';
import { isFixedLine } from '../fixed-line.js';

/**
 * Any shared phone counts: customers give different departments different
 * numbers. A shared fixed line is a level of its own: a household answers one
 * home line and colleagues one switchboard, so it says far less than a shared
 * mobile, and counted as one it vouched for family members and colleagues
 * when m was counted among pairs sharing an identifier (anchored-m.ts).
 */
export const phoneComparison: Comparison = {
  name: 'phone',
  doc: 'Phone numbers (E.164, fakes removed): a number shared that is not a fixed line, only a fixed line shared (a home line or a switchboard), any the same but for the country code (one record had none and was read in another country), any pair one keystroke apart, else different.',
  present: (f) => f.phones.length > 0,
  levels: [
    { label: 'exact', test: (a, b) => sharesPersonalNumber(a.phones, b.phones) },
    { label: 'exact_fixed_line', test: (a, b) => anyPair(a.phones, b.phones, 0) },
    { label: 'same_national_number', test: (a, b) => anySameNational(a.phones, b.phones) },
    { label: 'one_digit_apart', test: (a, b) => anyPair(a.phones, b.phones, 1) },
  ],
};

/** Whether the lists share a number that is not a fixed line by its numbering plan (where the plan cannot tell, as in North America, it counts). */
function sharesPersonalNumber(xs: readonly string[], ys: readonly string[]): boolean {
  for (const x of xs) if (ys.includes(x) && !isFixedLine(x)) return true;
  return false;
}

function anySameNational(xs: readonly string[], ys: readonly string[]): boolean {
  for (const x of xs) for (const y of ys) if (sameNationalNumber(x, y)) return true;
  return false;
}

/** Whether some number of one list is within `edits` keystrokes of some number of the other (plain loops: this runs for every pair). */
function anyPair(xs: readonly string[], ys: readonly string[], edits: number): boolean {
  for (const x of xs) for (const y of ys) if (x === y || (edits > 0 && editDistance(x, y, edits) <= edits)) return true;
  return false;
}
