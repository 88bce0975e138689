import { LATIN_SUFFIXES, LATIN_TITLES } from '../data/honorifics.js';
import { LOWER_CASE_SURNAME_PARTICLES, SURNAME_PARTICLES } from '../data/surname-particles.js';
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
  /** Given and family words in the order they are displayed: as written ("CHAN Tai Man"), given first after a comma. */
  order: LatinWord[];
  /** Family words displayed as particles (van, der): the ones before its last word. */
  particles: ReadonlySet<LatinWord>;
}

const NOT_NAME_CHARACTERS = /[^\p{L}\p{N}\s'-]+/gu;
const WHITESPACE_RUN = /\s+/;

export function latinWords(s: string): LatinWord[] {
  const words: LatinWord[] = [];
  for (const w of stripDiacritics(s).replace(NOT_NAME_CHARACTERS, ' ').split(WHITESPACE_RUN)) if (w) words.push({ written: w, lower: w.toLowerCase() });
  return words;
}

const isSuffix = (w: LatinWord) => LATIN_SUFFIXES.has(w.lower);
const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;
const TWO_LETTERS = /^\p{L}{2}$/u;
/** Two-letter surnames are syllables (Ng, Ho, Li, Au, Ip); initials such as JD or TJ are not. */
const SYLLABLE = /^(?:ng|[bcdfghjklmnpqrstwxyz][aeiouy]|[aeiou][aeiouy]|[aeiou][nmpkt])$/;

/** A word in capitals that can be a surname: two letters or more, not initials. */
function isCapitalised(w: LatinWord): boolean {
  if (HAS_LOWER.test(w.written) || !HAS_UPPER.test(w.written)) return false;
  return TWO_LETTERS.test(w.lower) ? SYLLABLE.test(w.lower) : w.lower.length > 2;
}

/**
 * Where the family name is in a name of one part, as [start, end) of `words`. In mixed case, the one run of words
 * in capitals is the surname, as Hong Kong and many others write it (CHAN Tai Man, Siu Ming WONG); otherwise the
 * last word. Particles before it join it (Jan van der Berg), leaving a given name.
 */
function familySpan(words: readonly LatinWord[]): [number, number] {
  const mixedCase = words.some((w) => HAS_LOWER.test(w.written)) && words.some((w) => HAS_UPPER.test(w.written));
  let start = words.length - 1;
  let end = words.length;
  const capitals = mixedCase ? words.findIndex(isCapitalised) : -1;
  if (capitals >= 0) {
    let runEnd = capitals + 1;
    while (runEnd < words.length && isCapitalised(words[runEnd])) runEnd++;
    // A second run (CHAN Tai MAN) says nothing.
    if (!words.slice(runEnd).some(isCapitalised)) [start, end] = [capitals, runEnd];
  }
  const particle = (w: LatinWord) => SURNAME_PARTICLES.has(w.lower) || (mixedCase && w.written === w.lower && LOWER_CASE_SURNAME_PARTICLES.has(w.lower));
  while (start > 1 && particle(words[start - 1])) start--;
  return [start, end];
}

/** The family words before its last one that are particles, for the display: van and der in "van der Berg". */
function particlesOf(family: readonly LatinWord[]): Set<LatinWord> {
  const particles = new Set<LatinWord>();
  for (let i = 0; i < family.length - 1 && (SURNAME_PARTICLES.has(family[i].lower) || LOWER_CASE_SURNAME_PARTICLES.has(family[i].lower)); i++) particles.add(family[i]);
  return particles;
}

const NO_PARTICLES: ReadonlySet<LatinWord> = new Set();

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
  const name: LatinName = { given: [], family: [], suffixes: [], honorific: null, order: [], particles: NO_PARTICLES };
  const segments = text.split(',').map(latinWords).filter((s) => s.length > 0);
  // "John Smith, Jr.": a part after a comma that is only suffixes is no given name, when a whole name is left ("Rahman, Md" has none).
  const trailing: LatinWord[] = [];
  while (segments.length > 1 && segments.at(-1)!.every(isSuffix) && segments.slice(0, -1).flat().length > 1) trailing.unshift(...segments.pop()!);
  const parts = segments.map((s) => takeSuffixes(s, name.suffixes));
  name.suffixes.push(...trailing);
  if (parts.length > 1) {
    // "Smith, John": family name first.
    name.family = parts[0];
    name.given = dropTitles(parts.slice(1).flat(), name);
    name.order = [...name.given, ...name.family];
  } else {
    const words = dropTitles(parts[0] ?? [], name);
    const [start, end] = familySpan(words);
    name.family = words.slice(start, end);
    name.given = [...words.slice(0, start), ...words.slice(end)];
    name.order = words;
  }
  name.particles = particlesOf(name.family);
  return name;
}

/** A name from separate given-name and family-name columns (FEBRL style); either may be empty. */
export function splitLatinColumns(given: string, family: string): LatinName {
  const name: LatinName = { given: [], family: [], suffixes: [], honorific: null, order: [], particles: NO_PARTICLES };
  name.given = dropTitles(latinWords(given), name);
  name.family = takeSuffixes(latinWords(family), name.suffixes);
  name.order = [...name.given, ...name.family];
  name.particles = particlesOf(name.family);
  return name;
}
