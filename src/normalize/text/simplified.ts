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

/**
 * Every key of every dictionary the converter applies, grouped by first UTF-16 code unit,
 * and a flag per code unit that starts some key: most characters start none, and reading
 * a flag is cheaper than a Map lookup.
 */
let dictionary: { keysByFirst: Map<number, string[]>; startsKey: Uint8Array } | null = null;

function dictionaryKeys(): { keysByFirst: Map<number, string[]>; startsKey: Uint8Array } {
  if (dictionary) return dictionary;
  const config = (OpenCC.Locale.configs as unknown as Record<string, Tw2s>).tw2s;
  const keysByFirst = new Map<number, string[]>();
  const startsKey = new Uint8Array(0x10000);
  for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain]) {
    for (const dict of group) {
      const keys = typeof dict === 'string' ? dict.split('|').map((entry) => entry.split(' ')[0]) : dict.map(([key]) => key);
      for (const key of keys) {
        if (!key) continue;
        const first = key.charCodeAt(0);
        startsKey[first] = 1;
        const list = keysByFirst.get(first);
        if (list) list.push(key);
        else keysByFirst.set(first, [key]);
      }
    }
  }
  dictionary = { keysByFirst, startsKey };
  return dictionary;
}

/**
 * Whether some dictionary key occurs in `s`. When none does, every stage of the
 * conversion (normalization, segmentation, each dictionary group) leaves `s` as it is.
 */
function hasDictionaryKey(s: string): boolean {
  const { keysByFirst, startsKey } = dictionaryKeys();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (startsKey[c] === 0) continue;
    for (const key of keysByFirst.get(c)!) if (s.startsWith(key, i)) return true;
  }
  return false;
}

/** Traditional → simplified Chinese; cached because the same values recur millions of times. */
export function toSimplified(s: string): string {
  if (!HAN.test(s) || !hasDictionaryKey(s)) return s;
  return cache.lookup(s) ?? cache.store(s, converter(s) ?? s);
}
