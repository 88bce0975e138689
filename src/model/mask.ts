import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Personal data is masked in every report, log and message unless the user
 * asks otherwise (--unmask): enough is left to recognise a value, not to use it.
 * Every stage needs it (a normalizer's issue names a dropped address, masked),
 * so it lives beside the record model rather than in one stage.
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

// Free text, in one pass so that what one pattern keeps no other masks. Kept as
// they are: row references (crm.csv:1234567, row 1234567) and dates
// (2024-01-05, 2024.01.05, 20240105). Masked: emails, resident IDs, and phones:
// 7–17 digits with a +, 00, brackets, spaces, dashes (138 - 1234 - 5678) or dots
// (138.1234.5678) between them. Look-arounds are digits only: tel_13812345678,
// 13812345678ext9 and x110101199003071234 are someone's all the same.
const ROW_REF = String.raw`(?<=\.(?:csv|tsv|txt|tab|psv|dat|json|jsonl|ndjson):|\b(?:[Rr]ows?|[Ll]ines?) )\d{1,9}(?![\d*]|\.\d)`;
const DATE = String.raw`(?<![\d.])(?:19|20)\d\d(?:(?<sep>[-./])(?:0?[1-9]|1[0-2])\k<sep>(?:0?[1-9]|[12]\d|3[01])|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?![\d*]|\.\d)`;
// Any token with an @ in it, well-formed or not: a broken address is still someone's.
const EMAIL = String.raw`[^\s@,;:<>()\[\]"'，；]+@[^\s@,;:<>()\[\]"'，；]*`;
const ID_NUMBER = String.raw`(?<!\d)\d{17}[\dXx](?!\d)`;
// A dot separates digit groups only in the dotted form, so 1234567.89 is an amount, not a phone.
const DOTTED = String.raw`\d{2,4}(?:\.\d{2,4}){2,5}`;
const SPACED = String.raw`\d(?:(?:\s?-\s?|\)\s?|\s?\(| )?\d){6,16}`;
const PHONE = String.raw`(?<![\d*+.])(?:\+|00)?\(?(?:${DOTTED}|${SPACED})(?![\d*]|\.\d)`;
const FREE_TEXT = new RegExp(`(?<keep>${ROW_REF}|${DATE})|(?<email>${EMAIL})|(?<id>${ID_NUMBER})|${PHONE}`, 'g');
/** 1 234 567 or 12.345.678: an amount in thousands, not a phone (a phone never starts with them without a 0 or +). */
const THOUSANDS = /^[1-9]\d{0,2}(?<sep>[ .])\d{3}(?:\k<sep>\d{3})*$/;
const FULL_WIDTH_DIGIT = /[０-９]/g;

/**
 * Last line of defence for free text (issue messages, logs, extra columns):
 * masks anything that looks like a phone number, resident ID or email. It errs
 * on the side of masking: an order number of 7+ digits is masked too; dates,
 * amounts written as such and row references are kept.
 */
export function maskFreeText(s: string): string {
  if (!/[\d@０-９]/.test(s)) return s;
  // Full-width digits are read as digits; each is one UTF-16 unit, so positions in s stay valid.
  const folded = s.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  let out = '';
  let last = 0;
  for (const m of folded.matchAll(FREE_TEXT)) {
    const end = m.index + m[0].length;
    out += s.slice(last, m.index) + (maskMatch(m) ?? s.slice(m.index, end));
    last = end;
  }
  return out + s.slice(last);
}

/** The masked form of one match, or null for one that is kept. */
function maskMatch(m: RegExpMatchArray): string | null {
  const g = m.groups!;
  if (g.keep !== undefined) return null;
  if (g.email !== undefined) return maskEmail(m[0]);
  if (g.id !== undefined) return maskIdNumber(m[0]);
  return THOUSANDS.test(m[0]) ? null : maskPhone(m[0]);
}

/** Golden and record fields masked by their own rule; any other (remarks, owner, an extra column) is free text. */
const FIELD_MASKS: Record<string, (s: string) => string> = {
  phone: maskPhone,
  phone2: maskPhone,
  email: maskEmail,
  id_number: maskIdNumber,
};

/** A field's value masked as its field holds it: a phone as a phone, remarks as free text. */
export function maskField(field: string, value: string): string {
  return (FIELD_MASKS[field] ?? maskFreeText)(value);
}
