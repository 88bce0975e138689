import { issue, NO_ISSUES, sharedIssues, type Finding, type NormalizerRule } from '../rule.js';
import { cleanCell } from '../text/cell.js';

type Email = { value: string | null; valid: boolean; placeholder: boolean };

const SHAPE = /^[a-z0-9._%+'-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}$/;
const PLACEHOLDER_LOCAL = /^(?:test|none|noemail|no-email|nomail|null|na|n\/a|x+|a+|abc|asdf|qwe|example|demo|unknown|无|未知)$/;
const PLACEHOLDER_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net)|test\.com|test|invalid|localhost|xxx\.com|a\.com|abc\.com)$/;
const FULL_WIDTH_AT = /[＠]/g;
const FULL_STOPS = /[。．]/g;
const MAILTO = /^mailto:/i;
/** Characters lower-casing could change. */
const UPPER_OR_NON_ASCII = /[A-Z]|[^\x00-\x7f]/;
const DIGITS_ONLY = /^\d+$/;
/** Shared by every record without a valid email (most of them): one object instead of one per record. */
const NONE: Finding<Email> = { parts: { value: null, valid: false, placeholder: false }, issues: NO_ISSUES };
const INVALID: Finding<Email> = { parts: NONE.parts, issues: sharedIssues(issue('email', 'email.invalid', 'not a valid email address')) };
const PLACEHOLDER = sharedIssues(issue('email', 'email.placeholder', 'a placeholder address'));

/**
 * Folded, trimmed, lower-case text of the cell. Each replacement runs only when its
 * characters occur: this runs for every email, and most need none of them.
 */
function cleanEmail(raw: string): string {
  let text = cleanCell(raw);
  if (text.includes('＠')) text = text.replace(FULL_WIDTH_AT, '@');
  if (text.includes('。') || text.includes('．')) text = text.replace(FULL_STOPS, '.');
  if ((text.charCodeAt(0) | 0x20) === 0x6d) text = text.replace(MAILTO, '');
  // Lower-casing copies text imported as two-byte characters even when it changes nothing, and the record keeps the copy.
  return UPPER_OR_NON_ASCII.test(text) ? text.toLowerCase() : text;
}

/** The email cell as a finding. */
export function readEmail(raw: string | undefined): Finding<Email> {
  const text = raw ? cleanEmail(raw) : '';
  if (!text) return NONE;
  if (text.length > 254 || !SHAPE.test(text)) return INVALID;
  // The shape allows exactly one @.
  const at = text.indexOf('@');
  const local = text.slice(0, at);
  const placeholder = PLACEHOLDER_LOCAL.test(local) || PLACEHOLDER_DOMAIN.test(text.slice(at + 1)) || (DIGITS_ONLY.test(local) && local.length < 5);
  return { parts: { value: text, valid: true, placeholder }, issues: placeholder ? PLACEHOLDER : NO_ISSUES };
}

export const emailRule: NormalizerRule<string, Email> = {
  id: 'email',
  doc: 'Email addresses: full-width characters folded, trimmed, lower-cased; shape checked; test/none/example addresses marked as placeholders (they count as missing).',
  codes: {
    'email.invalid': 'Not an email address (missing @, spaces, no domain).',
    'email.placeholder': 'A made-up address such as test@test.com or none@example.com.',
  },
  normalize(raw) {
    const { parts, issues } = readEmail(raw);
    return { raw, value: parts.value, parts, issues };
  },
};
