import { numberType } from '../normalize/phone/number-type.js';
import { nationalNumber } from './national-number.js';

/**
 * Whether an E.164 number is a fixed line by its numbering plan (a home or
 * office line that several people answer), not a mobile or a number whose
 * plan cannot tell the two apart (North America).
 */
export function isFixedLine(e164: string): boolean {
  const national = nationalNumber(e164);
  const callingCode = e164.slice(1, e164.length - national.length);
  return callingCode !== '' && numberType(callingCode, national) === 'FIXED_LINE';
}

