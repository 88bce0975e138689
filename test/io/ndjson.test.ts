import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readNdjson, writeNdjson } from '../../src/io/ndjson.js';
import { CrmError, EXIT } from '../../src/model/errors.js';

async function collect(input: AsyncIterable<string | Uint8Array>, file?: string) {
  const out = [];
  for await (const line of readNdjson(input, file)) out.push(line);
  return out;
}

describe('readNdjson', () => {
  it('parses one value per line, skipping blank lines, across chunk boundaries, with CRLF and a BOM', async () => {
    const text = '\uFEFF{"kind":"source","n":1}\r\n\n{"kind":"record","name":"张伟"}\n[1,2]';
    const bytes = Buffer.from(text);
    // Split inside the multi-byte 张 to check the decoder carries partial characters over.
    const cut = bytes.indexOf(Buffer.from('张')) + 1;
    const lines = await collect(Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]));
    expect(lines).toEqual([
      { value: { kind: 'source', n: 1 }, line: 1 },
      { value: { kind: 'record', name: '张伟' }, line: 3 },
      { value: [1, 2], line: 4 },
    ]);
  });

  it('a bad line is an input error naming the file and line', async () => {
    let error: unknown;
    try {
      await collect(Readable.from(['{"ok":1}\n', '{"ok":2}\n{not json}\n{"ok":3}\n']), 'state.ndjson');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CrmError);
    const e = error as CrmError;
    expect(e.exitCode).toBe(EXIT.INPUT);
    expect(e.location).toEqual({ file: 'state.ndjson', line: 3 });
    expect(e.format()).toMatch(/^state\.ndjson:3: line 3 is not valid JSON/);
  });
});

describe('writeNdjson', () => {
  it('writes one line per value and reads back the same values, waiting for drain on a slow stream', async () => {
    const values = Array.from({ length: 3000 }, (_, i) => ({ row: i, name: `名${i}`, note: 'x'.repeat(100) }));
    const out = new PassThrough({ highWaterMark: 1024 });
    const chunks: Buffer[] = [];
    const drained = (async () => {
      for await (const c of out) chunks.push(c as Buffer);
    })();
    await writeNdjson(out, values);
    out.end();
    await drained;
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.split('\n')).toHaveLength(3001);
    expect((await collect(Readable.from([text]))).map((l) => l.value)).toEqual(values);
  });
});
