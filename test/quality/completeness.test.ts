import { describe, expect, it } from 'vitest';
import { expectedFieldsBySource, fieldState, importanceWeights, recordCompleteness, type FieldState } from '../../src/quality/completeness.js';
import { QUALITY_FIELDS } from '../../src/quality/quality-fields.js';
import type { NormalizedRecord } from '../../src/model/record.js';
import { email, issues, name, phone, rec } from './records.js';

const field = (f: string) => QUALITY_FIELDS.find((q) => q.field === f)!;

describe('fieldState: placeholders count as missing, invalid values as filled', () => {
  it.each<[string, string, Partial<NormalizedRecord>, FieldState]>([
    ['real name', 'name', { fields: { name: '张伟' }, name: name('张伟') }, 'filled'],
    ['surname and title only', 'name', { fields: { name: '李先生' }, name: name('李', true), issues: issues('name.placeholder') }, 'placeholder'],
    ['given and family columns', 'name', { fields: { given_name: 'Robert', surname: 'Smith' }, name: name('Robert Smith') }, 'filled'],
    ['empty name', 'name', { fields: { name: '  ' } }, 'missing'],
    ['real mobile', 'phone', { fields: { phone: '13912873460' }, phones: [phone('+8613912873460')] }, 'filled'],
    ['known fake only', 'phone', { fields: { phone: '13800138000' }, phones: [phone('+8613800138000', false)], issues: issues('phone.placeholder') }, 'placeholder'],
    ['fake beside a real one', 'phone', { fields: { phone: '13800138000/13912873460' }, phones: [phone('+8613800138000', false), phone('+8613912873460')], issues: issues('phone.placeholder') }, 'filled'],
    ['invalid number', 'phone', { fields: { phone: '12' }, issues: issues('phone.invalid') }, 'filled'],
    // What the normalizers read as no value (无, N/A, a dash) is missing, not a filled value.
    ['phone 无', 'phone', { fields: { phone: '无' } }, 'missing'],
    ['phone -', 'phone', { fields: { phone: '-' } }, 'missing'],
    ['phone 0', 'phone', { fields: { phone: '0' } }, 'missing'],
    ['phone N/A beside a real second phone', 'phone', { fields: { phone: 'N/A', phone2: '13912873460' }, phones: [phone('+8613912873460')] }, 'filled'],
    ['email N/A', 'email', { fields: { email: 'N/A' } }, 'missing'],
    ['email 暂无', 'email', { fields: { email: '暂无' } }, 'missing'],
    ['ID 不详', 'id_number', { fields: { id_number: '不详' } }, 'missing'],
    ['birth date /', 'birth_date', { fields: { birth_date: '/' } }, 'missing'],
    ['update date null', 'updated_at', { fields: { updated_at: 'NULL' } }, 'missing'],
    ['second phone column only', 'phone', { fields: { phone2: '13912873460' }, phones: [phone('+8613912873460')] }, 'filled'],
    ['placeholder email', 'email', { fields: { email: 'test@test.com' }, email: email('test@test.com', { placeholder: true }), issues: issues('email.placeholder') }, 'placeholder'],
    ['broken email', 'email', { fields: { email: 'wf@qq' }, email: email(null), issues: issues('email.invalid') }, 'filled'],
    ['address 无', 'address', { fields: { address: '无' }, issues: issues('address.placeholder') }, 'placeholder'],
    ['district column only', 'address', { fields: { district: '海淀区' } }, 'filled'],
    ['company 个人', 'company', { fields: { company: '个人' }, issues: issues('company.placeholder') }, 'placeholder'],
    ['ID 111111111111111111', 'id_number', { fields: { id_number: '111111111111111111' }, issues: issues('id_number.placeholder') }, 'placeholder'],
    ['ID with a bad checksum', 'id_number', { fields: { id_number: '110101199003071235' }, issues: issues('id_number.bad_checksum') }, 'filled'],
  ])('%s: %s is %s', (_label, f, p, state) => {
    expect(fieldState(rec('a.csv', 1, p), field(f), true)).toBe(state);
  });

  it('a field the source has no column for is absent, whatever the record holds', () => {
    expect(fieldState(rec('a.csv', 1, { fields: { email: 'a@b.cn' } }), field('email'), false)).toBe('absent');
  });
});

describe('recordCompleteness', () => {
  const w = importanceWeights(undefined);
  const states = (s: Partial<Record<string, FieldState>>) => QUALITY_FIELDS.map((f) => s[f.field] ?? 'absent');

  it.each<[string, Partial<Record<string, FieldState>>, number]>([
    ['all expected fields filled', { name: 'filled', phone: 'filled' }, 1],
    ['phone (3) missing of name+phone+email (8)', { name: 'filled', phone: 'missing', email: 'filled' }, 5 / 8],
    ['placeholder name counts as missing', { name: 'placeholder', phone: 'filled' }, 3 / 6],
    ['gender weighs nothing by default', { name: 'filled', gender: 'missing' }, 1],
    ['nothing expected: nothing asked', {}, 1],
  ])('%s → %d', (_label, s, expected) => {
    expect(recordCompleteness(states(s), w)).toBeCloseTo(expected, 10);
  });

  it('config importance overrides the defaults', () => {
    const s = states({ name: 'filled', birth_date: 'missing' });
    expect(recordCompleteness(s, w)).toBeCloseTo(3 / 4, 10);
    expect(recordCompleteness(s, importanceWeights({ birth_date: 3 }))).toBeCloseTo(1 / 2, 10);
  });
});

describe('expectedFieldsBySource', () => {
  const records = [
    rec('crm.csv', 1, { fields: { name: '张伟', email: 'a@b.cn' } }),
    rec('crm.csv', 2, { fields: { name: '王芳', city: '北京' } }),
    rec('shop.csv', 1, { fields: { name: 'x' } }),
    rec('shop.csv', 2, { fields: { name: 'y', email: '无' } }),
  ];
  const names = (e: readonly boolean[]) => QUALITY_FIELDS.filter((_, x) => e[x]).map((f) => f.field);

  it('without a mapping: the fields any record of the source fills', () => {
    const e = expectedFieldsBySource(records, [{ source: 'crm.csv' }, { source: 'shop.csv' }]);
    expect(names(e('crm.csv'))).toEqual(['name', 'email', 'address']);
    // An email column holding only 无 is no email column.
    expect(names(e('shop.csv'))).toEqual(['name']);
    // A source with neither a mapping nor a record expects nothing.
    expect(names(e('empty.csv'))).toEqual([]);
  });

  it('with a mapping: exactly the mapped columns, so a column empty in every row still counts', () => {
    const e = expectedFieldsBySource(records, [{ source: 'shop.csv', columns: ['name', 'phone', 'owner'] }]);
    expect(names(e('shop.csv'))).toEqual(['name', 'phone']);
    expect(names(e('crm.csv'))).toEqual(['name', 'email', 'address']);
  });
});
