import { BoundedCache } from '../bounded-cache.js';

/** Decimal strings of numbers already seen, one string each. */
const shared = new BoundedCache<string, number>();

/**
 * s.slice(start, end), except that digits writing a number below a million without a leading
 * zero (house numbers, region codes) come back as one shared string per number. Records keep
 * these strings, and a new one per record is one more young object for every collection to copy.
 */
export function sharedDigits(s: string, start: number, end: number): string {
  if (end - start > 6 || s.charCodeAt(start) === 48) return s.slice(start, end);
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return s.slice(start, end);
    value = value * 10 + digit;
  }
  return shared.lookup(value) ?? shared.store(value, String(value));
}
