import { issue, type NormalizerRule } from '../rule.js';
import { cleanText } from '../text/fold.js';

type Email = { value: string | null; valid: boolean; placeholder: boolean };

const SHAPE = /^[a-z0-9._%+'-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}$/;
const PLACEHOLDER_LOCAL = /^(?:test|none|noemail|no-email|nomail|null|na|n\/a|x+|a+|abc|asdf|qwe|example|demo|unknown|无|未知)$/;
/** Shared by every record without a valid email (most of them): one object instead of one per record. */
const NONE: Email = { value: null, valid: false, placeholder: false };
const PLACEHOLDER_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net)|test\.com|test|invalid|localhost|xxx\.com|a\.com|abc\.com)$/;

export const emailRule: NormalizerRule<string, Email> = {
  id: 'email',
  doc: 'Email addresses: full-width characters folded, trimmed, lower-cased; shape checked; test/none/example addresses marked as placeholders (they count as missing).',
  codes: {
    'email.invalid': 'Not an email address (missing @, spaces, no domain).',
    'email.placeholder': 'A made-up address such as test@test.com or none@example.com.',
  },
  normalize(raw) {
    const text = cleanText(raw ?? '').replace(/[＠]/g, '@').replace(/[。．]/g, '.').replace(/^mailto:/i, '').toLowerCase();
    if (!text) return { raw, value: null, parts: NONE, issues: [] };
    if (text.length > 254 || !SHAPE.test(text)) {
      return { raw, value: null, parts: NONE, issues: [issue('email', 'email.invalid', 'not a valid email address')] };
    }
    const [local, domain] = text.split('@');
    const placeholder = PLACEHOLDER_LOCAL.test(local) || PLACEHOLDER_DOMAIN.test(domain) || (/^\d+$/.test(local) && local.length < 5);
    return {
      raw,
      value: text,
      parts: { value: text, valid: true, placeholder },
      issues: placeholder ? [issue('email', 'email.placeholder', 'a placeholder address')] : [],
    };
  },
};
