import { describe, expect, it } from 'vitest';
import { issueRows } from '../../src/report/issues-csv.js';
import { rec } from '../quality/records.js';

describe('issueRows', () => {
  const records = [
    rec('crm.csv', 7, { issues: [{ field: 'phone', code: 'phone.invalid', message: 'not a valid phone number: 1391287346' }, { field: 'email', code: 'email.invalid', message: 'bad address li@qq' }] }),
    rec('crm.csv', 8),
    rec('shop.csv', 2, { issues: [{ field: 'id_number', code: 'id_number.bad_checksum', message: '11010519491231002X fails the check digit' }] }),
  ];

  it('lists every record-level issue with its location, in input order', () => {
    expect([...issueRows(records, { mask: true })].map((r) => [r.source, r.row, r.field, r.code])).toEqual([
      ['crm.csv', '7', 'phone', 'phone.invalid'],
      ['crm.csv', '7', 'email', 'email.invalid'],
      ['shop.csv', '2', 'id_number', 'id_number.bad_checksum'],
    ]);
  });

  it('masks personal data in messages unless told not to', () => {
    const masked = [...issueRows(records, { mask: true })].map((r) => r.message);
    expect(masked).toEqual(['not a valid phone number: ******7346', 'bad address l***@qq', '1101**********002X fails the check digit']);
    expect([...issueRows(records, { mask: false })][2].message).toBe('11010519491231002X fails the check digit');
  });
});
