import { describe, expect, it } from 'vitest';
import { detectColumnMapping } from '../../src/io/column-mapping.js';
import { cleanHeaderRow, normalizeHeader } from '../../src/io/header-names.js';
import { HEADER_SYNONYMS, canonicalFieldOfHeader } from '../../src/io/header-synonyms.js';
import { guessFieldOfHeader } from '../../src/io/header-guess.js';
import { isNonCustomerColumn } from '../../src/io/non-customer-columns.js';
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
    ['name', ['姓名', '客户名称', '客户姓名', '联系人', 'name', 'full_name', 'customer_name', 'Customer Name', 'FULL-NAME', 'Customer', 'Client', 'Buyer', 'Recipient', 'Consignee', 'Contact Person']],
    ['given_name', ['名', 'given_name', 'first_name', 'firstname', 'First Name']],
    ['surname', ['姓', 'surname', 'last_name', 'family_name', 'Last Name']],
    ['phone', ['手机', '手机号', '手机号码', '联系电话', '电话', 'phone', 'mobile', 'tel', 'telephone', 'cell', 'Phone Number', '电话(手机)']],
    ['phone2', ['固话', '座机', 'landline']],
    ['address', ['地址', '住址', '联系地址', '收货地址', 'address', 'shipping_address', 'street', 'address_1', 'address_line_1']],
    ['address_2', ['address_2', 'address_line_2', 'Address Line 2']],
    ['street_number', ['门牌号', 'street_number', 'house_number']],
    ['province', ['省', '省份', 'province']],
    ['city', ['市', '城市', 'city']],
    ['district', ['区', '县', '区县', 'district', 'county', '区/县']],
    ['suburb', ['suburb', 'town', 'locality']],
    ['state', ['state', 'State']],
    ['postcode', ['邮编', '邮政编码', 'postcode', 'zip', 'zip_code', 'postal_code', 'ZIP Code']],
    ['email', ['邮箱', '电子邮箱', 'email', 'e-mail', 'mail', 'E-Mail']],
    ['id_number', ['身份证', '身份证号', '身份证号码', '证件号码', 'id_number', 'id_card', 'national_id', 'soc_sec_id', 'ssn']],
    ['birth_date', ['出生日期', '生日', 'birth_date', 'date_of_birth', 'dob', 'birthday', 'DOB']],
    ['gender', ['性别', 'gender', 'sex']],
    ['company', ['公司', '公司名称', '单位', '工作单位', 'company', 'company_name', 'organization', 'employer', '客户全称']],
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

describe('headers recognised by their words', () => {
  // Headers of exports the synonym table does not list: a trailing number is set aside (2 → the second field
  // where there is one), then a keyword names the field and every other word must be a harmless qualifier.
  const table: [CanonicalField, string[]][] = [
    // Order exports: Amazon (buyer-name, ship-city), Shopify (Billing Name, Default Address City), WooCommerce, Salesforce (Mailing City), Taobao.
    ['name', ['收货人姓名', '买家姓名', 'Customer Full Name', 'Buyer Name', 'buyer-name', 'recipient-name', 'Billing Name', 'Bill-to Name', 'Ship To Name']],
    ['given_name', ['Contact First Name', 'Billing First Name']],
    ['surname', ['Shipping Last Name']],
    ['company', ['Organization Name', '所属公司', '公司全称', '单位全称', 'Associated Company']],
    ['phone', ['联系手机', '客户电话', '手机号码1', '电话1', '注册手机号', '收件人电话', 'Mobile No.', 'Phone 1', 'Tel No.', 'Contact No.', 'Mobile Phone Number', 'Primary Phone', 'Main Tel #', 'CustomerMobile', 'Billing Phone', 'buyer-phone-number', 'ship-phone-number', 'Default Address Phone']],
    ['phone2', ['公司电话', '家庭座机', '手机号码2', '电话2', 'Tel 2', 'Business Phone', 'Other Phone']],
    ['email', ['邮箱地址', '电子邮件地址', '客户邮箱', 'Customer eMail', 'Work Email', 'Email Address 1', 'Buyer Email', 'buyer-email', 'Billing Email']],
    ['address', ['所在地区', '客户地址', '送货地址', 'Street 1', 'Mailing Address', 'Billing Address', 'Ship-to address', 'ship-address-1', 'Billing Street', 'Mailing Street']],
    ['address_2', ['Street 2', 'ship-address-2', 'Shipping Address2']],
    ['postcode', ['Zip/Postal Code', 'ContactZIPCode', 'ship-postal-code', 'Billing Zip', 'Mailing Zip/Postal Code', 'Default Address Zip']],
    ['province', ['Province/State', 'State/Province', '所在省', '收货省份', 'Billing Province', 'Mailing State/Province']],
    ['state', ['ship-state', 'State/Region']],
    ['city', ['收货城市', 'ship-city', 'Mailing City', 'Default Address City']],
    ['country', ['Country/Region', 'ship-country', 'Shipping Country']],
    ['birth_date', ['会员生日', 'Birth Date 1']],
    ['updated_at', ['最后更新时间', '最后修改', '最近修改时间', 'Updated Date', 'Date Modified', 'Last Update', 'Modified On', 'Last Modified Date', 'LastModifiedDate', 'Last Contacted']],
    ['created_at', ['录入日期', '添加时间', 'Created Date', 'Date Created', 'Creation Time', 'Create Date']],
    ['owner', ['销售代表', '客户负责人', '跟进人员', 'Owner Name', 'Sales Rep Name', 'Contact Owner', 'Sales Agent']],
    ['customer_id', ['用户编号', 'Contact ID', 'Account Number']],
  ];
  for (const [field, headers] of table) {
    it.each(headers)(`%j → ${field}`, (header) => {
      expect(canonicalFieldOfHeader(header)).toBeNull();
      expect(guessFieldOfHeader(header)).toBe(field);
    });
  }

  // A word that says the column is about the value, not the value, or a word nobody listed, leaves it unmapped.
  it.each([
    'Phone Type', 'Email Opt-in', 'name;phone', 'Phone/Email', 'Email Verified', 'Email Status', 'Phone Extension', 'Emergency Contact Phone', 'Owner Email',
    'Last Modified By', 'Created By', 'Company Size', 'Country Code', 'IP Address', 'Middle Name', 'User Name', 'Sales Region', 'Fax',
    '是否订阅邮件', '电话类型', '邮箱状态', '手机号码归属地', '紧急联系人电话', '推荐人姓名', '更新人', '创建人', '公司规模', '出生地',
    '注册资本', '订单编号', '销售地区', '身份证有效期', 'column_3', '备注', 'notes', 'status', '名称',
    // A nickname is not a name; "Shipping Company" is the carrier in some exports; "Bill-to" alone may be a name, an address or a number.
    '买家昵称', '买家会员名', 'Buyer Nickname', 'Shipping Company', 'Bill-to', 'product-name', 'Order ID',
  ])('%j is not guessed', (header) => {
    expect(guessFieldOfHeader(header)).toBeNull();
  });
});

