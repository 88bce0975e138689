import type { SurvivorshipRule } from '../candidate.js';
import { hasHan } from '../../normalize/text/fold.js';

export const hanOverLatin: SurvivorshipRule = {
  id: 'han_over_latin',
  doc: 'A value in Chinese characters beats one without: 张丽 over Li Zhang, however many rows spell it so. The pinyin is a transliteration of the characters and cannot be turned back into them.',
  rank: (c) => (hasHan(c.value) ? 1 : 0),
};
