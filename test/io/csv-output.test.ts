import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvChunks, csvLineChunks, neutralizeFormula, rejectsToCsv, toCsv, toCsvLine, withFormulaEscaping, writeCsvFile, type CsvCell } from '../../src/io/csv-output.js';
import { contentText } from '../../src/io/atomic-write.js';
import { readAll, tmpDir } from './tmp-files.js';

const tmp = tmpDir('csv-output');
afterAll(tmp.cleanup);

describe('neutralizeFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['+8613800138000', "'+8613800138000"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', "'\r=cmd"],
    ['张伟', '张伟'],
    ['a=b', 'a=b'],
    ['5-3', '5-3'],
    ['', ''],
    [" '=already", " '=already"],
  ])('%j → %j', (cell, out) => {
    expect(neutralizeFormula(cell)).toBe(out);
  });
});

describe('toCsv', () => {
  const rows = [
    { name: '张伟', phone: '+8613800138000', note: '=1+1' },
    { name: 'Li, Na', phone: null, note: 'says "hi"\nbye' },
    { name: ' padded ', phone: '-5', note: undefined },
  ];

  it('quotes as needed, neutralises formulas, leaves missing cells empty', () => {
    expect(toCsv(rows, ['name', 'phone', 'note'])).toBe(
      `name,phone,note\n张伟,'+8613800138000,'=1+1\n"Li, Na",,"says ""hi""\nbye"\n" padded ",'-5,\n`,
    );
  });

  it('neutralises text cells only: a number cell is one crmclean computed', () => {
    expect(toCsv([{ weight: -0.69, text: '-0.69', count: 3 }], ['weight', 'text', 'count'])).toBe(`weight,text,count\n-0.69,'-0.69,3\n`);
  });

  it('quotes a cell that starts or ends with any character \\s matches, and no other', () => {
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      if (/[",\n\r]/.test(ch)) continue;
      const space = /\s/.test(ch);
      const [line] = toCsv([{ a: `x${ch}`, b: `${ch}x` }], ['a', 'b'], { escapeFormulas: false }).split('\n').slice(1);
      expect(line, `U+${code.toString(16)}`).toBe(space ? `"x${ch}","${ch}x"` : `x${ch},${ch}x`);
    }
  });

  it('escapeFormulas: false writes cells as they are; bom: true starts with a BOM', () => {
    const csv = toCsv([rows[0]], ['name', 'note'], { escapeFormulas: false, bom: true });
    expect(csv).toBe('\uFEFFname,note\n张伟,=1+1\n');
  });

  it('round-trips through readSource, edge spaces and line breaks included', async () => {
    const path = tmp.file('roundtrip.csv', toCsv(rows, ['name', 'phone', 'note'], { escapeFormulas: false }));
    const { records } = await readAll(path);
    expect(records.map((r) => [r.fields.name, r.fields.phone, r.extra.note])).toEqual([
      ['张伟', '+8613800138000', '=1+1'],
      ['Li, Na', undefined, 'says "hi"\nbye'],
      [' padded ', '-5', ''],
    ]);
  });
});

describe('rejectsToCsv', () => {
  it('writes source,row,line,code,reason', () => {
    const csv = rejectsToCsv([{ source: 'a.csv', row: 3, line: 4, code: 'row.ragged', reason: 'row has 2 fields, the header has 3' }]);
    expect(csv).toBe('source,row,line,code,reason\na.csv,3,4,row.ragged,"row has 2 fields, the header has 3"\n');
  });
});

describe('writeCsvFile', () => {
  it('streams rows from an async source into the same bytes toCsv builds', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ id: String(i), value: i % 7 === 0 ? `=x${i}` : `v${i}` }));
    async function* source() {
      yield* rows;
    }
    const path = join(tmp.dir, 'streamed.csv');
    await writeCsvFile(path, ['id', 'value'], source());
    expect(readFileSync(path, 'utf8')).toBe(toCsv(rows, ['id', 'value']));
  });
});

describe('csvChunks', () => {
  it('writes the bytes toCsv builds, across chunk boundaries and for a line longer than a chunk', () => {
    const rows = [
      ...Array.from({ length: 30_000 }, (_, i) => ({ id: i, name: i % 3 ? '张伟'.repeat(10) : '=x', note: i % 7 ? '' : 'a,"b"' })),
      { id: 'long', name: '字'.repeat(600_000), note: null },
      { id: 'last', name: ' padded ', note: undefined },
    ];
    const columns = ['id', 'name', 'note'];
    const chunks = [...csvChunks(() => rows, columns, { bom: true })()];
    expect(chunks.length).toBeGreaterThan(2);
    expect(contentText(csvChunks(() => rows, columns, { bom: true }))).toBe(toCsv(rows, columns, { bom: true }));
  });
});

