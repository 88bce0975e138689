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

export function cleanCell(raw: string): string {
  let text = cleanText(raw);
  const first = text.charCodeAt(0);
  if (first === APOSTROPHE && !ELISION.test(text)) text = cleanText(text.slice(1));
  else if (first === EQUALS) {
    const formula = TEXT_FORMULA.exec(text);
    if (formula) text = cleanText(formula[1].replaceAll('""', '"'));
  }
  if (!text.endsWith('0')) return text;
  const whole = WHOLE_DECIMAL.exec(text);
  return whole ? whole[1] : text;
}
