/** Gmail ignores dots in the name part and anything after a plus, and googlemail.com is the same mailbox. */
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * The mailbox an address reaches, for matching: grace.kelly+shop@googlemail.com
 * and gracekelly@gmail.com are one person's. Other providers treat dots as
 * part of the name, so their addresses are compared as written (lower-cased
 * by the normalizer).
 */
export function emailKey(address: string): string {
  const at = address.lastIndexOf('@');
  if (!GMAIL_DOMAINS.has(address.slice(at + 1))) return address;
  const local = address.slice(0, at);
  const plus = local.indexOf('+');
  return `${(plus < 0 ? local : local.slice(0, plus)).replaceAll('.', '')}@gmail.com`;
}
