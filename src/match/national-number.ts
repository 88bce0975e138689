import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max';

/** Country calling codes by value (1 to 3 digits; none starts with 0 or is the start of another). */
const IS_CALLING_CODE = new Uint8Array(1000);
for (const country of getCountries()) IS_CALLING_CODE[Number(getCountryCallingCode(country))] = 1;

/**
 * Where the national digits of an E.164 number start: after "+" and the
 * country calling code (+8613812345678 → 3, at "138…"); 1 when no known code
 * starts it.
 */
function nationalStart(e164: string): number {
  let code = 0;
  for (let k = 1; k <= 3 && k < e164.length; k++) {
    const digit = e164.charCodeAt(k) - 0x30;
    if (digit < 0 || digit > 9 || (k === 1 && digit === 0)) break;
    code = code * 10 + digit;
    if (IS_CALLING_CODE[code]) return k + 1;
  }
  return 1;
}

/** The digits of an E.164 number after its country calling code (+447862446286 → 7862446286). */
export function nationalNumber(e164: string): string {
  return e164.slice(nationalStart(e164));
}

/**
 * Whether two E.164 numbers have the same national digits, whatever their
 * country codes. A number written without its country code is read in a
 * country guessed from the record (its address, else --region), so the same
 * mobile comes out as +447862446286 in one record and +867862446286 in
 * another; its national digits stay the same. Compared in place: this runs for
 * candidate pairs.
 */
export function sameNationalNumber(x: string, y: string): boolean {
  const i = nationalStart(x);
  const j = nationalStart(y);
  if (x.length - i !== y.length - j) return false;
  for (let k = 0; i + k < x.length; k++) if (x.charCodeAt(i + k) !== y.charCodeAt(j + k)) return false;
  return true;
}
