import type { LatinWord } from './split-latin.js';

const HAS_LOWER = /\p{Ll}/u;
/** A capital after the first letter: McDonald, MacDonald, O'Brien, DeVito. */
const INNER_CAPITAL = /^\p{Lu}.*\p{Lu}/u;
const WORD_START = /(^|[-'])(\p{L})/gu;
const MC = /^Mc(\p{Ll})/u;

/** Capitals at the start and after a hyphen or apostrophe (anne-marie → Anne-Marie, o'brien → O'Brien), and McDonald. */
function titled(lower: string): string {
  return lower.replace(WORD_START, (_m, sep: string, c: string) => sep + c.toUpperCase()).replace(MC, (_m, c: string) => `Mc${c.toUpperCase()}`);
}

/**
 * How a word of a name is displayed. Capitals inside a word are the writer's (MacDonald, DeVito) and kept; other
 * words are title-cased, since exports are often in capitals or lower case. A particle inside a name is in lower
 * case (Jan van der Berg) unless written capitalised, as Flemish names are (Jan Van den Berg).
 */
function displayWord(w: LatinWord, particle: boolean): string {
  if (particle) return HAS_LOWER.test(w.written) ? w.written : w.lower;
  return INNER_CAPITAL.test(w.written) && HAS_LOWER.test(w.written) ? w.written : titled(w.lower);
}

/** `words` displayed, space-separated; a word in `particles` is one unless it starts the text. */
export function displayWords(words: readonly LatinWord[], particles: ReadonlySet<LatinWord>): string {
  let text = '';
  for (let i = 0; i < words.length; i++) text += (i ? ' ' : '') + displayWord(words[i], i > 0 && particles.has(words[i]));
  return text;
}
