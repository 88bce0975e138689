import { describe, expect, it } from 'vitest';
import { detectColumnMapping } from '../../src/io/column-mapping.js';
import { cleanHeaderRow, normalizeHeader } from '../../src/io/header-names.js';
import { HEADER_SYNONYMS, canonicalFieldOfHeader } from '../../src/io/header-synonyms.js';
import { CANONICAL_FIELDS, type CanonicalField } from '../../src/model/fields.js';
import { CrmError, EXIT } from '../../src/model/errors.js';

describe('normalizeHeader', () => {
  it.each([
    ['Customer Name', 'customername'],
    ['customer_name', 'customername'],
    ['CUSTOMER-NAME', 'customername'],
    ['e-mail', 'email'],
    ['Zip.Code', 'zipcode'],
    ['\uFEFF姓名', '姓名'],
    ['  客户名称  ', '客户名称'],
    ['电话(手机)', '电话'],
    ['电话（手机）', '电话'],
    ['金额[元]', '金额'],
    ['【备注】', '备注'],
    ['*姓名', '姓名'],
    ['手机号码：', '手机号码'],
    ['ＰＨＯＮＥ', 'phone'],
    ['(手机)', '手机'],
  ])('%j → %j', (header, key) => {
    expect(normalizeHeader(header)).toBe(key);
  });
});

describe('header synonyms', () => {
  // The brief's table, verbatim: every header on the left must map to the field on the right.
  const table: [CanonicalField, string[]][] = [
    ['name', ['姓名', '客户名称', '客户姓名', '联系人', 'name', 'full_name', 'customer_name', 'Customer Name', 'FULL-NAME']],
    ['given_name', ['名', 'given_name', 'first_name', 'firstname', 'First Name']],
    ['surname', ['姓', 'surname', 'last_name', 'family_name', 'Last Name']],
    ['phone', ['手机', '手机号', '手机号码', '联系电话', '电话', 'phone', 'mobile', 'tel', 'telephone', 'cell', 'Phone Number', '电话(手机)']],
    ['phone2', ['固话', '座机', 'landline']],
    ['address', ['地址', '住址', '联系地址', '收货地址', 'address', 'shipping_address', 'street', 'address_1', 'address_line_1']],
    ['address_2', ['address_2', 'address_line_2', 'Address Line 2']],
    ['street_number', ['门牌号', 'street_number', 'house_number']],
    ['province', ['省', '省份', 'province']],
    ['city', ['市', '城市', 'city']],
    ['district', ['区', '区县', 'district', 'county', '区/县']],
    ['suburb', ['suburb', 'town', 'locality']],
    ['state', ['state', 'State']],
    ['postcode', ['邮编', '邮政编码', 'postcode', 'zip', 'zip_code', 'postal_code', 'ZIP Code']],
    ['email', ['邮箱', '电子邮箱', 'email', 'e-mail', 'mail', 'E-Mail']],
    ['id_number', ['身份证', '身份证号', '身份证号码', '证件号码', 'id_number', 'id_card', 'national_id', 'soc_sec_id', 'ssn']],
    ['birth_date', ['出生日期', '生日', 'birth_date', 'date_of_birth', 'dob', 'birthday', 'DOB']],
    ['gender', ['性别', 'gender', 'sex']],
    ['company', ['公司', '公司名称', '单位', '工作单位', 'company', 'company_name', 'organization', 'employer']],
    ['updated_at', ['更新时间', '最后更新', '最后联系日期', '最近联系时间', 'updated_at', 'last_modified', 'last_contact', 'modified']],
    ['created_at', ['创建时间', 'created_at']],
    ['owner', ['负责人', '销售', '业务员', '客户经理', 'owner', 'sales_rep', 'account_owner']],
    ['customer_id', ['客户编号', '客户ID', '客户id', 'customer_id', 'cust_id', 'rec_id', 'id', 'ID']],
  ];
  for (const [field, headers] of table) {
    it.each(headers)(`%j → ${field}`, (header) => {
      expect(canonicalFieldOfHeader(header)).toBe(field);
    });
  }

  it('every synonym in the table maps to its own field (no key claimed by two fields)', () => {
    for (const field of CANONICAL_FIELDS) {
      for (const synonym of [field, ...HEADER_SYNONYMS[field]]) expect([synonym, canonicalFieldOfHeader(synonym)]).toEqual([synonym, field]);
    }
  });

  it.each(['备注', 'notes', 'VIP等级', 'amount', 'status', '名称'])('%j is unknown', (header) => {
    expect(canonicalFieldOfHeader(header)).toBeNull();
  });
});

