import type { CountryCode } from 'libphonenumber-js';
import { AU_STATE_CODES, US_STATE_CODES } from './street-types.js';
import { dictionary } from '../data/dictionary.js';

/** Country names and codes as addresses and country columns write them, folded (lower case, single spaces). */
const COUNTRIES: Readonly<Record<string, CountryCode>> = dictionary({
  usa: 'US', us: 'US', 'united states': 'US', 'united states of america': 'US',
  uk: 'GB', gb: 'GB', 'united kingdom': 'GB', 'great britain': 'GB', england: 'GB', scotland: 'GB', wales: 'GB',
  australia: 'AU', au: 'AU',
  canada: 'CA',
  'new zealand': 'NZ', nz: 'NZ',
  ireland: 'IE',
  singapore: 'SG', sg: 'SG',
  china: 'CN', cn: 'CN',
});

const ZIP_CODE = /^\d{5}(?:-\d{4})?$/;
const AU_POSTCODE = /^\d{4}$/;
/** UK and Canadian postcodes, spaces removed: shapes no other country uses. */
const UK_POSTCODE = /^[a-z]{1,2}\d[a-z\d]?\d[a-z]{2}$/i;
const CANADIAN_POSTCODE = /^[a-z]\d[a-z]\d[a-z]\d$/i;

/** The country a folded country name or code stands for, or null. */
export function countryOfName(name: string): CountryCode | null {
  return COUNTRIES[name] ?? null;
}

/**
 * The country a Latin address is in, from what it says plainly: a country name,
 * a state (wa is Western Australia's and Washington's: the postcode decides), or
 * a postcode only one country writes that way. Null when it does not say.
 */
export function latinAddressCountry(country: string | null, state: string | null, postcode: string | null): CountryCode | null {
  const named = country ? countryOfName(country) : null;
  if (named) return named;
  if (state === 'wa') return postcode && AU_POSTCODE.test(postcode) ? 'AU' : postcode && ZIP_CODE.test(postcode) ? 'US' : null;
  if (state && AU_STATE_CODES.has(state)) return 'AU';
  if (state && US_STATE_CODES.has(state)) return 'US';
  if (postcode && UK_POSTCODE.test(postcode)) return 'GB';
  if (postcode && CANADIAN_POSTCODE.test(postcode)) return 'CA';
  return null;
}
