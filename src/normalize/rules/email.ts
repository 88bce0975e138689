import { issue, NO_ISSUES, sharedIssues, type Finding, type NormalizerRule } from '../rule.js';
import { cleanCell } from '../text/cell.js';
import { isNoValue } from '../text/no-value.js';
import { maskEmail } from '../../model/mask.js';

type Email = { value: string | null; valid: boolean; placeholder: boolean };

/** Dots only between characters of the local part, hyphens only inside a domain label. */
const SHAPE = /^[a-z0-9_%+'-]+(?:\.[a-z0-9_%+'-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;
/** Made-up mailboxes, and a sender's no-reply address, which many customers' records carry: it reaches none of them. */
const PLACEHOLDER_LOCAL = /^(?:test|none|noemail|no-email|nomail|null|na|n\/a|x+|a+|abc|asdf|qwe|example|demo|unknown|no-?reply|do-?not-?reply|无|未知|(.)\1{3,})$/;
/** A note in brackets after or inside the address (zhangwei@163.com（私人）); RFC 5322 reads brackets as a comment too. */
const BRACKETED_NOTE = /\s*[(\[【][^()[\]【】]*[)\]】]\s*/g;
const TRAILING_DOTS = /\.+$/;
/** A word with no ASCII letter or digit: a note (微信同号, 私人) beside an address, not part of it. */
const NOTE_WORD = /^[^a-z0-9]*$/;
const PLACEHOLDER_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net)|test\.com|test|invalid|localhost|xxx\.com|a\.com|abc\.com)$/;
const FULL_WIDTH_AT = /[＠]/g;
const FULL_STOPS = /[。．]/g;
const MAILTO = /^mailto:/i;
/** Between addresses in one cell (cleanText has made full-width commas and semicolons half-width). */
const LIST_SEPARATORS = /[,;、|/]/;
/** A display name in quotes ("Zhou, Ba" <zhou8@163.com>): it may hold a separator, and it is no address. */
const QUOTED = /"[^"]*"/g;
/** The address of a "Name <address>" entry. */
const BRACKETED = /<([^<>]*)>/;
const SPACES = /\s+/;
/** Characters lower-casing could change. */
const UPPER_OR_NON_ASCII = /[A-Z]|[^\x00-\x7f]/;
const DIGITS_ONLY = /^\d+$/;
/** Shared by every record without a valid email (most of them): one object instead of one per record. */
const NONE: Finding<Email> = { parts: { value: null, valid: false, placeholder: false }, issues: NO_ISSUES };
const INVALID: Finding<Email> = { parts: NONE.parts, issues: sharedIssues(issue('email', 'email.invalid', 'not a valid email address')) };
const PLACEHOLDER = sharedIssues(issue('email', 'email.placeholder', 'a placeholder address'));
const NO_DROPS: string[] = [];

/**
 * Folded, trimmed, lower-case text of the cell. Each replacement runs only when its
 * characters occur: this runs for every email, and most need none of them.
 */
function cleanEmail(raw: string): string {
  let text = cleanCell(raw);
  if (text.includes('＠')) text = text.replace(FULL_WIDTH_AT, '@');
  if (text.includes('。') || text.includes('．')) text = text.replace(FULL_STOPS, '.');
  if ((text.charCodeAt(0) | 0x20) === 0x6d) text = text.replace(MAILTO, '');
  if (text.includes('(') || text.includes('[') || text.includes('【')) text = text.replace(BRACKETED_NOTE, ' ').trim();
  if (text.endsWith('.')) text = text.replace(TRAILING_DOTS, '');
  // Lower-casing copies text imported as two-byte characters even when it changes nothing, and the record keeps the copy.
  return UPPER_OR_NON_ASCII.test(text) ? text.toLowerCase() : text;
}

const isAddress = (text: string) => text.length <= 254 && SHAPE.test(text);

