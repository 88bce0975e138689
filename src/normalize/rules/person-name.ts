import { createRequire } from 'node:module';
import { doubleMetaphone } from 'double-metaphone';
import type { NormalizedName } from '../../model/record.js';
import { issue, NO_ISSUES, sharedIssues, type Finding, type NormalizerRule } from '../rule.js';
import { hasHan, stripDiacritics } from '../text/fold.js';
import { cleanCell } from '../text/cell.js';
import { toSimplified } from '../text/simplified.js';
import { BoundedCache } from '../bounded-cache.js';
import { COMPOUND_SURNAMES, HAN_FAMILIAR_PREFIXES, HAN_GENERIC_PERSON_WORDS, HAN_HONORIFIC_SUFFIXES, HAN_SALUTATIONS, HAN_SHORT_HONORIFICS, LATIN_GENERATIONS, LATIN_SUFFIXES, LATIN_TITLES, PLACEHOLDER_NAMES } from '../data/honorifics.js';
import { displayWords } from '../name/latin-case.js';
import { splitLatinColumns, splitLatinName, type LatinName, type LatinWord } from '../name/split-latin.js';
import { NICKNAMES } from '../data/nicknames.js';
import { foldHanU, foldLatinU } from '../name/pinyin-u.js';
import { namesInCell } from '../name/several-names.js';

export interface NameInput {
  name?: string;
  given?: string;
  family?: string;
}

const FIELD = 'name';
const MAX_CHARS = 100;
const EMPTY: NormalizedName = { display: null, given: null, family: null, givenKey: null, honorific: null, generation: null, script: null, key: null, pinyin: null, phonetic: null, placeholder: false };
const NOT_HAN = /[^\u3400-\u9fff\uf900-\ufaff]/g;
const ANY_NOT_HAN = /[^\u3400-\u9fff\uf900-\ufaff]/;
const ONE_CHARACTER_REPEATED = /^(.)\1+$/;
const WHITESPACE = /\s/g;
const WHITESPACE_RUNS = /\s+/g;
const DIGITS_ONLY = /^\d+$/;
const ONE_WORD_CHARACTER_REPEATED = /^(\w)\1{2,}$/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const TRAILING_DIGITS = /\d+$/;

/** `s` without its characters that are not Han; a name of Han characters only (most) is returned at once. */
function onlyHan(s: string): string {
  return ANY_NOT_HAN.test(s) ? s.replace(NOT_HAN, '') : s;
}

type Parsed = Finding<NormalizedName>;
const NONE: Parsed = { parts: EMPTY, issues: NO_ISSUES };
const PLACEHOLDER = sharedIssues(issue(FIELD, 'name.placeholder', 'a placeholder, not a real name'));
const FORMULA_ISSUE = sharedIssues(issue(FIELD, 'name.formula', 'a spreadsheet formula, not a name'));
/**
 * A cell a spreadsheet would run: = (but not ="text", Excel's way of keeping text as written), or + - @ with a call
 * or a DDE link (+cmd|' /C calc'!A0). Read as words it made a name ("=cmd|calc" → Cmd Calc) that won golden records.
 */