describe('columns known to hold no customer field', () => {
  // Kept as extra columns without the "not recognised" note: orders, remarks, money, goods, status, logistics, nicknames.
  it.each([
    '订单号', '订单编号', '备注', '订单备注', '买家留言', '商家备注', '买家昵称', '买家会员名', '金额', '总金额', '宝贝标题', '商品名称',
    '物流单号', '订单状态', '订单创建时间', 'remarks', 'Notes', 'order-id', 'Order Number', 'sku', 'Lineitem quantity', 'product-name',
    'item-price', 'purchase-date', 'Total', 'Financial Status', 'Payment Method', 'Tags', 'Buyer Nickname',
  ])('%j', (header) => {
    expect(isNonCustomerColumn(header)).toBe(true);
  });

  // Unknown headers keep the note, and so does a non-customer word beside a way to reach the customer.
  it.each(['VIP等级', 'VIP Level', 'User Name', '下单帐号', '买家支付宝账号', '发票抬头', 'Bill-to', 'Order Email', '订单收货地址', '订单联系电话', 'Email Status', 'column_3'])('%j is not', (header) => {
    expect(isNonCustomerColumn(header)).toBe(false);
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
    expect(cleanHeaderRow(['name', 'phone'])).toEqual({ headers: ['name', 'phone'], warnings: [], unnamed: [] });
  });

  it.each([
    [['name', 'phone', ''], ['column 3 has no header; it is called column_3']],
    [['name', 'phone', '', '', ' '], ['columns 3–5 at the end have no header; they are called column_3 … column_5']],
    [['name', '', 'phone', '', ''], ['column 2 has no header; it is called column_2', 'columns 4–5 at the end have no header; they are called column_4 … column_5']],
  ])('blank cells at the end of %j share one warning', (cells, warnings) => {
    const clean = cleanHeaderRow(cells);
    expect(clean.warnings).toEqual(warnings);
    expect(clean.unnamed).toEqual(clean.headers.filter((h) => h.startsWith('column_')));
  });
});

