import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importStage, normalizeStage, type PipelineOptions } from '../../src/pipeline/run.js';
import { silentProgress } from '../../src/pipeline/progress.js';
import { personNameRule } from '../../src/normalize/rules/person-name.js';
import { packFields, packRecords, unpackFields, unpackRecords, RecurringIn, RecurringOut } from '../../src/pipeline/record-codec.js';

const SAMPLE = join(import.meta.dirname, '../../fixtures/sample');
const opts: PipelineOptions = { config: {}, region: 'CN', dateOrder: 'YMD', asOf: '2026-11-01', progress: silentProgress };

describe('record codec (worker messages)', async () => {
  const imported = await importStage(['crm_sales.csv', 'ecommerce.csv', 'marketing.tsv', 'service_center.csv'].map((f) => join(SAMPLE, f)), opts);
  const normalized = normalizeStage(imported, opts).normalized!;

  it('brings every normalized record back as it was, property order included', () => {
    // The sample has Chinese and Latin names, several phones in a cell, ID numbers, placeholders and issues.
    expect(normalized.some((r) => r.phones.length > 1)).toBe(true);
    expect(normalized.some((r) => r.idNumber !== null) && normalized.some((r) => r.idNumber === null)).toBe(true);
    expect(normalized.some((r) => r.issues.length > 0)).toBe(true);
    const back = unpackRecords(packRecords(normalized), imported.records);
    expect(back.map((r) => JSON.stringify(r))).toEqual(normalized.map((r) => JSON.stringify(r)));
  });

  it('brings back the generation of a name (Jr, Sr), which the sample has none of', () => {
    const juniors = normalized.slice(0, 2).map((r, k) => ({ ...r, name: personNameRule.normalize({ name: k ? 'SMITH, John Sr' : 'John Smith Jr' }).parts }));
    const back = unpackRecords(packRecords(juniors), imported.records.slice(0, 2));
    expect(back.map((r) => r.name.generation)).toEqual([2, 1]);
    expect(back.map((r) => JSON.stringify(r))).toEqual(juniors.map((r) => JSON.stringify(r)));
  });

  it('sends a recurring value once per table, then by number, and brings it back the same', () => {
    const half = Math.floor(normalized.length / 2);
    const sent = new RecurringOut();
    const received = new RecurringIn();
    const first = packRecords(normalized.slice(0, half), sent);
    const second = packRecords(normalized.slice(0, half), sent);
    // The same records again: their cities, codes and surnames are in the table now, only unique values travel as text.
    expect(second.text.length).toBeLessThan(first.text.length * 0.9);
    expect(sent.numbers.some((table) => table.has(normalized[0].address.country!))).toBe(true);
    const back = [...unpackRecords(first, imported.records.slice(0, half), received), ...unpackRecords(second, imported.records.slice(0, half), received)];
    expect(received.values).toEqual(sent.numbers.map((table) => [...table.keys()]));
    const expected = [...normalized.slice(0, half), ...normalized.slice(0, half)];
    expect(back.map((r) => JSON.stringify(r))).toEqual(expected.map((r) => JSON.stringify(r)));
  });

  it('sends a name or company shared by records once, and the records it brings back share it too', () => {
    const sharing = normalized.filter((r) => normalized.some((o) => o !== r && o.name === r.name));
    expect(sharing.length).toBeGreaterThan(1);
    const sources = sharing.map((r) => imported.records[normalized.indexOf(r)]);
    const sent = new RecurringOut();
    const received = new RecurringIn();
    const back = unpackRecords(packRecords(sharing, sent), sources, received);
    expect(back.map((r) => JSON.stringify(r))).toEqual(sharing.map((r) => JSON.stringify(r)));
    for (let a = 0; a < sharing.length; a++) {
      for (let b = a + 1; b < sharing.length; b++) {
        expect(back[a].name === back[b].name).toBe(sharing[a].name === sharing[b].name);
        expect(back[a].company === back[b].company).toBe(sharing[a].company === sharing[b].company);
      }
    }
    expect(received.parts.length).toBe(sent.parts.size);
  });

  it('keeps the parts tables in step past their cap', () => {
    const sent = new RecurringOut(1 << 20, 10);
    const received = new RecurringIn(1 << 20, 10);
    const back = [0, 1].flatMap(() => unpackRecords(packRecords(normalized, sent), imported.records, received));
    expect(back.map((r) => JSON.stringify(r))).toEqual([...normalized, ...normalized].map((r) => JSON.stringify(r)));
    expect(received.parts).toEqual([...sent.parts.keys()]);
    expect(received.parts).toHaveLength(10);
  });

  it('keeps both tables of a kind in step past their cap, where new values travel as text', () => {
    // More distinct streets than the tables hold, then early streets again: those still travel by number.
    const template = normalized.find((r) => r.address.street !== null)!;
    const source = imported.records[normalized.indexOf(template)];
    const sent = new RecurringOut(1000);
    const received = new RecurringIn(1000);
    const streets = (from: number, count: number) => Array.from({ length: count }, (_, k) => `street ${from + k}`);
    const chunks = [...Array.from({ length: 5 }, (_, c) => streets(c * 300, 300)), streets(0, 300), streets(5000, 300)];
    let wrong = 0;
    for (const chunk of chunks) {
      const records = chunk.map((street) => ({ ...template, address: { ...template.address, street } }));
      const back = unpackRecords(packRecords(records, sent), records.map(() => source), received);
      wrong += back.filter((r, k) => r.address.street !== chunk[k] || r.address.city !== template.address.city).length;
    }
    expect(Math.max(...sent.numbers.map((table) => table.size))).toBe(1000);
    expect(received.values).toEqual(sent.numbers.map((table) => [...table.keys()]));
    expect(wrong).toBe(0);
  });

  it('carries the raw fields a worker normalizes from', () => {
    const back = unpackFields(packFields(imported.records));
    expect(back.map((r) => r.fields)).toEqual(imported.records.map((r) => r.fields));
  });
});
