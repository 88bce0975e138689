import { describe, expect, it } from 'vitest';
import { normalizeRecord, type NormalizeOptions } from '../../src/normalize/normalize-record.js';
import type { SourceRecord } from '../../src/model/record.js';

const options: NormalizeOptions = { defaultRegion: 'CN', dateOrder: 'YMD', asOf: '2026-11-01' };
const record = (fields: SourceRecord['fields']): SourceRecord => ({ source: 'crm.csv', row: 1, line: 2, fields, extra: {} });

describe('normalizeRecord: phone numbers in the country of the address', () => {
  it.each([
    [{ phone: '617-425-0469', address: '724 Bridge Place, New York, NY 10015' }, '+16174250469'],
    [{ phone: '0426 063 215', address: '230 George Street, Perth WA 6139' }, '+61426063215'],
    [{ phone: '07843 062421', address: '212 Cedar Street, Edinburgh EH9 1WJ' }, '+447843062421'],
    [{ phone: '0412 573 961', address: '3 Elm Rd, Springfield', country: 'Australia' }, '+61412573961'],
    [{ phone: '13912873460', address: '724 Bridge Place, New York, NY 10015' }, '+8613912873460'],
    [{ phone: '139 1287 3460', address: '北京市海淀区中关村大街27号' }, '+8613912873460'],
  ] as [SourceRecord['fields'], string][])('%j → %s', (fields, e164) => {
    const r = normalizeRecord(record(fields), options);
    expect(r.phones.map((p) => p.e164)).toEqual([e164]);
    expect(r.issues.map((i) => i.code)).not.toContain('phone.invalid');
  });

  it('reads a number in the default region when the address names no country', () => {
    const r = normalizeRecord(record({ phone: '617-425-0469', address: '724 Bridge Place' }), options);
    expect(r.issues.map((i) => i.code)).toContain('phone.invalid');
  });

  it('treats words that are built-in property names as plain words, not table entries', () => {
    const r = normalizeRecord(record({ name: 'Ann Lee', phone: '139 1287 3460', address: '12 Main St, Springfield, constructor', country: 'toString' }), options);
    expect(r.phones.map((p) => p.e164)).toEqual(['+8613912873460']);
    expect(r.address.display).toBe('12 main st, springfield constructor');
    expect(JSON.stringify(r)).not.toMatch(/native code/);
  });

  it('keeps the address issues after the other fields', () => {
    const r = normalizeRecord(record({ phone: '12345', address: '火星基地一号' }), options);
    expect(r.issues.map((i) => i.code)).toEqual(['phone.invalid', 'address.unknown_region']);
  });
});