const FORMULA = /^\s*(?:=(?!"[^"]*"\s*$)|[+\-@].*[|(])/;

function familyOf(name: string): string {
  // A bare compound surname (欧阳, a placeholder once its title is gone) is all surname.
  return COMPOUND_SURNAMES.has(name.slice(0, 2)) ? name.slice(0, 2) : name.slice(0, 1);
}

/**
 * pinyin-pro's dictionary takes a quarter of a second to load, so it is loaded
 * (its CommonJS build, synchronously) on the first Chinese name: Latin-only
 * data, --help and --version never pay for it.
 */
let pinyinLibrary: typeof import('pinyin-pro') | null = null;
const pinyin: typeof import('pinyin-pro').pinyin = ((text: string, options?: object) =>
  (pinyinLibrary ??= createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro')).pinyin(text, options as never)) as never;

/** Surnames and given names recur far more often than whole names, and pinyin-pro is the cost of a Chinese name. */
const surnamePinyin = new BoundedCache<string>();
const givenPinyin = new BoundedCache<string>();
function pinyinWord(s: string, surname: boolean): string {
  const cache = surname ? surnamePinyin : givenPinyin;
  return cache.lookup(s) ?? cache.store(s, foldHanU(pinyin(s, { toneType: 'none', type: 'array', surname: surname ? 'head' : 'off' }).join('').toLowerCase()));
}

/** The longest title the name ends with, leaving something before it (a loop, not a closure over the name: this runs for every new name). */
function honorificSuffix(name: string): string | undefined {
  for (const h of HAN_HONORIFIC_SUFFIXES) if (name.endsWith(h) && name.length > h.length) return h;
  return undefined;
}

/** The non-empty ones of `a` and `b`, in sorted order, space-separated (no array to sort: this runs for every new name). */
function sortedPair(a: string, b: string): string {
  if (!a || !b) return a || b;
  return a <= b ? `${a} ${b}` : `${b} ${a}`;
}

/**
 * `words` sorted in place (code-unit order, as Array.prototype.sort does) and space-separated. An insertion
 * sort: names have a few words, and the built-in sort allocates kilobytes of work space for each call.
 */
function sortedWords(words: string[]): string {
  for (let i = 1; i < words.length; i++) {
    const word = words[i];
    let j = i - 1;
    for (; j >= 0 && words[j] > word; j--) words[j + 1] = words[j];
    words[j + 1] = word;
  }
  return words.join(' ');
}

function endsWithGenericWord(name: string): boolean {
  for (const word of HAN_GENERIC_PERSON_WORDS) if (name.endsWith(word)) return true;
  return false;
}

/** Every word a placeholder, numbered or not (test1, Test Test, Unknown Customer, demo user 2), or no letter or digit at all (-). */
function placeholderWords(words: string[]): boolean {
  let placeholders = 0;
  let numbers = 0;
  for (const w of words) {
    if (!LETTER_OR_DIGIT.test(w)) continue;
    const word = w.replace(TRAILING_DIGITS, '');
    if (!word) numbers++;
    else if (PLACEHOLDER_NAMES.has(word)) placeholders++;
    else return false;
  }
  // Numbers alone are a placeholder of their own (DIGITS_ONLY).
  return placeholders > 0 || numbers === 0;
}

function parseHan(text: string, givenCol?: string, familyCol?: string): Parsed {
  let name = onlyHan(toSimplified(text)).replace(HAN_SALUTATIONS, '');
  let honorific: string | null = null;
  const suffix = honorificSuffix(name);
  if (suffix) {
    honorific = suffix;
    name = name.slice(0, -suffix.length);
  } else if (name.length === 2 && HAN_SHORT_HONORIFICS.includes(name[1])) {
    honorific = name[1];
    name = name[0];
  }
  // 某 ("a certain") stands for the part of a name left out: 张某, 李某某.
  let placeholder = PLACEHOLDER_NAMES.has(name) || name.includes('测试') || name.includes('某') || ONE_CHARACTER_REPEATED.test(name) || endsWithGenericWord(name);
  if (!placeholder && name.length === 2 && HAN_FAMILIAR_PREFIXES.includes(name[0])) {
    honorific = name[0];
    name = name.slice(1);
  }
  // A bare surname (李先生 → 李) or a single character identifies nobody.
  if (name.length <= 1 || COMPOUND_SURNAMES.has(name)) placeholder = true;
  if (!name) return { parts: { ...EMPTY, honorific, placeholder: true }, issues: PLACEHOLDER };
  const family = familyCol ? onlyHan(toSimplified(familyCol)) || familyOf(name) : familyOf(name);
  const given = givenCol ? onlyHan(toSimplified(givenCol)) || name.slice(family.length) : name.slice(family.length);
  const py = sortedPair(pinyinWord(family, true), pinyinWord(given, false));
  return {
    parts: { display: name, given: given || null, family, givenKey: given || null, honorific, generation: null, script: 'han', key: name, pinyin: py, phonetic: py, placeholder },
    issues: placeholder ? PLACEHOLDER : NO_ISSUES,
  };
}

const lowerOf = (words: readonly LatinWord[]) => words.map((w) => w.lower);

function parseLatin(name: LatinName): Parsed {
  const { given: givenWords, family: familyWords, suffixes, honorific } = name;
  const given = lowerOf(givenWords);
  const family = lowerOf(familyWords);
  const all = [...given, ...family];
  const joined = all.join(' ');
  const placeholder = !all.length || PLACEHOLDER_NAMES.has(joined) || placeholderWords(all) || DIGITS_ONLY.test(joined.replace(WHITESPACE, '')) || ONE_WORD_CHARACTER_REPEATED.test(joined) || (all.length === 1 && LATIN_TITLES.has(all[0]));
  if (!all.length) return { parts: { ...EMPTY, placeholder: true }, issues: PLACEHOLDER };
  const canonicalGiven = given.length ? [NICKNAMES[given[0]] ?? given[0], ...given.slice(1)] : [];
  const canonical = [...canonicalGiven, ...family];
  const phonetic = sortedWords(canonical.map((w) => doubleMetaphone(w)[0]).filter(Boolean));
  // A suffix stays in the display (John Smith Jr) but out of the parts and keys that matching compares.
  const shown = displayWords(name.order, name.particles);
  const display = suffixes.length ? `${shown} ${suffixes.map((w) => LATIN_SUFFIXES.get(w.lower)).join(' ')}` : shown;
  // Out of the keys, but not lost: John Smith Jr is not John Smith Sr.
  const generation = suffixes.findLast((w) => LATIN_GENERATIONS.has(w.lower));
  return {
    parts: {
      display,
      given: given.length ? displayWords(givenWords, name.particles) : null,
      family: family.length ? displayWords(familyWords, name.particles) : null,
      givenKey: canonicalGiven.join(' ') || null,
      honorific,
      generation: generation ? LATIN_GENERATIONS.get(generation.lower)! : null,
      script: 'latin',
      key: canonical.join(''),
      pinyin: sortedWords(canonical.map(foldLatinU)),
      phonetic: phonetic || null,
      placeholder,
    },
    issues: placeholder ? PLACEHOLDER : NO_ISSUES,
  };
}

/** Text in brackets, half- or full-width: a nickname or alias beside the name (William (Bill) Jones, 王小明（小王）). */
const BRACKETED = /[(（[［][^()（）[\]［］]*[)）\]］]/g;

/** `s` without what it has in brackets, unless that is all of it. */
function withoutAlias(s: string): string {
  const rest = s.replace(BRACKETED, ' ');
  return rest === s || !rest.trim() ? s : rest.replace(WHITESPACE_RUNS, ' ').trim();
}

/** A name from one column, or (`split`) from given-name and family-name columns. */
function parseName(raw: string, split: { given?: string; family?: string } | null): Parsed {
  const text = withoutAlias(cleanCell(raw));
  const given = split?.given && withoutAlias(split.given);
  const family = split?.family && withoutAlias(split.family);
  const han = hasHan(text);
  if (split) return han ? parseHan(`${family ?? ''}${given ?? ''}`, given, family) : parseLatin(splitLatinColumns(given ?? '', family ?? ''));
  const names = namesInCell(text, han);
  const first = han ? parseHan(names[0]) : parseLatin(splitLatinName(names[0]));
  return names.length > 1 ? { parts: first.parts, issues: [...first.issues, issue(FIELD, 'name.several', `the cell names ${names.length} people: the first is kept`)] } : first;
}

const cache = new BoundedCache<Parsed>();

/** The text of the name: the name column, or else the given and family names. */
function rawName(name?: string, given?: string, family?: string): string {
  return name?.trim() ? name : [given, family].filter((s) => s?.trim()).join(' ');
}

/** The name columns as a finding, shared by every record with the same name. */
export function readName(name?: string, given?: string, family?: string): Parsed {
  const raw = rawName(name, given, family);
  if (!raw.trim()) return NONE;
  if (raw.length > MAX_CHARS) return { parts: EMPTY, issues: [issue(FIELD, 'name.too_long', `a name of ${raw.length} characters`)] };
  if (FORMULA.test(raw)) return { parts: EMPTY, issues: FORMULA_ISSUE };
  const split = !name?.trim();
  const key = split ? `\u0001${given ?? ''}\u0001${family ?? ''}` : raw;
  return cache.lookup(key) ?? cache.store(key, parseName(raw, split ? { given, family } : null));
}

export const personNameRule: NormalizerRule<NameInput, NormalizedName> = {
  id: 'person-name',
  doc:
    'Person names, Chinese or Latin. A nickname in brackets (William (Bill) Jones, 王小明（小王）) is dropped. Chinese: simplified, spaces removed (张 伟 → 张伟), titles stripped into `honorific` (先生, 经理, 王总), family name split off (compound surnames such as 欧阳 kept whole), toneless pinyin. ' +
    'Latin: diacritics folded, "Smith, John" read family-first, titles (Mr, Dr) stripped, generational suffixes and degrees (Jr, III, PhD) kept in the display but out of the family name and keys, a generational one also as a number in `generation` (Sr 1, Jr and II 2, III 3, IV 4), particles joined to the family name (Jan van der Berg → Van der Berg), in mixed case the words in capitals taken as the family name (CHAN Tai Man → Chan), capitals inside a word kept in the display (McDonald), nicknames mapped to the formal name for the key and `givenKey` (Bob → robert; `given` keeps what was written), Double Metaphone. ' +
    '`pinyin` is the sorted, space-separated list of pinyin syllable groups or Latin words, so 张伟, 章伟, "Zhang Wei" and "WEI ZHANG" all give "wei zhang". Placeholders (李先生, 测试, test, single characters) are flagged and never count as evidence.',
  codes: {
    'name.placeholder': 'Not a real name: a surname with a title only (李先生, 王总, 陈太), a name with 某 for its given name (张某), a word for a customer in general (散客, 微信用户, Guest), a test or dummy entry (测试, test1), a single character, punctuation only (-).',
    'name.too_long': 'Longer than 100 characters: not a name.',
    'name.formula': 'A spreadsheet formula (=cmd|calc, =HYPERLINK(…), +cmd|…): not a name, and not read as one.',
    'name.several': 'The cell names several people (张伟/李娜, 张伟、李娜, 王先生 李小姐): the record keeps the first; a title alone (李先生/女士) is no second person.',
  },
  normalize({ name, given, family }) {
    const { parts, issues } = readName(name, given, family);
    return { raw: rawName(name, given, family), value: parts.display, parts, issues };
  },
};
