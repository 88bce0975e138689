import { LATIN_SUFFIXES, LATIN_TITLES } from '../data/honorifics.js';
import { stripDiacritics } from '../text/fold.js';

/** One word of a Latin name: as written (diacritics folded) and in lower case. */
export interface LatinWord {
  written: string;
  lower: string;
}

/** A Latin name read into its parts, each a list of words. */
export interface LatinName {
  given: LatinWord[];
  family: LatinWord[];
  /** Generational suffixes and degrees (Jr, III, PhD): displayed, but no part of the given or family name. */
  suffixes: LatinWord[];
  /** The last title before the name ("mr", "dr"). */
  honorific: string | null;
}

const NOT_NAME_CHARACTERS = /[^\p{L}\p{N}\s'-]+/gu;
const WHITESPACE_RUN = /\s+/;

export function latinWords(s: string): LatinWord[] {
  const words: LatinWord[] = [];
  for (const w of stripDiacritics(s).replace(NOT_NAME_CHARACTERS, ' ').split(WHITESPACE_RUN)) if (w) words.push({ written: w, lower: w.toLowerCase() });
  return words;
}

const isSuffix = (w: LatinWord) => LATIN_SUFFIXES.has(w.lower);

/** Moves the suffixes `words` ends with into `suffixes` (in order), leaving at least one word. */
function takeSuffixes(words: LatinWord[], suffixes: LatinWord[]): LatinWord[] {
  let end = words.length;
  while (end > 1 && isSuffix(words[end - 1])) end--;
  suffixes.push(...words.slice(end));
  return words.slice(0, end);
}

/** Titles before the name (Mr, Dr) dropped, leaving at least one word; the last one is the honorific. */
function dropTitles(words: LatinWord[], name: LatinName): LatinWord[] {
  let start = 0;
  while (start < words.length - 1 && LATIN_TITLES.has(words[start].lower)) name.honorific = words[start++].lower;
  return words.slice(start);
}

/** A name from one cell: "John Smith", "Smith, John", "Dr John Smith Jr.", "John Smith, Jr.". */
export function splitLatinName(text: string): LatinName {
  const name: LatinName = { given: [], family: [], suffixes: [], honorific: null };
  const segments = text.split(',').map(latinWords).filter((s) => s.length > 0);
  // "John Smith, Jr.": a part after a comma that is only suffixes is no given name, when a whole name is left ("Rahman, Md" has none).
  const trailing: LatinWord[] = [];
  let words = 0;
  for (const s of segments) words += s.length;
  while (segments.length > 1 && segments[segments.length - 1].every(isSuffix) && words - segments[segments.length - 1].length > 1) {
    words -= segments[segments.length - 1].length;
    trailing.unshift(...segments.pop()!);
  }
  const parts = segments.map((s) => takeSuffixes(s, name.suffixes));
  name.suffixes.push(...trailing);
  if (parts.length > 1) {
    // "Smith, John": family name first.
    name.family = parts[0];
    name.given = dropTitles(parts.slice(1).flat(), name);
  } else {
    const words = dropTitles(parts[0] ?? [], name);
    name.family = words.slice(-1);
    name.given = words.slice(0, -1);
  }
  return name;
}

/** A name from separate given-name and family-name columns (FEBRL style); either may be empty. */
export function splitLatinColumns(given: string, family: string): LatinName {
  const name: LatinName = { given: [], family: [], suffixes: [], honorific: null };
  name.given = dropTitles(latinWords(given), name);
  name.family = takeSuffixes(latinWords(family), name.suffixes);
  return name;
}
