import type { CanonicalField } from '../model/fields.js';
import { hasHan } from '../normalize/text/fold.js';
import { headerText, normalizeHeader } from './header-names.js';
import { SYNONYM_INDEX } from './header-synonyms.js';

/**
 * Headers the synonym table does not list ("Mobile No.", "Phone 1", "Last Modified Date",
 * "客户负责人", "邮箱地址"), read a second way: a trailing number is set aside, then the
 * header must name one field with a keyword, and every other word of it must be a
 * qualifier that does not change what the column holds ("Primary", "No.", "Date", 客户,
 * 最后, 时间). A word outside that vocabulary ("Phone Type", "Email Opt-in", 是否订阅邮件,
 * 推荐人姓名, 更新人) leaves the header unrecognised: an unmapped column is reported to
 * the user, a wrongly mapped one silently corrupts a field.
 */

export interface WordRule {
  field: CanonicalField;
  /** One of these must be in the header. */
  words: readonly string[];
  /** …and, when given, one of these too ("contact" + "no" is a phone, "contact" alone is not). */
  with?: readonly string[];
  /** Words allowed beside the keyword for this field only ("Email Address", "Country/Region"). */
  also?: readonly string[];
}

// Whose address a column is about, in order exports: "Shipping Name", "Bill-to Phone", "ship-city", "Mailing Zip".
// Not for company: "Shipping Company" is the carrier in some exports.
const ADDRESSEE = ['ship', 'shipping', 'bill', 'billing', 'to', 'delivery', 'mailing'];
// The parts of an address may say so ("Default Address City", Shopify).
const ADDRESS_PART = ['address', ...ADDRESSEE];

// In priority order: the first rule a header satisfies wins (owner before name: "Owner Name"; phone2 before phone).
export const LATIN_RULES: readonly WordRule[] = [
  { field: 'owner', words: ['owner', 'rep', 'representative', 'salesperson', 'salesman', 'saleswoman', 'salesrep', 'assignee'], also: ['sales', 'name'] },
  { field: 'owner', words: ['sales'], with: ['person', 'agent', 'manager', 'executive', 'consultant'] },
  { field: 'email', words: ['email'], also: ['address', ...ADDRESSEE] },
  { field: 'phone2', words: ['phone', 'telephone', 'tel', 'mobile', 'cell'], with: ['work', 'office', 'business', 'company', 'home', 'landline', 'alternate', 'alternative', 'secondary', 'other', 'second', 'fixed'] },
  { field: 'phone', words: ['phone', 'telephone', 'tel', 'mobile', 'cell', 'cellphone', 'mobilephone', 'handphone'], also: ADDRESS_PART },
  { field: 'phone', words: ['contact'], with: ['no', 'number', 'num', 'nr'] },
  { field: 'customer_id', words: ['id', 'no', 'number', 'code', 'key'], with: ['customer', 'client', 'member', 'account', 'record', 'contact', 'cust'] },
  { field: 'given_name', words: ['first', 'given', 'fore'], with: ['name'], also: ADDRESSEE },
  { field: 'surname', words: ['last', 'family', 'sur'], with: ['name'], also: ADDRESSEE },
  { field: 'birth_date', words: ['birth', 'birthday', 'dob', 'born'], also: ['of'] },
  { field: 'created_at', words: ['created', 'create', 'creation', 'registration', 'signup', 'added'] },
  { field: 'updated_at', words: ['updated', 'update', 'modified', 'modify', 'modification', 'changed', 'edited', 'contacted'] },
  { field: 'address', words: ['address', 'addr', 'street'], also: ['line', 'postal', 'residential', 'physical', ...ADDRESSEE] },
  { field: 'postcode', words: ['zip', 'postcode', 'postal', 'zipcode', 'postalcode'], also: ['code', ...ADDRESS_PART] },
  // The Latin address reader takes a province column as the state, so "State/Province" need not choose.
  { field: 'province', words: ['province', 'prov'], also: ['state', 'name', ...ADDRESS_PART] },
  { field: 'state', words: ['state'], also: ['code', 'name', 'region', ...ADDRESS_PART] },
  { field: 'country', words: ['country'], also: ['region', 'name', ...ADDRESS_PART] },
  { field: 'city', words: ['city'], also: ['name', ...ADDRESS_PART] },
  { field: 'district', words: ['district', 'county'], also: ['name', ...ADDRESS_PART] },
  { field: 'suburb', words: ['suburb', 'locality', 'town'], also: ['name', ...ADDRESS_PART] },
  { field: 'company', words: ['company', 'organization', 'organisation', 'employer', 'firm', 'corporation'], also: ['name', 'associated'] },
  { field: 'gender', words: ['gender', 'sex'] },
  { field: 'name', words: ['name'], also: ['full', ...ADDRESSEE] },
];

/** Words that qualify a column without changing what it holds ("name" is not one: "name;phone" is two columns). */
const LATIN_QUALIFIERS = new Set([
  'no', 'number', 'num', 'nr', 'date', 'time', 'datetime', 'timestamp', 'on', 'at', 'the',
  'last', 'latest', 'recent', 'most', 'primary', 'main', 'preferred', 'default', 'personal', 'private', 'direct',
  'contact', 'customer', 'client', 'member', 'account', 'record', 'lead', 'current', 'home', 'work', 'office', 'business',
  'buyer', 'recipient', 'consignee', 'purchaser',
]);

