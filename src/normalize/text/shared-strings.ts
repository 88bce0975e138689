import { BoundedCache } from '../bounded-cache.js';

/**
 * One string for every equal value records keep. A new string per record is one more young
 * object for every young-generation collection to copy and one more old-to-young pointer to
 * visit; street names, units, house numbers and region codes recur across thousands of records.
 */
const texts = new BoundedCache<string>();
const numbers = new BoundedCache<string, number>();

/** The first string equal to `s` that was shared. */
export function sharedText(s: string): string {
  return texts.lookup(s) ?? texts.store(s, s);
}

/**
 * s.slice(start, end), except that digits writing a number below a million without a leading
 * zero (house numbers, region codes) come back as one shared string per number, without a slice.
 */
export function sharedDigits(s: string, start: number, end: number): string {
  if (end - start > 6 || s.charCodeAt(start) === 48) return s.slice(start, end);
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return s.slice(start, end);
    value = value * 10 + digit;
  }
  return numbers.lookup(value) ?? numbers.store(value, String(value));
}
