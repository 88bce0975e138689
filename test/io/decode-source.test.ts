import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { SourceDecoder } from '../../src/io/decode-source.js';
import { UNDECODABLE } from '../../src/io/utf8.js';
import { CrmError, EXIT } from '../../src/model/errors.js';

const TEXT = '姓名,手机,地址\r\n张伟,13800138000,北京市朝阳区\r\n李娜,13912345678,"上海市\n浦东新区"\r\n';

/** Decode `bytes` fed in chunks of `size` bytes. */
function decode(bytes: Buffer, size: number, explicit?: string): { text: string; encoding: string; suspect: boolean } {
  const d = new SourceDecoder('in.csv', explicit);
  let text = '';
  for (let i = 0; i < bytes.length; i += size) text += d.write(bytes.subarray(i, i + size));
  text += d.end();
  return { text, encoding: d.encoding, suspect: d.suspect };
}

function decodeError(bytes: Buffer, explicit?: string): CrmError {
  try {
    decode(bytes, 1 << 16, explicit);
  } catch (err) {
    if (err instanceof CrmError) return err;
    throw err;
  }
  throw new Error('expected a CrmError');
}

const withBom = (bom: number[], body: Buffer) => Buffer.concat([Buffer.from(bom), body]);

describe('SourceDecoder: detection', () => {
  const cases: [string, Buffer, string][] = [
    ['UTF-8', Buffer.from(TEXT), 'utf8'],
    ['UTF-8 with BOM', withBom([0xef, 0xbb, 0xbf], Buffer.from(TEXT)), 'utf8'],
    ['GB18030', iconv.encode(TEXT, 'gb18030'), 'gb18030'],
    ['UTF-16LE with BOM', withBom([0xff, 0xfe], iconv.encode(TEXT, 'utf16le')), 'utf16le'],
    ['UTF-16BE with BOM', withBom([0xfe, 0xff], iconv.encode(TEXT, 'utf16be')), 'utf16be'],
    ['UTF-16LE without BOM', iconv.encode(TEXT, 'utf16le'), 'utf16le'],
    ['UTF-32LE with BOM', withBom([0xff, 0xfe, 0, 0], iconv.encode(TEXT, 'utf32le')), 'utf32le'],
    ['UTF-32BE with BOM', withBom([0, 0, 0xfe, 0xff], iconv.encode(TEXT, 'utf32be')), 'utf32be'],
    ['GB18030 behind a UTF-8 BOM', withBom([0xef, 0xbb, 0xbf], iconv.encode(TEXT, 'gb18030')), 'gb18030'],
  ];
  for (const [name, bytes, encoding] of cases) {
    it(`${name}: decoded exactly, BOM dropped, whatever the chunk size`, () => {
      for (const size of [1, 3, 7, 1 << 16]) {
        expect(decode(bytes, size)).toEqual({ text: TEXT, encoding, suspect: false });
      }
    });
  }

  it('a GB18030 file whose first 100 KB are ASCII is still read as GB18030', () => {
    const ascii = 'name,phone\r\n' + 'Wang Wei,13800138000\r\n'.repeat(5000);
    const bytes = Buffer.concat([Buffer.from(ascii), iconv.encode('张伟,13800138001\r\n', 'gb18030')]);
    const out = decode(bytes, 4096);
    expect(out.encoding).toBe('gb18030');
    expect(out.text.endsWith('张伟,13800138001\r\n')).toBe(true);
  });

  it('bad bytes in a UTF-8 file become the undecodable marker, a genuine U+FFFD does not', () => {
    const bytes = Buffer.concat([Buffer.from('名字,x\n张\uFFFD,'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]);
    const out = decode(bytes, 5);
    // 0xFF and 0xFE are each an invalid sequence.
    expect(out.text).toBe(`名字,x\n张\uFFFD,${UNDECODABLE}${UNDECODABLE}\n`);
    expect(out.suspect).toBe(true);
  });

  it('a cut multi-byte character at the very end is marked, not dropped', () => {
    expect(decode(Buffer.from('名字').subarray(0, 4), 2).text).toBe(`名${UNDECODABLE}`);
  });

  it('UTF-8 with a few GB18030 bytes mixed in stays UTF-8 (explicit or not): only those bytes are marked', () => {
    const bytes = Buffer.concat([Buffer.from('姓名,城市\n张伟,'), iconv.encode('北京', 'gb18030'), Buffer.from('\n')]);
    for (const explicit of ['utf8', undefined]) {
      const out = decode(bytes, 4, explicit);
      expect(out.encoding).toBe('utf8');
      expect(out.text.startsWith('姓名,城市\n张伟,')).toBe(true);
      expect(out.text).toContain(UNDECODABLE);
    }
  });

  it('an explicit encoding without a check (windows-1252) is used as given', () => {
    expect(decode(iconv.encode('name\nJosé\n', 'windows-1252'), 3, 'windows1252')).toEqual({ text: 'name\nJosé\n', encoding: 'windows1252', suspect: false });
  });

  it('an explicit windows-1252 on text behind a UTF-8 BOM: the BOM is dropped, the text decoded', () => {
    const bytes = withBom([0xef, 0xbb, 0xbf], iconv.encode('name\nJosé\n', 'windows-1252'));
    expect(decode(bytes, 3, 'windows1252')).toEqual({ text: 'name\nJosé\n', encoding: 'windows1252', suspect: false });
  });
});

describe('SourceDecoder: errors', () => {
  it('GB18030 read as UTF-8: names file, line and column of the first bad byte and advises --encoding', () => {
    const bytes = iconv.encode('name,city\nWang,北京\n', 'gb18030');
    const err = decodeError(bytes, 'utf8');
    expect(err.exitCode).toBe(EXIT.INPUT);
    expect(err.location).toEqual({ file: 'in.csv', line: 2, column: 6 });
    expect(err.format()).toMatch(/^in\.csv:2:6: byte 0xB1 is not valid UTF-8[\s\S]*GB18030[\s\S]*--encoding gb18030/);
  });


  it('UTF-8 read as GB18030: advises --encoding utf8', () => {
    const err = decodeError(Buffer.from('name,city\r\nWang,北京\r\n'), 'gb18030');
    expect(err.exitCode).toBe(EXIT.INPUT);
    expect(err.location).toEqual({ file: 'in.csv', line: 2, column: 6 });
    expect(err.format()).toMatch(/valid UTF-8[\s\S]*--encoding utf8/);
  });

  it('UTF-16 without a BOM read with --encoding utf8: says it is UTF-16', () => {
    const err = decodeError(iconv.encode(TEXT, 'utf16le'), 'utf8');
    expect(err.format()).toMatch(/looks like UTF-16LE text[\s\S]*--encoding utf16le/);
  });

  it.each([
    ['UTF-8 text', Buffer.from(TEXT), 'gb18030'],
    ['UTF-8 text', Buffer.from(TEXT), 'windows1252'],
    ['ASCII text', Buffer.from('name\nWang\n'), 'utf16le'],
  ])('a UTF-8 BOM before %s contradicts the explicit %s', (_name, body, explicit) => {
    const err = decodeError(withBom([0xef, 0xbb, 0xbf], body), explicit);
    expect(err.format()).toMatch(new RegExp(`^in\\.csv:1:1: the file starts with a UTF-8 byte-order mark, but encoding "${explicit}"`));
  });

  it('Windows-1252 behind a UTF-8 BOM: asks for --encoding instead of rejecting every row', () => {
    const err = decodeError(withBom([0xef, 0xbb, 0xbf], iconv.encode('name,city\nJosé Müller,Zürich\nFrançois Lefèvre,Orléans\n', 'windows-1252')));
    expect(err.location).toEqual({ file: 'in.csv', line: 2, column: 4 });
    expect(err.format()).toMatch(/byte 0xE9 is not UTF-8 \(despite the UTF-8 byte-order mark[\s\S]*--encoding windows-1252/);
  });

  it('neither UTF-8 nor GB18030: asks for --encoding', () => {
    const err = decodeError(iconv.encode('name,city\nJosé Müller,Zürich\nFrançois Lefèvre,Orléans\n', 'windows-1252'));
    expect(err.exitCode).toBe(EXIT.INPUT);
    expect(err.location).toEqual({ file: 'in.csv', line: 2, column: 4 });
    expect(err.format()).toMatch(/cannot tell the text encoding[\s\S]*--encoding windows-1252/);
  });

  it('an Excel workbook is refused with advice', () => {
    const err = decodeError(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200)]));
    expect(err.format()).toMatch(/xlsx[\s\S]*Export or save it as CSV/);
  });
});
