import { issue, NO_ISSUES, sharedIssues, type Finding, type NormalizerRule } from '../rule.js';
import { cleanCell } from '../text/cell.js';

type Gender = 'M' | 'F' | null;

const MALE = new Set(['男', '男性', '先生', 'm', 'male', 'man', 'mr', '1']);
const FEMALE = new Set(['女', '女性', '女士', '小姐', 'f', 'female', 'woman', 'mrs', 'ms', '2']);
const UNKNOWN = new Set(['未知', '不详', '保密', 'u', 'unknown', 'x', 'n/a', '-', '其他']);

/** Every cell reads as one of these four findings. */
const NONE: Finding<Gender> = { parts: null, issues: NO_ISSUES };
const MALE_FINDING: Finding<Gender> = { parts: 'M', issues: NO_ISSUES };
const FEMALE_FINDING: Finding<Gender> = { parts: 'F', issues: NO_ISSUES };
const INVALID: Finding<Gender> = { parts: null, issues: sharedIssues(issue('gender', 'gender.invalid', 'not a recognised gender')) };

/** The gender cell as a shared finding. */
export function readGender(raw: string | undefined): Finding<Gender> {
  if (!raw) return NONE;
  const v = cleanCell(raw).toLowerCase();
  if (!v || UNKNOWN.has(v)) return NONE;
  return MALE.has(v) ? MALE_FINDING : FEMALE.has(v) ? FEMALE_FINDING : INVALID;
}

export const genderRule: NormalizerRule<string, Gender> = {
  id: 'gender',
  doc: 'Gender to M / F from Chinese and English forms (男/女, male/female, M/F, 1/2); "unknown" and its kin are empty.',
  codes: { 'gender.invalid': 'A value that is not a recognised gender.' },
  normalize(raw) {
    const { parts, issues } = readGender(raw);
    return { raw, value: parts, parts, issues };
  },
};
