import * as OpenCC from 'opencc-js/t2cn';
import { BoundedCache } from '../bounded-cache.js';

/**
 * Traditional (Hong Kong/Taiwan variants included) → mainland simplified with OpenCC.
 * Almost every value in a mainland export is simplified already, and OpenCC changes
 * a string only where one of its dictionary keys occurs in it; checking for that is
 * much cheaper than converting (or looking the string up in a cache), so strings
 * with no key in them are returned as they are.
 */

const converter = OpenCC.Converter({ from: 'tw', to: 'cn' });
const cache = new BoundedCache<string>(200_000);
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

type Dict = string | readonly (readonly [string, string])[];
/** The dictionaries of the converter above ('tw' → 'cn' is OpenCC's tw2s configuration), from the same bundle. */
interface Tw2s {
  normalizationChain?: readonly (readonly Dict[])[];
  conversionChain: readonly (readonly Dict[])[];
}

/** Every key of every dictionary the converter applies, grouped by first UTF-16 code unit. */
let keysByFirst: Map<number, string[]> | null = null;

function dictionaryKeys(): Map<number, string[]> {
  if (keysByFirst) return keysByFirst;
  const config = (OpenCC.Locale.configs as unknown as Record<string, Tw2s>).tw2s;
  keysByFirst = new Map();
  for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain]) {
    for (const dict of group) {
      const keys = typeof dict === 'string' ? dict.split('|').map((entry) => entry.split(' ')[0]) : dict.map(([key]) => key);
      for (const key of keys) {
        if (!key) continue;
        const list = keysByFirst.get(key.charCodeAt(0));
        if (list) list.push(key);
        else keysByFirst.set(key.charCodeAt(0), [key]);
      }
    }
  }
  return keysByFirst;
}

/**
 * Whether some dictionary key occurs in `s`. When none does, every stage of the
 * conversion (normalization, segmentation, each dictionary group) leaves `s` as it is.
 */
function hasDictionaryKey(s: string): boolean {
  const keys = dictionaryKeys();
  for (let i = 0; i < s.length; i++) {
    const candidates = keys.get(s.charCodeAt(i));
    if (candidates) for (const key of candidates) if (s.startsWith(key, i)) return true;
  }
  return false;
}

/** Traditional → simplified Chinese; cached because the same values recur millions of times. */
export function toSimplified(s: string): string {
  if (!HAN.test(s) || !hasDictionaryKey(s)) return s;
  return cache.lookup(s) ?? cache.store(s, converter(s) ?? s);
}
