/**
 * Pinyin's ü, which follows only l and n, as it is written: lü and nü in pinyin, lv and nv on keyboards without ü, lyu
 * and nyu in passports (since 2012), and lu and nu in most Latin exports, which left the umlaut off. All are folded to
 * lu and nu, so 吕怡勇, "Yiyong Lü", "Lv Yiyong", "Lyu Yiyong" and "Lu Yiyong" have one pinyin key. 吕 and 卢 (lu)
 * then share it, as their Latin spellings did already.
 */
const HAN_U = /ü/g;
/** A Latin word starting with lv, nv, lyu or nyu, alone or with e (lve, nyue), before a consonant or the end: Lvyin, not Nvidia. */
const LATIN_U = /^([ln])(?:v|yu)(?=e?(?:$|[^aeiou]))/;

/** A Chinese name's pinyin (pinyin-pro writes ü) with ü as u. */
export function foldHanU(pinyin: string): string {
  return pinyin.includes('ü') ? pinyin.replace(HAN_U, 'u') : pinyin;
}

/** A lower-case Latin word with a leading ü syllable (lv, lyu, nv, nyu) written u. Diacritics are gone already (Lü → lu). */
export function foldLatinU(word: string): string {
  return word.length > 1 && word[1] !== 'u' && (word[0] === 'l' || word[0] === 'n') ? word.replace(LATIN_U, '$1u') : word;
}
