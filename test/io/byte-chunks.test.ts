import { describe, expect, it } from 'vitest';
import { lineChunks } from '../../src/io/byte-chunks.js';

describe('lineChunks', () => {
  it('writes the head, then each line, as text or bytes, each with its line break', () => {
    const chunks = [...lineChunks(['id,name'], ['G1,张伟', Buffer.from('G2,"Ann, Lee"'), 'G3,😀', new Uint8Array()], (l) => l)];
    expect(Buffer.concat(chunks).toString('utf8')).toBe('id,name\nG1,张伟\nG2,"Ann, Lee"\nG3,😀\n\n');
  });

  it('writes nothing for no lines', () => {
    expect([...lineChunks([], [], (l: string) => l)]).toEqual([]);
  });

  it('fills chunks of about a megabyte with whole lines; a longer line comes whole, in a bigger chunk', () => {
    const lines = Array.from({ length: 100_000 }, (_, k) => (k === 90_000 ? 'x'.repeat(3 << 20) : `${k},客户${k},${'a'.repeat(k % 90)}`));
    const chunks = [...lineChunks([], lines, (l) => (l.length % 2 ? Buffer.from(l) : l))];
    expect(Buffer.concat(chunks).toString('utf8')).toBe(lines.join('\n') + '\n');
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(chunk[chunk.length - 1]).toBe(0x0a);
    const big = chunks.filter((c) => c.length > 1 << 20);
    expect(big).toHaveLength(1);
    expect(big[0].includes('x'.repeat(3 << 20) + '\n')).toBe(true);
  });
});
