import { issue, NO_ISSUES, sharedIssues, type Finding, type NormalizerRule } from '../rule.js';
import { foldKey } from '../text/fold.js';
import { cleanCell } from '../text/cell.js';
import { isNoValue } from '../text/no-value.js';
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
/** Not a company, as written or once its legal form is gone (某某公司, test company): an occupation, "none", a dummy. */
const PLACEHOLDERS = new Set([
  '无', '个人', '暂无', '测试', '不详', '未知', '自由职业', '自由职业者', '个体', '个体户', '个体工商户', '无业', '无单位', '学生', '退休', '家庭主妇', '散客', '个人客户', '某某', 'xx', 'xxx',
  'na', 'n/a', 'none', 'null', 'test', 'personal', 'self', 'selfemployed', 'individual', '-', '0',
]);
/** A bracketed word that says nothing about which company it is: 阿里巴巴（中国）有限公司, 中国平安保险（集团）股份有限公司. */
const BRACKETED_WORDS = new Set(['中国', '集团', '控股']);
/** A limited company's name, then a branch of it: 华为技术有限公司深圳分公司 is 华为技术有限公司's. */
const BRANCH_OF_COMPANY = /^(.+?(?:有限责任公司|有限公司))..*(?:分公司|分行|支行|分店|办事处|营业部|分厂)$/;

/** Province and city names, full and short (two characters or more): a leading or bracketed place is not part of the name. */
let placeNames: { names: Set<string>; prefixes: PrefixIndex<true> } | null = null;
function places(): { names: Set<string>; prefixes: PrefixIndex<true> } {
  if (!placeNames) {
    const idx = divisions();
    const names = new Set(idx.provinces.keys());
    // A city's names, not an area standing for one (九龙, 新界): 九龙仓 is a company's own name.
    for (const [name, cities] of idx.cities) if (cities.some((c) => c.name.startsWith(name))) names.add(name);
    placeNames = { names, prefixes: new PrefixIndex(new Map([...names].map((name) => [name, true as const]))) };
  }
  return placeNames;
}

function hanKey(s: string): string {
  const { names, prefixes } = places();
  const branch = BRANCH_OF_COMPANY.exec(s);
  let k = (branch ? branch[1] : s).replace(BRACKETED, (m) => (names.has(m.slice(1, -1)) || BRACKETED_WORDS.has(m.slice(1, -1)) ? '' : m));
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
  const simplified = toSimplified(t);
  const key = HAN.test(simplified)
    ? hanKey(simplified)
    : foldKey(simplified.toLowerCase().replace(AMPERSANDS, ' and ').replace(LATIN_LEGAL_FORMS, ' '));
  if (isNoValue(t) || PLACEHOLDERS.has(foldKey(t)) || PLACEHOLDERS.has(t.toLowerCase()) || PLACEHOLDERS.has(key)) return { parts: { display: t, key: null }, issues: PLACEHOLDER };
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
  doc: 'Company names: display form cleaned; comparison key without legal forms (有限公司, 股份有限公司, Co., Ltd., Inc., GmbH …) and without a leading or bracketed province/city, so 北京XX科技有限公司 ≡ XX科技(北京)有限公司; a bracketed 中国 or 集团 left out of the key, and a branch of a limited company (XX有限公司深圳分公司) keyed as the company; traditional → simplified, full-width and case folded.',
  codes: { 'company.placeholder': 'Not a company: 无, 个人, 个体户, 学生, 退休, 某某公司, test, n/a, punctuation only.' },
  normalize(raw) {
    const { parts, issues } = readCompanyName(raw);
    return { raw, value: parts.display, parts, issues };
  },
};
