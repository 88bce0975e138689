import { describe, expect, it } from 'vitest';
import { mappingChunks, type MappingColumns } from '../../src/pipeline/mapping-csv.js';
import { contentText } from '../../src/io/atomic-write.js';

function columns(lines: number): MappingColumns {
  return {
    sources: ['crm.csv', '=HYPERLINK("x").csv'],
    source: Int32Array.from({ length: lines }, (_, k) => (k < lines / 2 ? 0 : 1)),
    row: Int32Array.from({ length: lines }, (_, k) => (k % (lines / 2)) + 1),
    golden: Int32Array.from({ length: lines }, (_, k) => Math.floor(k / 3)),
    score: Float64Array.from({ length: lines }, (_, k) => (k % 3 ? 0.9 + (k % 7) / 100 : NaN)),
    idPrefix: 'G',
    idWidth: 6,
    escapeFormulas: true,
  };
}

describe('mapping.csv', () => {
  it('writes one line per record: source, row, golden id and score (empty for none), hostile source names neutralised', () => {
    expect(contentText(mappingChunks(columns(4)))).toBe(
      'source,row,golden_id,match_score\ncrm.csv,1,G000001,\ncrm.csv,2,G000001,0.9100\n"\'=HYPERLINK(""x"").csv",1,G000001,0.9200\n"\'=HYPERLINK(""x"").csv",2,G000002,\n',
    );
  });

  it("in a master run: the customers' ids as the master issued them and a status column", () => {
    const m = { ...columns(4), ids: ['G000007', 'G000012'], existing: Uint8Array.from([1, 1, 0, 1]) };
    expect(contentText(mappingChunks(m))).toBe(
      'source,row,golden_id,status,match_score\ncrm.csv,1,G000007,existing,\ncrm.csv,2,G000007,existing,0.9100\n"\'=HYPERLINK(""x"").csv",1,G000007,new,0.9200\n"\'=HYPERLINK(""x"").csv",2,G000012,existing,\n',
    );
  });

  it('is made by a worker thread (the compiled one, as the CLI runs it) with the same bytes', async () => {
    const dist = new URL('../../dist/pipeline/', import.meta.url).href;
    const { mappingContent } = (await import(`${dist}mapping-csv.js`)) as typeof import('../../src/pipeline/mapping-csv.js');
    const m = columns(30_000);
    const content = mappingContent(m, 2);
    if (typeof content === 'string') throw new Error('expected chunks');
    const chunks = content();
    // Asynchronous: the chunks come from the worker.
    expect(Symbol.asyncIterator in chunks).toBe(true);
    const made: Uint8Array[] = [];
    for await (const chunk of chunks as AsyncIterable<Uint8Array>) made.push(chunk);
    expect(Buffer.concat(made).toString('utf8')).toBe(contentText(mappingChunks(m)));
    expect(contentText(mappingContent(m, 1))).toBe(contentText(mappingChunks(m)));
  });
});
