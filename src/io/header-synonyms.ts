import { CANONICAL_FIELDS, type CanonicalField } from '../model/fields.js';
import { normalizeHeader } from './header-names.js';

/**
 * Header names seen in Chinese and English customer exports (CRM, e-commerce,
 * service desks, spreadsheets), per canonical field. Matching is on
 * normalizeHeader(), so case, full-width forms, spaces/hyphens/underscores/dots
 * and bracketed units ("电话(手机)") do not matter and need no entries here.
 * Every canonical field name also matches itself.
 */
export const HEADER_SYNONYMS: Record<CanonicalField, readonly string[]> = {
  name: ['姓名', '客户名称', '客户姓名', '客户名', '客户', '联系人', '联系人姓名', '名字', '全名', '真实姓名', '会员姓名', '收货人', '收件人', 'full_name', 'customer', 'customer_name', 'client', 'client_name', 'contact_name', 'contact', 'contact_person', 'buyer', 'recipient', 'consignee'],
  given_name: ['名', 'given_name', 'first_name', 'firstname', 'forename', 'given'],
  surname: ['姓', '姓氏', 'surname', 'last_name', 'lastname', 'family_name'],
  company: ['公司', '公司名称', '公司名', '单位', '单位名称', '工作单位', '企业名称', '所在公司', '客户全称', 'company', 'company_name', 'organization', 'organisation', 'employer', 'business_name', 'account_name'],
  phone: ['手机', '手机号', '手机号码', '联系电话', '电话', '电话号码', '移动电话', '联系方式', '收货人电话', '收货人手机', 'phone', 'mobile', 'tel', 'telephone', 'cell', 'phone_number', 'mobile_phone', 'mobile_number', 'cell_phone', 'telephone_number', 'contact_number'],
  phone2: ['固话', '座机', '固定电话', '办公电话', '家庭电话', '备用电话', '其他电话', 'landline', 'secondary_phone', 'work_phone', 'home_phone'],
  email: ['邮箱', '电子邮箱', '电子邮件', '邮件', 'email', 'e-mail', 'mail', 'email_address'],
  address: ['地址', '住址', '联系地址', '收货地址', '详细地址', '通讯地址', '通信地址', '家庭地址', '家庭住址', 'address', 'shipping_address', 'street', 'street_address', 'address_1', 'address_line_1'],
  address_2: ['address_2', 'address_line_2'],
  street_number: ['门牌号', 'street_number', 'house_number'],
  province: ['省', '省份', '所在省份', 'province'],
  city: ['市', '城市', '所在城市', 'city'],
  district: ['区', '县', '区县', '县区', '所在区县', 'district', 'county'],
  suburb: ['suburb', 'town', 'locality'],
  state: ['state'],
  postcode: ['邮编', '邮政编码', 'postcode', 'post_code', 'zip', 'zip_code', 'postal_code'],
  country: ['国家', '国家/地区', 'country'],
  id_number: ['身份证', '身份证号', '身份证号码', '证件号', '证件号码', 'id_number', 'id_no', 'id_card', 'national_id', 'soc_sec_id', 'ssn'],
  birth_date: ['出生日期', '生日', '出生年月', '出生年月日', 'birth_date', 'birthdate', 'date_of_birth', 'dob', 'birthday'],
  gender: ['性别', 'gender', 'sex'],
  updated_at: ['更新时间', '更新日期', '最后更新', '最近更新', '修改时间', '最后修改时间', '最后联系日期', '最后联系时间', '最近联系时间', 'updated_at', 'updated', 'last_updated', 'last_modified', 'last_contact', 'modified', 'modified_at'],
  created_at: ['创建时间', '创建日期', '录入时间', '登记时间', '注册时间', '注册日期', '建档日期', 'created_at', 'created', 'create_time', 'registration_date'],
  owner: ['负责人', '销售', '业务员', '客户经理', '跟进人', '所属销售', '归属人', 'owner', 'sales_rep', 'account_owner', 'record_owner', 'salesperson', 'account_manager'],
  customer_id: ['客户编号', '客户ID', '客户代码', '客户号', '会员编号', '会员ID', 'customer_id', 'cust_id', 'rec_id', 'record_id', 'id', 'customer_no', 'customer_number', 'client_id', 'member_id'],
};

/**
 * `name` headers that name the customer, who may be an organisation: alone they are the name (客户名称 in a
 * consumer export), beside a contact-person column the company (company-contact.ts).
 */
export const CUSTOMER_NAME_HEADERS: ReadonlySet<string> = new Set(['客户', '客户名', '客户名称', 'customer', 'customer_name', 'client', 'client_name'].map(normalizeHeader));

/** normalizeHeader(synonym) → field, built once. Two fields claiming one key is a table bug, caught by the tests. */
export const SYNONYM_INDEX: ReadonlyMap<string, CanonicalField> = (() => {
  const index = new Map<string, CanonicalField>();
  for (const field of CANONICAL_FIELDS) {
    for (const synonym of [field, ...HEADER_SYNONYMS[field]]) {
      const key = normalizeHeader(synonym);
      if (!index.has(key)) index.set(key, field);
    }
  }
  return index;
})();

export function canonicalFieldOfHeader(header: string): CanonicalField | null {
  return SYNONYM_INDEX.get(normalizeHeader(header)) ?? null;
}