// Chinese: no spaces between words, so keywords and qualifiers are found as substrings.
const HAN_SECOND_PHONE = ['公司', '办公', '单位', '家庭', '住宅', '备用', '其他', '其它', '工作', '固定'];
export const HAN_RULES: readonly WordRule[] = [
  { field: 'owner', words: ['负责人', '负责销售', '跟进人员', '跟进人', '销售代表', '销售人员', '销售员', '销售顾问', '业务员', '业务代表', '客户经理', '归属人', '所属销售', '经办人'] },
  { field: 'email', words: ['邮箱', '邮件', '电邮'], also: ['地址'] },
  { field: 'phone2', words: ['座机', '固话', '宅电'], also: HAN_SECOND_PHONE },
  { field: 'phone2', words: ['电话', '手机'], with: HAN_SECOND_PHONE },
  { field: 'phone', words: ['手机', '电话'] },
  { field: 'customer_id', words: ['编号', '编码', '代码', 'id'], with: ['客户', '会员', '用户', '顾客'] },
  { field: 'birth_date', words: ['出生日期', '出生年月', '生日'] },
  { field: 'created_at', words: ['创建', '录入', '注册', '登记', '建档', '开户', '新增', '添加'] },
  { field: 'updated_at', words: ['更新', '修改', '变更', '编辑'] },
  { field: 'postcode', words: ['邮编', '邮政编码'] },
  { field: 'address', words: ['地址', '住址', '地区'] },
  { field: 'id_number', words: ['身份证', '证件号'] },
  { field: 'province', words: ['省份', '省'] },
  { field: 'city', words: ['城市'] },
  { field: 'district', words: ['区县', '县区'] },
  { field: 'company', words: ['公司', '单位', '企业', '机构'], also: ['名称', '名', '全称'] },
  { field: 'name', words: ['姓名', '名字', '全名'] },
  { field: 'gender', words: ['性别'] },
];

// 注册 qualifies a phone or email (注册手机号) and is itself the keyword of a creation date (注册时间).
const HAN_QUALIFIERS = [
  '客户', '顾客', '会员', '用户', '买家', '收货人', '收件人', '收货', '收件', '送货', '配送', '联系人', '联系', '个人', '主要', '常用', '默认', '首选',
  '最后', '最近', '最新', '上次', '时间', '日期', '号码', '号', '电子', '所在', '所属', '居住', '现', '详细', '注册', '绑定',
];

/** A second numbered column names the field's second column where there is one ("Phone 2", 手机号码2). */
const SECOND: Partial<Record<CanonicalField, CanonicalField>> = { phone: 'phone2', address: 'address_2' };
const NUMBERED = /^(.*[^\d\s\-_.#])[\s\-_.#]*(\d{1,2})$/;

/**
 * The field a header names when the synonym table has no entry for it, or null.
 * Call it after the exact lookup (canonicalFieldOfHeader), which stays authoritative.
 */
export function guessFieldOfHeader(header: string): CanonicalField | null {
  const text = headerText(header);
  const numbered = NUMBERED.exec(text);
  const base = numbered ? numbered[1] : text;
  const field = SYNONYM_INDEX.get(normalizeHeader(base)) ?? (hasHan(base) ? hanField(normalizeHeader(base)) : latinField(base));
  if (!field) return null;
  return numbered && Number(numbered[2]) >= 2 ? (SECOND[field] ?? field) : field;
}

function latinField(text: string): CanonicalField | null {
  const words = latinWords(text);
  const rule = LATIN_RULES.find(
    (r) =>
      words.some((w) => r.words.includes(w)) &&
      (!r.with || words.some((w) => r.with!.includes(w))) &&
      words.every((w) => LATIN_QUALIFIERS.has(w) || r.words.includes(w) || r.with?.includes(w) || r.also?.includes(w)),
  );
  return rule?.field ?? null;
}

/** A Latin header's words, lower case: "LastModifiedDate" → last modified date, "Tel #" → tel no. */
export function latinWords(text: string): string[] {
  return text
    // LastModifiedDate, ZIPCode: case changes separate words.
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\be[\s\-_.]*mail/g, 'email')
    .replace(/#/g, ' no ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function hanField(key: string): CanonicalField | null {
  for (const r of HAN_RULES) {
    if (r.with && !r.with.some((w) => key.includes(w))) continue;
    // The longest keyword present is the one the header is built on (跟进人员, not 跟进人).
    const word = r.words.filter((w) => key.includes(w)).sort((a, b) => b.length - a.length)[0];
    if (word === undefined) continue;
    const allowed = [...HAN_QUALIFIERS, ...r.words, ...(r.with ?? []), ...(r.also ?? [])].sort((a, b) => b.length - a.length);
    const at = key.indexOf(word);
    if (spelledWith(key.slice(0, at), allowed) && spelledWith(key.slice(at + word.length), allowed)) return r.field;
  }
  return null;
}

/** Whether `text` is a run of the `allowed` words (longest first at each step). */
function spelledWith(text: string, allowed: readonly string[]): boolean {
  let at = 0;
  while (at < text.length) {
    const next = allowed.find((w) => text.startsWith(w, at));
    if (next === undefined) return false;
    at += next.length;
  }
  return true;
}
