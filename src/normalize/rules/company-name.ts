import { issue, NO_ISSUES, sharedIssues, type Finding, type NormalizerRule } from '../rule.js';
import { foldKey } from '../text/fold.js';
import { cleanCell } from '../text/cell.js';
import { toSimplified } from '../text/simplified.js';
import { divisions } from '../address/divisions.js';
import { PrefixIndex } from '../address/prefix-index.js';
import { BoundedCache } from '../bounded-cache.js';

type Company = { display: string | null; key: string | null };

/** Legal forms and branch words, longest first: they say nothing about which company it is. */
const HAN_LEGAL_FORMS = ['股份有限公司', '有限责任公司', '有限公司', '集团公司', '分公司', '总公司', '集团', '公司', '工作室', '商行', '门市部', '经营部'];
const LATIN_LEGAL_FORMS = /\b(?:co|company|corp|corporation|inc|incorporated|ltd|limited|llc|llp|plc|gmbh|ag|sa|s\.a|sarl|bv|nv|pty|pte|kk|group|holdings?)\b\.?/g;
/** A bracketed part, full-width or not: 创源(驻马店)物流. */
const BRACKETED = /[（(][^（()）]*[)）]/g;
const HAN = /[\u3400-\u9fff]/;
const AMPERSANDS = /&/g;
const PLACEHOLDERS = new Set(['无', '个人', '暂无', '测试', '不详', '未知', '自由职业', 'na', 'n/a', 'none', 'null', 'test', 'personal', 'self', 'selfemployed', 'individual', '-', '0']);

/** Province and city names, full and short (two characters or more): a leading or bracketed place is not part of the name. */
let placeNames: { names: Set<string>; prefixes: PrefixIndex<true> } | null = null;
function places(): { names: Set<string>; prefixes: PrefixIndex<true> } {
  if (!placeNames) {
    const idx = divisions();
    const names = new Set([...idx.provinces.keys(), ...idx.cities.keys()]);
    placeNames = { names, prefixes: new PrefixIndex(new Map([...names].map((name) => [name, true as const]))) };
  }
  return placeNames;
}

function hanKey(s: string): string {
  const { names, prefixes } = places();
  let k = s.replace(BRACKETED, (m) => (names.has(m.slice(1, -1)) ? '' : m));
  // The longest place the name starts with that leaves at least two characters.
  const place = prefixes.longest(k, 0, k.length - 2);
  if (place) k = k.slice(place[0].length);
  let changed = true;
  while (changed) {
    changed = false;
    for (const form of HAN_LEGAL_FORMS) {
      if (k.endsWith(form) && k.length > form.length) {
        k = k.slice(0, -form.length);
        changed = true;
      }
    }
  }
  return foldKey(k);
}

const PLACEHOLDER = sharedIssues(issue('company', 'company.placeholder', 'a placeholder, not a company name'));

function readCompany(t: string): Finding<Company> {
  if (PLACEHOLDERS.has(foldKey(t)) || PLACEHOLDERS.has(t.toLowerCase())) return { parts: { display: t, key: null }, issues: PLACEHOLDER };
  const simplified = toSimplified(t);
  const key = HAN.test(simplified)
    ? hanKey(simplified)
    : foldKey(simplified.toLowerCase().replace(AMPERSANDS, ' and ').replace(LATIN_LEGAL_FORMS, ' '));
  return { parts: { display: t, key: key || foldKey(simplified) }, issues: NO_ISSUES };
}

/** Shared by every record without a company (most of them): one object instead of one per record. */
const EMPTY: Finding<Company> = { parts: { display: null, key: null }, issues: NO_ISSUES };
const cache = new BoundedCache<Finding<Company>>();

/** The company cell as a finding, shared by every record with the same name. */
export function readCompanyName(raw: string | undefined): Finding<Company> {
  const text = raw ? cleanCell(raw) : '';
  if (!text) return EMPTY;
  return cache.lookup(text) ?? cache.store(text, readCompany(text));
}

export const companyNameRule: NormalizerRule<string, Company> = {
  id: 'company-name',
  doc: 'Company names: display form cleaned; comparison key without legal forms (有限公司, 股份有限公司, Co., Ltd., Inc., GmbH …) and without a leading or bracketed province/city, so 北京XX科技有限公司 ≡ XX科技(北京)有限公司; traditional → simplified, full-width and case folded.',
  codes: { 'company.placeholder': 'Not a company: 无, 个人, test, n/a.' },
  normalize(raw) {
    const { parts, issues } = readCompanyName(raw);
    return { raw, value: parts.display, parts, issues };
  },
};
