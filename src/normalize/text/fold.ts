import { toSimplified } from './simplified.js';

/**
 * Text folding shared by every normalizer. NFKC already maps full-width ASCII
 * (１３８, ＡＢＣ, the ideographic space) to half-width; we add whitespace clean-up,
 * traditional → simplified conversion for comparison keys, and Latin case folding.
 */

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Words of printable ASCII and CJK unified ideographs separated by single spaces: NFKC
 * leaves these characters alone (none decomposes or composes), so such text is clean.
 */
const CLEAN = /^[!-~\u3400-\u4dbf\u4e00-\u9fff]+(?: [!-~\u3400-\u4dbf\u4e00-\u9fff]+)*$/;
/** Every kind of white space, the zero-width space and byte-order mark included. */
const ANY_SPACES = /[\s\u00a0\u3000\u200b\ufeff]+/g;
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;
const SPACES_PUNCTUATION_SYMBOLS = /[\s\p{P}\p{S}]+/gu;
const PUNCTUATION_SYMBOLS = /[\p{P}\p{S}]+/gu;
const WHITESPACE_RUNS = /\s+/g;

/** NFKC + collapse all whitespace (incl. NBSP, ideographic space) to one space + trim. */
export function cleanText(s: string): string {
  if (CLEAN.test(s)) return s;
  return s.normalize('NFKC').replace(ANY_SPACES, ' ').trim();
}

export function hasHan(s: string): boolean {
  return HAN.test(s);
}

/** ASCII and CJK unified ideographs: NFD and NFC leave them alone (none decomposes or composes). */
const NORMALIZATION_STABLE = /^[\x00-\x7f\u3400-\u4dbf\u4e00-\u9fff]*$/;

/** Strip Latin diacritics (José → Jose). Most text has none to strip, and both normalizations of it are skipped. */
export function stripDiacritics(s: string): string {
  if (NORMALIZATION_STABLE.test(s)) return s;
  return s.normalize('NFD').replace(COMBINING_DIACRITICS, '').normalize('NFC');
}

/**
 * Comparison key: NFKC, simplified, lower-case, no diacritics, punctuation and
 * whitespace removed. Two values with the same key are "the same" for matching.
 */
export function foldKey(s: string): string {
  return stripDiacritics(toSimplified(cleanText(s)).toLowerCase()).replace(SPACES_PUNCTUATION_SYMBOLS, '');
}

/** Like foldKey but keeps single spaces between words (for token-based comparisons). */
export function foldWords(s: string): string {
  return stripDiacritics(toSimplified(cleanText(s)).toLowerCase())
    .replace(PUNCTUATION_SYMBOLS, ' ')
    .replace(WHITESPACE_RUNS, ' ')
    .trim();
}
