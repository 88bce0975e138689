import { describe, expect, it } from 'vitest';
import { REVIEW_COLUMNS, reviewCells } from '../../src/explain/review-queue.js';
import { csvLineChunks } from '../../src/io/csv-output.js';
import { normalizeRecord } from '../../src/normalize/normalize-record.js';

const options = { defaultRegion: 'CN' as const, dateOrder: 'YMD' as const, asOf: '2026-11-01' };
const records = [
  normalizeRecord({ source: 'a.csv', row: 1, line: 2, fields: { name: '张伟', phone: '+8613912345678' }, extra: {} }, options),
  normalizeRecord({ source: 'b.csv', row: 7, line: 8, fields: { name: '张伟', phone: '13912345678' }, extra: {} }, options),
];

describe('review.csv cells', () => {
  it.each([
    [-0.6912, '-0.69'],
    [1.156, '1.16'],
    [-12, '-12'],
  ])('a weight of %d is written %s, a number, not formula-escaped', (weight, written) => {
    const csv = Buffer.concat([...csvLineChunks(REVIEW_COLUMNS, () => reviewCells(records, [{ a: 0, b: 1, weight, probability: 0.38 }], { mask: false }))()]).toString();
    const row = csv.split('\n')[1].split(',');
    expect(row[REVIEW_COLUMNS.indexOf('weight')]).toBe(written);
    // Values from the input keep the escaping: a phone starting with + stays text in a spreadsheet.
    expect(row[REVIEW_COLUMNS.indexOf('left_phone')]).toMatch(/^'\+86/);
  });
});
