import { buildQualityReport } from '../../src/quality/build-report.js';
import type { QualityReport } from '../../src/report/schema.js';
import { issues, name, phone, rec } from '../quality/records.js';

/** Hostile strings where customer files and config reach the report. */
export const HOSTILE_SOURCE = '<script>alert(1)</script>.csv';
export const HOSTILE_CODE = '<img src=x onerror=alert(1)>';
export const HOSTILE_HEADER = '<i>姓名</i>';
export const HOSTILE_ADVICE = 'would produce <b>1</b> pairs; ask 13912873460';

/** A small report with two sources, an owner column, a merged customer, hostile strings and a changes section. */
export function sampleReport(): QualityReport {
  const report = buildQualityReport(
    {
      records: [
        rec(HOSTILE_SOURCE, 1, { fields: { name: 'x', phone: 'x', updated_at: 'x', owner: '"Amy"' }, name: name('张伟'), phones: [phone('+8613912873460')], updatedAt: '2026-10-01', issues: [{ field: 'name', code: HOSTILE_CODE, message: 'm' }] }),
        rec(HOSTILE_SOURCE, 2, { fields: { name: 'x', phone: 'x', owner: 'Bo' }, name: name('李', true), issues: issues('name.placeholder', 'phone.invalid') }),
        rec('shop.csv', 1, { fields: { name: 'x', phone: 'x', updated_at: 'x' }, name: name('张伟'), phones: [phone('+8613912873460')], updatedAt: '2023-01-01' }),
      ],
      clusterOf: [0, 1, 0],
      sources: [
        {
          source: HOSTILE_SOURCE,
          rows: 3,
          records: 2,
          rejects: 1,
          rejectReasons: { 'row.ragged': 1 },
          warnings: [`columns 1 and 3 are both called "${HOSTILE_HEADER}"; column 3 is called "${HOSTILE_HEADER}_2"`],
          unknownColumns: ['Phone Type', 'VIP'],
        },
        { source: 'shop.csv', rows: 1, records: 1, rejects: 0, rejectReasons: {} },
      ],
      asOf: '2026-11-01',
      options: {},
    },
    { goldenRecords: 2, candidatePairs: 1234, blocking: [{ rule: 'phone', candidatePairs: 1234, skippedBlocks: 1, skippedRecords: 5000, refused: HOSTILE_ADVICE }], reviewPairs: 1 },
  );
  return { ...report, changes: { newCustomers: 1200, existingCustomers: 3, merged: [{ from: 'C000009', into: 'C000002' }], changedFields: [{ goldenId: 'C000001', field: 'phone' }], staleCustomers: 0 } };
}
