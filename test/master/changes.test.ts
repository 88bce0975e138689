import { describe, expect, it } from 'vitest';
import { renderChanges, type Changes } from '../../src/master/changes.js';

const REMARKS = '新号码13698765432 邮箱 new.person@163.com 身份证110101199003071234';

const changes: Changes = {
  run: 2,
  asOf: '2026-11-02',
  previousAsOf: '2026-11-01',
  newCustomers: [],
  merged: [],
  changed: [
    { goldenId: 'G000001', field: 'phone', before: '+8613915826473', after: '+8613761940385' },
    { goldenId: 'G000001', field: 'remarks', before: null, after: REMARKS },
    { goldenId: 'G000001', field: 'owner', before: 'rep.li@corp.example.com', after: 'S042' },
    { goldenId: 'G000001', field: 'updated_at', before: '2026-01-05', after: '2026-11-02' },
  ],
  stale: [],
};

const changed = (mask: boolean) => JSON.parse(renderChanges(changes, { existingRecords: 1, newRecords: 0 }, { mask })).changed;

describe('changes.json values', () => {
  it('masks phones, emails and ID numbers by their rule, and every other field as free text', () => {
    expect(changed(true)).toEqual([
      { goldenId: 'G000001', field: 'phone', before: '139****6473', after: '137****0385' },
      { goldenId: 'G000001', field: 'remarks', before: null, after: '新号码136****5432 邮箱 n***@163.com 身份证1101**********1234' },
      { goldenId: 'G000001', field: 'owner', before: 'r***@corp.example.com', after: 'S042' },
      { goldenId: 'G000001', field: 'updated_at', before: '2026-01-05', after: '2026-11-02' },
    ]);
  });

  it('shows them as they are when the run was asked to --unmask', () => {
    expect(changed(false)).toEqual(changes.changed);
  });
});
