import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dedupeStage, importStage, normalizeStage, type PipelineOptions } from '../../src/pipeline/run.js';
import { buildOutputs } from '../../src/pipeline/outputs.js';
import { silentProgress } from '../../src/pipeline/progress.js';
import { contentText } from '../../src/io/atomic-write.js';
import { tempDir } from '../cli/helpers.js';

const opts: PipelineOptions = { config: {}, region: 'CN', dateOrder: 'YMD', asOf: '2026-11-01', progress: silentProgress };
const HEADERS = ['姓名', 'phone', 'email', '地址', 'company', 'id_number', 'updated_at', 'notes'];

/** Realistic values mixed with arbitrary text (quotes, commas, newlines, formula starts). */
const cell = fc.oneof(
  fc.constantFrom('张伟', '張偉', '李先生', 'Zhang Wei', 'Bob Smith', '测试', '13912873460', '+86 139-1287-3460', '13800138000', 'a@b.cn', 'A@B.CN', '北京市海淀区中关村大街27号', '海淀区中关村大街二十七号', '华为技术有限公司', '2024-01-05', '9999-12-31', '=HYPERLINK("x")', ''),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

const quote = (s: string) => (/[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s);

/** A file: some rows fit the header, some are ragged (one field short or long); no row is entirely blank. */
const file = fc
  .record({
    columns: fc.integer({ min: 2, max: HEADERS.length }),
    rows: fc.array(fc.record({ cells: fc.array(cell, { minLength: HEADERS.length + 1, maxLength: HEADERS.length + 1 }), ragged: fc.constantFrom(0, 0, 0, 0, -1, 1) }), { minLength: 1, maxLength: 25 }),
  })
  .map(({ columns, rows }) => {
    const lines = [HEADERS.slice(0, columns).join(',')];
    for (const r of rows) {
      const cells = r.cells.slice(0, Math.max(1, columns + r.ragged));
      if (cells.every((c) => c === '')) cells[0] = '张伟';
      lines.push(cells.map(quote).join(','));
    }
    return { text: lines.join('\n') + '\n', rows: rows.length };
  });

const readCsv = (s: string): Record<string, string>[] => parse(s, { columns: true, bom: true });

describe('nothing is lost (property)', () => {
  it('rows in = rows in mapping + rows in rejects; every mapped golden id exists; a second run gives the same bytes', async () => {
    const dir = tempDir('crmclean-prop-');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(file, { minLength: 1, maxLength: 3 }), async (files) => {
        const paths = files.map((f) => {
          const p = join(dir, `src${n++}.csv`);
          writeFileSync(p, f.text);
          return p;
        });
        const run = async () => {
          const { files } = buildOutputs(dedupeStage(normalizeStage(await importStage(paths, opts), opts), opts), { config: {}, asOf: opts.asOf, unmask: false, escapeFormulas: true });
          return new Map([...files].map(([name, content]) => [name, contentText(content)]));
        };
        const out = await run();
        const mapping = readCsv(out.get('mapping.csv')!);
        const rejects = readCsv(out.get('rejects.csv')!);
        const rowsIn = files.reduce((s, f) => s + f.rows, 0);
        expect(mapping.length + rejects.length).toBe(rowsIn);
        const keys = [...mapping, ...rejects].map((r) => `${r.source}:${r.row}`);
        expect(new Set(keys).size).toBe(rowsIn);
        const golden = new Set(readCsv(out.get('golden.csv')!).map((g) => g.golden_id));
        for (const m of mapping) expect(golden.has(m.golden_id)).toBe(true);
        const again = await run();
        for (const [name, content] of out) expect(again.get(name), name).toBe(content);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
