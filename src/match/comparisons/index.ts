import type { Comparison } from './comparison.js';
import { nameComparison } from './name.js';
import { phoneComparison } from './phone.js';
import { emailComparison } from './email.js';
import { idNumberComparison } from './id-number.js';
import { birthDateComparison } from './birth-date.js';
import { companyComparison } from './company.js';
import {
  addressComparison,
  cityComparison,
  localityComparison,
  postcodeComparison,
  streetComparison,
  streetNumberComparison,
  unitComparison,
} from './address.js';

/** Ready-made comparisons a config can name (`match.comparisons`). Order is the order of the explanation. */
export const COMPARISONS: readonly Comparison[] = [
  nameComparison,
  phoneComparison,
  emailComparison,
  idNumberComparison,
  birthDateComparison,
  companyComparison,
  addressComparison,
  postcodeComparison,
  cityComparison,
  localityComparison,
  streetComparison,
  streetNumberComparison,
  unitComparison,
];

/**
 * Used when the config names none: the address parts are compared once, as a
 * whole, because they are not independent evidence.
 */
export const DEFAULT_COMPARISONS = ['name', 'phone', 'email', 'id_number', 'birth_date', 'company', 'address', 'postcode'];

export const COMPARISON_NAMES = COMPARISONS.map((c) => c.name);