describe('detectColumnMapping', () => {
  it('maps known headers, keeps unknown ones as extra; a remarks column is extra without being unknown', () => {
    const m = detectColumnMapping(['客户编号', '客户名称', '手机', '备注', 'VIP等级']);
    expect(m.mapping).toEqual({ 客户编号: 'customer_id', 客户名称: 'name', 手机: 'phone', 备注: null, VIP等级: null });
    expect(m.unknown).toEqual(['VIP等级']);
    expect(m.warnings).toEqual([]);
  });

  it.each([
    [
      'Amazon order report',
      ['order-id', 'purchase-date', 'buyer-email', 'buyer-name', 'buyer-phone-number', 'sku', 'product-name', 'quantity-purchased', 'recipient-name', 'ship-address-1', 'ship-address-2', 'ship-city', 'ship-state', 'ship-postal-code', 'ship-country', 'ship-phone-number'],
      [null, null, 'email', 'name', 'phone', null, null, null, null, 'address', 'address_2', 'city', 'state', 'postcode', 'country', 'phone2'],
    ],
    [
      'Taobao order export',
      ['订单编号', '买家会员名', '买家支付宝账号', '总金额', '买家留言', '收货人姓名', '收货地址', '联系电话', '联系手机', '订单创建时间', '宝贝标题', '订单备注'],
      [null, null, null, null, null, 'name', 'address', 'phone', 'phone2', null, null, null],
    ],
  ])('%s: customer columns mapped, the order\'s own kept as extra without a note', (_name, headers, fields) => {
    const m = detectColumnMapping(headers);
    expect(Object.values(m.mapping)).toEqual(fields);
    // The Alipay account may be an email or a phone: the user is told.
    expect(m.unknown).toEqual(headers.filter((h) => h === '买家支付宝账号'));
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

  it('recognises the headers of an unseen export, the second numbered phone as phone2', () => {
    const headers = ['First Name', 'Last Name', 'Mobile No.', 'Phone 1', 'E-mail Address', 'Street Address', 'City', 'Zip/Postal Code', 'State/Province', 'DOB', 'Employer', 'Last Modified Date', 'Owner Name'];
    const m = detectColumnMapping(headers);
    expect(Object.values(m.mapping)).toEqual(['given_name', 'surname', 'phone', 'phone2', 'email', 'address', 'city', 'postcode', 'province', 'birth_date', 'company', 'updated_at', 'owner']);
    expect(m.unknown).toEqual([]);
  });

  it('numbered columns in any order: "2" names the second field', () => {
    expect(detectColumnMapping(['电话2', '电话1', 'Street 2', 'Street 1']).mapping).toEqual({ 电话2: 'phone2', 电话1: 'phone', 'Street 2': 'address_2', 'Street 1': 'address' });
  });

  it('a synonym beats a guessed header to its field, wherever it stands', () => {
    const m = detectColumnMapping(['所在地区', '详细地址', '公司电话', '座机']);
    expect(m.mapping).toEqual({ 所在地区: null, 详细地址: 'address', 公司电话: null, 座机: 'phone2' });
    expect(m.warnings).toEqual([
      '"所在地区" also looks like address, which "详细地址" already provides; it is kept as an extra column',
      '"公司电话" also looks like phone2, which "座机" already provides; it is kept as an extra column',
    ]);
  });

  it('a repeated phone header (renamed 手机_2 by cleanHeaderRow) is phone2', () => {
    const { headers } = cleanHeaderRow(['手机', '手机']);
    expect(detectColumnMapping(headers).mapping).toEqual({ 手机: 'phone', 手机_2: 'phone2' });
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

  // The header row as a whole (company-contact.ts): beside a contact person, a customer-name column is the company and the
  // contact's own phone and email come first; without one, nothing changes.
  it.each([
    // B2B, Chinese
    [['客户名称（全称）', '联系人', '联系人手机号'], ['company', 'name', 'phone']],
    [['客户名称', '电话', '联系人', '联系人手机号', '联系人邮箱', '邮箱'], ['company', 'phone2', 'name', 'phone', 'email', null]],
    [['客户', '联系人姓名', '手机'], ['company', 'name', 'phone']],
    [['公司名称', '联系人', '联系电话'], ['company', 'name', 'phone']],
    // B2B, English
    [['Account Name', 'Contact Name', 'Phone'], ['company', 'name', 'phone']],
    [['Customer', 'Contact', 'Email'], ['company', 'name', 'email']],
    [['Customer Name', 'Phone', 'Contact Person', 'Contact Phone'], ['company', 'phone2', 'name', 'phone']],
    [['Company', 'Contact Person', 'Mobile'], ['company', 'name', 'phone']],
    // No contact person: the customer-name column is the name, as alone.
    [['客户名称', '手机', '公司名称'], ['name', 'phone', 'company']],
    [['客户名称', '联系电话', '联系方式'], ['name', 'phone', 'phone2']],
    [['Customer', 'Email', 'Company'], ['name', 'email', 'company']],
    [['Customer Name', 'Contact No.'], ['name', 'phone']],
    // A person's name is not a company's: 客户姓名 stays the name, and the contact column an extra one.
    [['客户姓名', '联系人', '手机'], ['name', null, 'phone']],
    // A contact person without any organisation column: nothing to read differently.
    [['Contact Name', 'Phone', 'Contact Phone'], ['name', 'phone', 'phone2']],
  ] as const)('%j → %j', (headers, fields) => {
    expect(Object.values(detectColumnMapping(headers).mapping)).toEqual(fields);
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