describe('csvLineChunks', () => {
  // Cells written byte by byte (plain ASCII) and through the encoder (anything else) alike.
  const CELL: fc.Arbitrary<CsvCell> = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: fc.constantFrom('a', ' ', '\t', '"', ',', '\n', '\r', '=', '+', '-', '@', '张', '\u3000', '\ud83d', '\ude00', '\u00a0', '\x7f') }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constantFrom(null, undefined, '', '+8613812345678', ' lead', 'trail ', '-5', "'x"),
  );
  it('writes the bytes toCsv builds for any cells', () => {
    fc.assert(
      fc.property(fc.array(fc.array(CELL, { minLength: 3, maxLength: 3 }), { maxLength: 6 }), fc.boolean(), (rows, escapeFormulas) => {
        const columns = ['a', 'b', 'c'];
        // Bytes, not text: a lone surrogate is written as U+FFFD either way.
        const written = Buffer.concat([...csvLineChunks(columns, () => rows, { escapeFormulas })()]);
        expect(written).toEqual(Buffer.from(toCsv(rows.map((r) => ({ a: r[0], b: r[1], c: r[2] })), columns, { escapeFormulas })));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('withFormulaEscaping', () => {
  it.each([
    ['escape a raw line', '+86,"=a,""b""",x,"-q",@', true, false, `'+86,"'=a,""b""",x,"'-q",'@`],
    ['a comma or formula character inside a quoted cell is not a cell start', '"a,+b","x"",-y",z', true, false, '"a,+b","x"",-y",z'],
    ['a cell that is only quotes', '"""",-1', true, false, `"""",'-1`],
    ['an escaped line stays as it is', `'+86,"'=a",b`, true, true, `'+86,"'=a",b`],
    ['a raw apostrophe before a formula is the value itself', `'=a`, true, false, `'=a`],
    ['unescape a line that may hold the escape', `'+86,"'=a,b",'x`, false, true, `+86,"=a,b",'x`],
    ['no escaping and no escape to remove: as it is', `+86,=a`, false, false, `+86,=a`],
  ])('%s', (_, line, escape, mayBeEscaped, want) => {
    expect(withFormulaEscaping(line, escape, mayBeEscaped).toString()).toBe(want);
    expect(withFormulaEscaping(Buffer.from(line), escape, mayBeEscaped).toString()).toBe(want);
  });

  it('returns a line with nothing to change itself, not a copy', () => {
    const line = Buffer.from('G000001,张伟,2026-11-01');
    expect(withFormulaEscaping(line, true, true)).toBe(line);
  });

  it('escaping a raw line writes what escaping each cell writes (cells starting with whitespace aside: quoted either way)', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('', 'a,b', 'say "hi"', '"', 'two\nlines', '张伟', '=1+2', '-5', '+86,1', '@x', "'=y"));
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 5 }), (cells) => {
        fc.pre(cells.every((c) => !/^[\s]/.test(c)));
        expect(withFormulaEscaping(toCsvLine(cells, { escapeFormulas: false }), true, false).toString()).toBe(toCsvLine(cells, { escapeFormulas: true }));
      }),
    );
  });
});

describe('CSV quoting agrees with csv-stringify', () => {
  const CELL = fc.oneof(fc.string(), fc.constantFrom('', ' ', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', ' lead', 'trail ', '\t', '张伟', '=1+2'));
  it('writes the same bytes for any rows', () => {
    fc.assert(
      fc.property(fc.array(fc.array(CELL, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), fc.boolean(), (rows, escapeFormulas) => {
        const width = Math.max(1, ...rows.map((r) => r.length));
        const columns = Array.from({ length: width }, (_, k) => `c${k}`);
        const objects = rows.map((r) => Object.fromEntries(r.map((v, k) => [`c${k}`, v])));
        const cells = [columns, ...objects.map((o) => columns.map((c) => o[c] ?? ''))].map((r) => r.map((v) => (escapeFormulas ? neutralizeFormula(v) : v)));
        expect(toCsv(objects, columns, { escapeFormulas })).toBe(stringify(cells, { quoted_match: /^\s|\s$/, record_delimiter: 'unix' }));
      }),
      { numRuns: 500 },
    );
  });
});
