/**
 * Personal data is masked in every report, log and message unless the user
 * asks otherwise (--unmask): enough is left to recognise a value, not to use it.
 */

/** +8613812345678 / 13812345678 → 138****5678. */
export function maskPhone(s: string): string {
  const digits = s.replace(/\D/g, '');
  const national = s.startsWith('+86') ? digits.slice(2) : digits;
  if (national.length < 7) return '*'.repeat(national.length);
  return `${national.slice(0, 3)}****${national.slice(-4)}`;
}

/** 110101199003071234 → 1101**********1234; short identifiers keep their last two characters. */
export function maskIdNumber(s: string): string {
  if (s.length >= 15) return `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`;
  return `${'*'.repeat(Math.max(0, s.length - 2))}${s.slice(-2)}`;
}

/** john@qq.com → j***@qq.com. */
export function maskEmail(s: string): string {
  const at = s.indexOf('@');
  if (at < 1) return '***';
  return `${s[0]}***${s.slice(at)}`;
}

const ID_NUMBER = /(?<![\dA-Za-z])(\d{4})\d{10}(\d{3}[\dXx])(?![\dA-Za-z])/g;
const PHONE = /(?<!\d)(?:\+?\d{1,4}[- ]?)?(1[3-9]\d)[- ]?\d{4}[- ]?(\d{4})(?!\d)/g;
const EMAIL = /\b([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b/g;

/** Last line of defence for free text (error messages, logs): mask anything that looks like a phone, ID number or email. */
export function maskFreeText(s: string): string {
  return s
    .replace(ID_NUMBER, '$1**********$2')
    .replace(PHONE, (_m, head: string, tail: string) => `${head}****${tail}`)
    .replace(EMAIL, '$1***@$2');
}
