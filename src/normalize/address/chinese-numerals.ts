const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 二十七 → 27, 一百零五 → 105, 十 → 10, 三五 (digit by digit) → 35; null when not a numeral. */
export function chineseToNumber(s: string): number | null {
  if (!s) return null;
  if (![...s].every((c) => c in DIGITS || c in UNITS)) return null;
  if (![...s].some((c) => c in UNITS)) return Number([...s].map((c) => DIGITS[c]).join(''));
  let total = 0;
  let digit = 0;
  for (const c of s) {
    if (c in DIGITS) digit = DIGITS[c];
    else {
      total += (digit || 1) * UNITS[c];
      digit = 0;
    }
  }
  return total + digit;
}

const NUMERAL_BEFORE_UNIT = /([零〇一二两三四五六七八九十百千]+)(?=号|栋|幢|座|单元|室|楼|层|弄|巷)/g;
const NUMERAL = /[零〇一二两三四五六七八九十百千]/;

/** Replace Chinese numerals that count house numbers, buildings, units and rooms with digits (text with no numeral at all is returned at once). */
export function digitsForNumerals(s: string): string {
  if (!NUMERAL.test(s)) return s;
  return s.replace(NUMERAL_BEFORE_UNIT, (m) => String(chineseToNumber(m) ?? m));
}