describe('cleanHeaderRow', () => {
  it('names blank headers column_N and suffixes duplicates, with warnings', () => {
    const { headers, warnings } = cleanHeaderRow(['姓名', '', '备注', '备注', '备注_2', '  ', '__proto__']);
    expect(headers).toEqual(['姓名', 'column_2', '备注', '备注_3', '备注_2', 'column_6', '__proto___2']);
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(/column 2 has no header; it is called column_2/);
    expect(warnings[1]).toMatch(/columns 3 and 4 are both called "备注"; column 4 is called "备注_3"/);
  });

  it('leaves clean headers alone, without warnings', () => {
    expect(cleanHeaderRow(['name', 'phone'])).toEqual({ headers: ['name', 'phone'], warnings: [] });
  });
});

describe('detectColumnMapping', () => {
  it('maps known headers, keeps unknown ones as extra', () => {
    const m = detectColumnMapping(['客户编号', '客户名称', '手机', '备注']);
    expect(m.mapping).toEqual({ 客户编号: 'customer_id', 客户名称: 'name', 手机: 'phone', 备注: null });
    expect(m.unknown).toEqual(['备注']);
    expect(m.warnings).toEqual([]);
  });

  it('a second phone column becomes phone2', () => {
    expect(detectColumnMapping(['手机', '电话']).mapping).toEqual({ 手机: 'phone', 电话: 'phone2' });
  });

  it('a landline column keeps phone2 even after two phone columns; the extra phone stays extra with a warning', () => {
    const m = detectColumnMapping(['手机', '电话', '座机']);
    expect(m.mapping).toEqual({ 手机: 'phone', 电话: null, 座机: 'phone2' });
    expect(m.unknown).toEqual([]);
    expect(m.warnings[0]).toMatch(/"电话" also looks like phone, which "手机" already provides/);
  });

  it('a second address column stays extra: the first wins', () => {
    const m = detectColumnMapping(['地址', '收货地址']);
    expect(m.mapping).toEqual({ 地址: 'address', 收货地址: null });
    expect(m.warnings).toHaveLength(1);
  });

  it('explicit columns override detection, "ignore" drops a column, and detection fills in the rest', () => {
    const m = detectColumnMapping(['单位', '联系人', '客户名称', '内部备注'], { 客户名称: 'company', 内部备注: 'ignore' });
    expect(m.mapping).toEqual({ 单位: null, 联系人: 'name', 客户名称: 'company', 内部备注: 'ignore' });
    expect(m.warnings[0]).toMatch(/"单位" also looks like company/);
  });

  it('explicit keys may differ in case and spacing', () => {
    expect(detectColumnMapping(['Cust Code'], { cust_code: 'customer_id' }).mapping).toEqual({ 'Cust Code': 'customer_id' });
  });

  it.each([
    ['a header not in the file', ['name'], { nmae: 'name' }, /"nmae" is not a header of this file[\s\S]*Headers seen: "name"/],
    ['two headers to one field', ['a', 'b'], { a: 'phone', b: 'phone' }, /maps both "a" and "b" to phone[\s\S]*phone2/],
  ] as const)('explicit columns: %s → exit 2', (_name, headers, explicit, message) => {
    let error: unknown;
    try {
      detectColumnMapping(headers, explicit);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).exitCode).toBe(EXIT.USAGE);
    expect((error as CrmError).format()).toMatch(message);
  });

  it('maps the FEBRL headers (after trimming) completely', () => {
    const headers = ['rec_id', 'given_name', 'surname', 'street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state', 'date_of_birth', 'soc_sec_id'];
    const m = detectColumnMapping(headers);
    expect(m.unknown).toEqual([]);
    expect(Object.values(m.mapping)).toEqual(['customer_id', 'given_name', 'surname', 'street_number', 'address', 'address_2', 'suburb', 'postcode', 'state', 'birth_date', 'id_number']);
  });
});
