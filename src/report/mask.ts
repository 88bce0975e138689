import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Personal data is masked in every report, log and message unless the user
 * asks otherwise (--unmask): enough is left to recognise a value, not to use it.
 * (A CLI-side text masker could delegate to maskFreeText below.)
 */

/** Several numbers in one cell: "13812345678 / 010-62345678". */
const CELL_SEPARATORS = /\s*[/,;，；、|]\s*/;

/**
 * +8613812345678 / 13812345678 → 138****5678: the first 3 and last 4 digits of
 * the national number. A number too short to hide at least 4 digits that way
 * keeps only its last 4 (62345678 → ****5678); 6 digits or fewer are all hidden.
 */
export function maskPhone(s: string): string {
  const parts = s.split(CELL_SEPARATORS).filter((p) => /\d/.test(p));
  if (parts.length > 1) return parts.map(maskOnePhone).join(' / ');
  return maskOnePhone(s);
}

function maskOnePhone(s: string): string {
  const national = nationalDigits(s);
  const n = national.length;
  if (n <= 6) return '*'.repeat(n);
  if (n - 7 >= 4) return `${national.slice(0, 3)}${'*'.repeat(n - 7)}${national.slice(-4)}`;
  return `${'*'.repeat(n - 4)}${national.slice(-4)}`;
}

/**
 * A +86 number whose national number cannot start with a prefix the phone
 * library strips when parsing (0, or a carrier code 11xxx, 12xxx, 179xx): its
 * national number is what follows +86, read without parsing (a test checks the
 * library agrees). Most numbers masked are such normalized Chinese numbers, and
 * parsing costs far more than the masking.
 */
const PLAIN_CHINESE = /^\+86(?:[2-9]|1[3-68-9]|17[0-8])\d{5,10}$/;

function nationalDigits(s: string): string {
  const t = s.trim();
  if (PLAIN_CHINESE.test(t)) return t.slice(3);
  if (t.startsWith('+') || t.startsWith('00')) {
    const parsed = parsePhoneNumberFromString(t.startsWith('00') ? `+${t.slice(2)}` : t);
    if (parsed) return parsed.nationalNumber;
  }
  const digits = t.replace(/\D/g, '');
  // 86 typed without a plus before an 11-digit mobile.
  return digits.length === 13 && digits.startsWith('861') ? digits.slice(2) : digits;
}

/** 110101199003071234 → 1101**********1234; short identifiers keep only their last two characters. */
export function maskIdNumber(s: string): string {
  const t = s.trim();
  if (t.length >= 15) return `${t.slice(0, 4)}${'*'.repeat(t.length - 8)}${t.slice(-4)}`;
  return `${'*'.repeat(Math.max(0, t.length - 2))}${t.slice(-2)}`;
}

/** john@qq.com → j***@qq.com; anything without a local part and a domain → ***. */
export function maskEmail(s: string): string {
  const t = s.trim();
  const at = t.lastIndexOf('@');
  if (at < 1 || at === t.length - 1) return '***';
  return `${t[0]}***${t.slice(at)}`;
}

// Free text: resident IDs (15 or 18 characters), emails, then any run of 7–17
// digits (a phone with its +, 00, spaces or dashes), except calendar dates.
const ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
// Any token with an @ in it, well-formed or not: a broken address is still someone's.
const EMAIL = /[^\s@,;:<>()\[\]"'，；]+@[^\s@,;:<>()\[\]"'，；]*/g;
const DIGIT_RUN = /(?<![\w.*+])(?:\+|00)?\d(?:[ -]?\d){6,16}(?![\w*])/g;
const COMPACT_DATE = /^(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;
const ISO_DATE = /^\d{4}-\d{1,2}-\d{1,2}$/;

/**
 * Last line of defence for free text (issue messages, logs): masks anything
 * that looks like a phone number, resident ID or email. It errs on the side of
 * masking: an order number of 7+ digits is masked too; dates are kept.
 */
export function maskFreeText(s: string): string {
  if (!/[\d@]/.test(s)) return s;
  return s
    .replace(ID_NUMBER, maskIdNumber)
    .replace(EMAIL, maskEmail)
    .replace(DIGIT_RUN, (m) => (COMPACT_DATE.test(m) || ISO_DATE.test(m) ? m : maskPhone(m)));
}
