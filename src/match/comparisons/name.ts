import type { Comparison, ComparisonLevel } from './comparison.js';
import type { MatchFeatures } from '../features.js';
import { jaroWinklerAtLeast } from '../similarity/jaro-winkler.js';

/** Each part's Jaro–Winkler at least this, for two whole names to count as alike. */
const PART_ALIKE = 0.8;

/**
 * When both records split the name, family and given name must each be alike
 * (in either order): the whole-name similarity alone is carried by a long
 * shared given name ("alexanderdent" / "alexanderdixon") and a coarse phonetic
 * code by a shared surname ("emmaclarke" / "amyclarke").
 */
function partsAlike(a: MatchFeatures, b: MatchFeatures): boolean {
  if (a.family === null || a.given === null || b.family === null || b.given === null) return true;
  const alike = (x: string, y: string) => jaroWinklerAtLeast(x, y, PART_ALIKE);
  return (alike(a.family, b.family) && alike(a.given, b.given)) || (alike(a.family, b.given) && alike(a.given, b.family));
}

/** Whether `x` is a Latin initial that `y` starts with: "E. Mitchell" is as likely Edward Mitchell as any Mitchell. */
function initialOf(x: string, y: string): boolean {
  return x.length === 1 && x >= 'a' && x <= 'z' && y.startsWith(x);
}

/** Both names carry a generation and they differ: John Smith Jr and John Smith Sr are son and father. One without is no conflict. */
function generationsDiffer(a: MatchFeatures, b: MatchFeatures): boolean {
  return a.generation !== null && b.generation !== null && a.generation !== b.generation;
}

/** The name's levels, best first, before the generation check. */
const NAME_LEVELS: ComparisonLevel[] = [
  { label: 'exact', test: (a, b) => a.name !== null && a.name === b.name, termFrequency: ['name'] },
  { label: 'pinyin_equal', test: (a, b) => a.pinyin !== null && a.pinyin === b.pinyin, termFrequency: ['pinyin'] },
  {
    label: 'phonetic_or_jw_0.92',
    test: (a, b) => a.name !== null && b.name !== null && ((a.phonetic !== null && a.phonetic === b.phonetic) || jaroWinklerAtLeast(a.name, b.name, 0.92)) && partsAlike(a, b),
  },
  {
    label: 'family_equal',
    test: (a, b) => a.family !== null && a.family === b.family && (a.given === null || b.given === null || jaroWinklerAtLeast(a.given, b.given, 0.8) || initialOf(a.given, b.given) || initialOf(b.given, a.given)),
    termFrequency: ['family'],
  },
  { label: 'given_equal', test: (a, b) => a.given !== null && a.given === b.given, termFrequency: ['given'] },
];

/**
 * Full person name, Chinese or Latin, or only a surname (王先生 → 王: the
 * placeholder is not a name, its surname is); other placeholders never reach
 * it (they are missing). A shared surname and a shared given name are separate
 * levels: a household shares the one, strangers the other, and each weighs by
 * how rare the shared part is.
 */
export const nameComparison: Comparison = {
  name: 'name',
  doc: 'Person name: exact key, same pinyin/order-free tokens (张伟 ≡ 章伟 ≡ "Wei Zhang"), same phonetic code or Jaro–Winkler ≥ 0.92, same family name (given names alike, one the initial of the other, or one missing, as in 王先生), same given name, else different; different whatever the rest when both carry a generation and they differ (Jr and Sr, II and III). Rarer names weigh more.',
  present: (f) => f.name !== null || f.family !== null,
  // Names of different generations are different, however alike the rest of them.
  levels: NAME_LEVELS.map((level) => ({ ...level, test: (a, b) => !generationsDiffer(a, b) && level.test(a, b) })),
};