/**
 * The texts with an @ of a cell that is not one bare address: the address of "Name <address>", the
 * entries of a list ("a@x.com; b@y.com", "a@x.com / b@y.com"), words that each hold an @ ("a@x.com b@y.com").
 */
function addressesIn(text: string): string[] {
  const found: string[] = [];
  for (const entry of text.replace(QUOTED, ' ').split(LIST_SEPARATORS)) {
    const bracketed = BRACKETED.exec(entry);
    const words = bracketed ? [bracketed[1]] : entry.trim().split(SPACES);
    // Words that each hold an @ are addresses; so are those beside a note, but not "zhang wei@163.com".
    const addressWords = words.filter((w) => w.includes('@'));
    const apart = addressWords.length && words.every((w) => w.includes('@') || NOTE_WORD.test(w));
    for (const piece of apart ? addressWords : [entry]) {
      const address = piece.trim().replace(MAILTO, '');
      if (address.includes('@') && !found.includes(address)) found.push(address);
    }
  }
  return found;
}

/** Whether a valid address is a made-up one. */
function isPlaceholder(address: string): boolean {
  // The shape allows exactly one @.
  const at = address.indexOf('@');
  const local = address.slice(0, at);
  return PLACEHOLDER_LOCAL.test(local) || PLACEHOLDER_DOMAIN.test(address.slice(at + 1)) || (DIGITS_ONLY.test(local) && (local.length < 5 || isCounting(local)));
}

/** Digits counting up or down (12345678, 98765), as typed for a QQ number nobody gave. */
function isCounting(digits: string): boolean {
  return '01234567890'.includes(digits) || '09876543210'.includes(digits);
}

/** A valid address as a finding; `dropped` are the other addresses of its cell, named (masked) in an issue. */
function addressFinding(address: string, dropped: string[]): Finding<Email> {
  const placeholder = isPlaceholder(address);
  const parts = { value: address, valid: true, placeholder };
  if (!dropped.length) return { parts, issues: placeholder ? PLACEHOLDER : NO_ISSUES };
  // A record holds one email: the others go, and the issue says which.
  const others = dropped.length === 1 ? 'another address' : `${dropped.length} other addresses`;
  const several = issue('email', 'email.several', `the cell holds ${others}, dropped: ${dropped.map(maskEmail).join(', ')}`);
  return { parts, issues: placeholder ? [...PLACEHOLDER, several] : [several] };
}

/** The email cell as a finding: the cell's address, or of several the first valid one that is not made up. */
export function readEmail(raw: string | undefined): Finding<Email> {
  const text = raw ? cleanEmail(raw) : '';
  if (!text || isNoValue(text)) return NONE;
  if (isAddress(text)) return addressFinding(text, NO_DROPS);
  const addresses = addressesIn(text);
  const kept = addresses.find((a) => isAddress(a) && !isPlaceholder(a)) ?? addresses.find(isAddress);
  return kept ? addressFinding(kept, addresses.filter((a) => a !== kept)) : INVALID;
}

export const emailRule: NormalizerRule<string, Email> = {
  id: 'email',
  doc: 'Email addresses: full-width characters folded, trimmed, lower-cased; shape checked; the address taken from "Name <address>"; of several addresses in one cell (separated by , ; 、 | / or spaces) the first valid one that is not made up kept and the others named in an issue; a note in brackets or in Chinese beside the address dropped (zhangwei@163.com（私人）); test/none/example, no-reply and one-character-repeated or counting mailboxes (111111@qq.com, 12345678@qq.com) marked as placeholders (they count as missing).',
  codes: {
    'email.invalid': 'Not an email address (missing @, spaces, no domain).',
    'email.placeholder': 'A made-up address such as test@test.com, none@example.com or 111111@qq.com, or a no-reply address: it reaches no customer.',
    'email.several': 'The cell holds several addresses: a record keeps one (the first valid one that is not made up); the others are dropped and named, masked, in the message.',
  },
  normalize(raw) {
    const { parts, issues } = readEmail(raw);
    return { raw, value: parts.value, parts, issues };
  },
};
