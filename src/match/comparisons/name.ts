import type { Comparison } from './comparison.js';
import { jaroWinkler } from '../similarity/jaro-winkler.js';

/** Full person name, Chinese or Latin; placeholders never reach it (they are missing). */
export const nameComparison: Comparison = {
  name: 'name',
  doc: 'Person name: exact key, same pinyin/order-free tokens (张伟 ≡ 章伟 ≡ "Wei Zhang"), same phonetic code, Jaro–Winkler ≥ 0.92, one of family/given equal, else different.',
  present: (f) => f.name !== null,
  levels: [
    { label: 'exact', test: (a, b) => a.name === b.name },
    { label: 'pinyin_equal', test: (a, b) => a.pinyin !== null && a.pinyin === b.pinyin },
    { label: 'phonetic_or_jw_0.92', test: (a, b) => (a.phonetic !== null && a.phonetic === b.phonetic) || jaroWinkler(a.name!, b.name!) >= 0.92 },
    {
      label: 'one_part_equal',
      test: (a, b) => (a.family !== null && a.family === b.family && (a.given === null || b.given === null || jaroWinkler(a.given, b.given) >= 0.8)) || (a.given !== null && a.given === b.given),
    },
  ],
  termFrequencyValue: (f) => f.name,
};
