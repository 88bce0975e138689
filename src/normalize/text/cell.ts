import { cleanText } from './fold.js';

/**
 * A cell as every normalizer reads it: cleanText, then undone what spreadsheets do to values
 * kept as text or saved as numbers. Excel exports a number it was told to keep as text as the
 * formula ="0123", and people (and formula-injection escaping, ours included) put an apostrophe
 * before a value for the same reason; a number column comes out as 13957120486.0.
 */

const APOSTROPHE = 0x27;
const EQUALS = 0x3d;
/** ="…", the text formula; a quote inside it is doubled. */
const TEXT_FORMULA = /^="((?:[^"]|"")*)"$/;
/** An apostrophe that belongs to the name: a Dutch elision ('t Hooft, 's-Hertogenbosch). */
const ELISION = /^'\p{L}[ -]/u;
/** A whole number saved with decimals, as a spreadsheet writes a number column. */
const WHOLE_DECIMAL = /^(\d+)\.0{1,2}$/;
/** A number a spreadsheet wrote in scientific notation, as it shows long numbers in a narrow column: 1.39128E+10. */
const SCIENTIFIC = /^(\d)\.(\d+)E\+(\d{1,2})$/i;

export function cleanCell(raw: string): string {
  let text = cleanText(raw);
  const first = text.charCodeAt(0);
  if (first === APOSTROPHE && !ELISION.test(text)) text = cleanText(text.slice(1));
  else if (first === EQUALS) {
    const formula = TEXT_FORMULA.exec(text);
    if (formula) text = cleanText(formula[1].replaceAll('""', '"'));
  }
  if (text.endsWith('0')) {
    const whole = WHOLE_DECIMAL.exec(text);
    if (whole) return whole[1];
  }
  // Written with all its digits (1.3957120486E+10), the number is whole again.
  const scientific = text.includes('+') ? SCIENTIFIC.exec(text) : null;
  return scientific && scientific[2].length === Number(scientific[3]) ? scientific[1] + scientific[2] : text;
}

/**
 * Whether a cleaned cell is a number in scientific notation: its last digits are lost (1.39128E+10 is
 * 13912800000 to a spreadsheet) and nothing can bring them back.
 */
export function lostDigits(cleaned: string): boolean {
  return cleaned.includes('+') && SCIENTIFIC.test(cleaned);
}
