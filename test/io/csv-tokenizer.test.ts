import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, fitsHeader, isBlankRecord, type BrokenCode } from '../../src/io/csv-tokenizer.js';

type Event = { record: string[]; line: number; lines: number } | { broken: BrokenCode; line: number };

function tokenize(text: string, { delimiter = ',', chunk = Infinity, maxRecordChars }: { delimiter?: string; chunk?: number; maxRecordChars?: number } = {}): Event[] {
  const events: Event[] = [];
  const t = new CsvTokenizer(
    { delimiter, maxRecordChars },
    {
      record: (fields, line, lines) => events.push({ record: fields, line, lines }),
      broken: (line, code) => events.push({ broken: code, line }),
    },
  );
  const size = Number.isFinite(chunk) ? chunk : text.length || 1;
  for (let i = 0; i < text.length; i += size) t.push(text.slice(i, i + size));
  t.end();
  return events;
}

const rec = (line: number, record: string[], lines = 1): Event => ({ record, line, lines });

describe('CsvTokenizer', () => {
  const cases: { name: string; text: string; delimiter?: string; events: Event[] }[] = [
    { name: 'plain rows', text: 'a,b\n1,2\n', events: [rec(1, ['a', 'b']), rec(2, ['1', '2'])] },
    { name: 'final line without a line end', text: 'a,b\n1,2', events: [rec(1, ['a', 'b']), rec(2, ['1', '2'])] },
    { name: 'CRLF', text: 'a,b\r\n1,2\r\n', events: [rec(1, ['a', 'b']), rec(2, ['1', '2'])] },
    { name: 'old Mac CR', text: 'a,b\r1,2\r', events: [rec(1, ['a', 'b']), rec(2, ['1', '2'])] },
    { name: 'mixed line ends', text: 'a,b\r\n1,2\n3,4\r5,6', events: [rec(1, ['a', 'b']), rec(2, ['1', '2']), rec(3, ['3', '4']), rec(4, ['5', '6'])] },
    { name: 'spaces around fields are trimmed (FEBRL style)', text: 'rec_id, given_name\nrec-1, michaela ', events: [rec(1, ['rec_id', 'given_name']), rec(2, ['rec-1', 'michaela'])] },
    { name: 'quoted delimiter and escaped quote', text: 'a,b\n"x, y","say ""hi"""\n', events: [rec(1, ['a', 'b']), rec(2, ['x, y', 'say "hi"'])] },
    { name: 'quoted field after a space', text: 'a, "b,c"\n', events: [rec(1, ['a', 'b,c'])] },
    { name: 'spaces inside quotes are kept', text: '" a ",b\n', events: [rec(1, [' a ', 'b'])] },
    { name: 'quoted line breaks: row starts on line 2, next on line 5', text: 'h1,h2\n"line\r\nbreak\nhere",x\ny,z\n', events: [rec(1, ['h1', 'h2']), rec(2, ['line\r\nbreak\nhere', 'x'], 3), rec(5, ['y', 'z'])] },
    { name: 'quote inside an unquoted field is literal', text: 'ab"c,d\n', events: [rec(1, ['ab"c', 'd'])] },
    { name: 'text after a closing quote is kept', text: '"abc" def,x\nnext,row\n', events: [rec(1, ['abc def', 'x']), rec(2, ['next', 'row'])] },
    { name: 'blank lines are still reported (the reader skips them) and counted', text: 'a\n\n\nb\n', events: [rec(1, ['a']), rec(2, ['']), rec(3, ['']), rec(4, ['b'])] },
    { name: 'tab delimiter keeps tabs as separators, not spaces', text: 'a\t b\n\t2\n', delimiter: '\t', events: [rec(1, ['a', 'b']), rec(2, ['', '2'])] },
    { name: 'empty quoted field', text: '"",x\n', events: [rec(1, ['', 'x'])] },
    {
      name: 'unclosed quote: its line is broken, the rest is read',
      text: 'h1,h2\n"open,1\nok,2\nfine,3\n',
      events: [rec(1, ['h1', 'h2']), { broken: 'unbalanced_quote', line: 2 }, rec(3, ['ok', '2']), rec(4, ['fine', '3'])],
    },
    {
      name: 'a stray quote closes an earlier one: one record over two lines (the reader judges it)',
      text: 'h\n"a\n"b\nc\n',
      events: [rec(1, ['h']), rec(2, ['a\nb'], 2), rec(4, ['c'])],
    },
    {
      name: 'unclosed quote ending in an escaped quote',
      text: 'h\n"say ""hi\nc\n',
      events: [rec(1, ['h']), { broken: 'unbalanced_quote', line: 2 }, rec(3, ['c'])],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      expect(tokenize(c.text, { delimiter: c.delimiter })).toEqual(c.events);
    });
    it(`${c.name} — same result fed one character at a time`, () => {
      expect(tokenize(c.text, { delimiter: c.delimiter, chunk: 1 })).toEqual(c.events);
    });
  }

  it('gives up on a quoted field still open after maxRecordChars and resumes on the next line', () => {
    const text = `h,x\n"runaway,1\n${'filler,2\n'.repeat(20)}`;
    const events = tokenize(text, { chunk: 16, maxRecordChars: 64 });
    expect(events[1]).toEqual({ broken: 'unbalanced_quote', line: 2 });
    const records = events.filter((e) => 'record' in e);
    expect(records).toHaveLength(21);
    expect(records[20]).toEqual(rec(22, ['filler', '2']));
  });

  it('skips an unquoted line longer than maxRecordChars up to its end', () => {
    const text = `h,x\n${'y'.repeat(500)},1\nnext,2\n`;
    expect(tokenize(text, { chunk: 32, maxRecordChars: 100 })).toEqual([rec(1, ['h', 'x']), { broken: 'too_long', line: 2 }, rec(3, ['next', '2'])]);
  });
});

describe('CsvTokenizer: property', () => {
  it('reads back what csv-stringify wrote (all fields quoted), at any chunk size, with the right start lines', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '张', ',', ';', '"', ' ', '\n', '\r', '\r\n', 'x') });
    const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 40 }), fc.constantFrom('\n', '\r\n'), (data, chunk, eol) => {
        const lines = data.map((row) => stringify([row], { quoted: true, record_delimiter: eol }));
        const events = tokenize(lines.join(''), { chunk });
        let line = 1;
        const expected = data.map((row, i) => {
          const lines_ = row.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0) + 1;
          const event = rec(line, row, lines_);
          line += lines_;
          return event;
        });
        expect(events).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('record shape helpers', () => {
  it.each([
    [[''], true],
    [['', '', ''], true],
    [['', 'x'], false],
  ])('isBlankRecord(%j) = %s', (fields, blank) => {
    expect(isBlankRecord(fields)).toBe(blank);
  });

  it.each([
    [['a', 'b'], 2, true],
    [['a', 'b', ''], 2, true],
    [['a', 'b', 'c'], 2, false],
    [['a'], 2, false],
  ])('fitsHeader(%j, %i) = %s', (fields, columns, fits) => {
    expect(fitsHeader(fields, columns)).toBe(fits);
  });
});
