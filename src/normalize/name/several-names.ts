import { COMPOUND_SURNAMES, HAN_HONORIFIC_SUFFIXES, PLACEHOLDER_NAMES } from '../data/honorifics.js';

/**
 * The people a name cell names, when it names several: 张伟/李娜, 张伟、李娜, 王先生 李小姐, "John Smith / Jane Doe".
 * Read as one name they made one person, 张伟李娜, who matched neither. A piece that is a title alone is no person
 * (李先生/女士 is one Mr or Ms Li), and a comma parts Chinese names only ("Smith, John" is one).
 */
const HAN_SEPARATORS = /[\/、,;]/;
const LATIN_SEPARATORS = /[\/;]/;
const SPACES = /\s+/;
const ONLY_HAN = /^[\u3400-\u9fff\uf900-\ufaff]+$/;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const TITLES = new Set(HAN_HONORIFIC_SUFFIXES);

function isTitleAlone(piece: string): boolean {
  return TITLES.has(piece) || PLACEHOLDER_NAMES.has(piece.toLowerCase());
}

/**
 * Han words parted by spaces are several names when each could be a whole one: two characters or more, not a
 * compound surname alone (欧阳 娜娜) nor a title (张伟 经理). 张 伟 is one name written spaced.
 */
function hanNamesBySpaces(piece: string): string[] {
  const words = piece.split(SPACES);
  if (words.length < 2) return words;
  for (const w of words) if (w.length < 2 || !ONLY_HAN.test(w) || COMPOUND_SURNAMES.has(w) || TITLES.has(w)) return [piece];
  return words;
}

/**
 * The names in a one-column name cell (cleaned), in order: most cells hold one, the cell itself when no piece is a
 * name. In a cell with Chinese characters, a piece without any is the name's Latin spelling (Zhang Wei / 张伟).
 */
export function namesInCell(text: string, han: boolean): string[] {
  const names: string[] = [];
  for (const part of text.split(han ? HAN_SEPARATORS : LATIN_SEPARATORS)) {
    const piece = part.trim();
    if (!piece || isTitleAlone(piece) || (han && !HAN.test(piece))) continue;
    if (han) names.push(...hanNamesBySpaces(piece));
    // A Latin piece of one word (Smith/Jones, a double surname) is no second person.
    else if (piece.includes(' ') || !names.length) names.push(piece);
    else return [text];
  }
  return names.length ? names : [text];
}
