import { issue, type NormalizerRule } from '../rule.js';
import { cleanText } from '../text/fold.js';

const MALE = new Set(['男', '男性', '先生', 'm', 'male', 'man', 'mr', '1']);
const FEMALE = new Set(['女', '女性', '女士', '小姐', 'f', 'female', 'woman', 'mrs', 'ms', '2']);
const UNKNOWN = new Set(['未知', '不详', '保密', 'u', 'unknown', 'x', 'n/a', '-', '其他']);

export const genderRule: NormalizerRule<string, 'M' | 'F' | null> = {
  id: 'gender',
  doc: 'Gender to M / F from Chinese and English forms (男/女, male/female, M/F, 1/2); "unknown" and its kin are empty.',
  codes: { 'gender.invalid': 'A value that is not a recognised gender.' },
  normalize(raw) {
    const v = cleanText(raw ?? '').toLowerCase();
    if (!v || UNKNOWN.has(v)) return { raw, value: null, parts: null, issues: [] };
    const g = MALE.has(v) ? 'M' : FEMALE.has(v) ? 'F' : null;
    return { raw, value: g, parts: g, issues: g ? [] : [issue('gender', 'gender.invalid', 'not a recognised gender')] };
  },
};
