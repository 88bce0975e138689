import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  detectBinary,
  detectBom,
  detectUtf16WithoutBom,
  guessUtf8OrGb18030,
  isAsciiCompatible,
  looksLikeGb18030,
  resolveEncoding,
  scanGb18030,
} from '../../src/io/detect-encoding.js';
import { CrmError, EXIT } from '../../src/model/errors.js';

const CHINESE = '客户编号,姓名,手机,地址\nC001,张伟,13800138000,北京市朝阳区建国路88号\nC002,李娜,13912345678,上海市浦东新区世纪大道100号\n';
const LATIN = 'name,city\nJosé Müller,Zürich\nFrançois Lefèvre,Orléans\nSeñora Núñez,Málaga\n';

describe('detectBom', () => {
  it.each([
    ['utf8', [0xef, 0xbb, 0xbf, 0x61], { encoding: 'utf8', length: 3 }],
    ['utf16le', [0xff, 0xfe, 0x61, 0x00], { encoding: 'utf16le', length: 2 }],
    ['utf16be', [0xfe, 0xff, 0x00, 0x61], { encoding: 'utf16be', length: 2 }],
    ['utf32le', [0xff, 0xfe, 0x00, 0x00], { encoding: 'utf32le', length: 4 }],
    ['utf32be', [0x00, 0x00, 0xfe, 0xff], { encoding: 'utf32be', length: 4 }],
    ['none', [0x61, 0x62], null],
    ['empty', [], null],
  ])('%s', (_name, b, expected) => {
    expect(detectBom(Buffer.from(b))).toEqual(expected);
  });
});

describe('detectUtf16WithoutBom', () => {
  it.each([
    ['utf16le', iconv.encode(CHINESE, 'utf16le'), 'utf16le'],
    ['utf16be', iconv.encode(CHINESE, 'utf16be'), 'utf16be'],
    ['utf8', Buffer.from(CHINESE), null],
    ['gb18030', iconv.encode(CHINESE, 'gb18030'), null],
  ])('%s', (_name, buf, expected) => {
    expect(detectUtf16WithoutBom(buf)).toBe(expected);
  });
});

describe('isAsciiCompatible', () => {
  it.each([
    ['utf8', true],
    ['gb18030', true],
    ['windows1252', true],
    ['shiftjis', true],
    ['utf16le', false],
    ['utf32be', false],
  ])('%s → %s', (encoding, expected) => {
    expect(isAsciiCompatible(encoding)).toBe(expected);
  });
});

describe('detectBinary', () => {
  it.each([
    ['xlsx (zip)', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /xlsx/],
    ['xls (OLE)', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), /\.xls\b/],
    ['many NULs', Buffer.alloc(1000), /binary/],
    ['gzip', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00]), /gzip/],
    ['bzip2', Buffer.from('BZh91AY&SY'), /bzip2/],
    ['xz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00]), /xz/],
    ['7-Zip', Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0x00]), /7-Zip/],
    ['RAR', Buffer.from('Rar!\x1a\x07\x00', 'latin1'), /RAR/],
  ])('%s', (_name, buf, pattern) => {
    expect(detectBinary(buf)?.what).toMatch(pattern);
  });

  it.each([
    ['UTF-8 text', Buffer.from(CHINESE)],
    ['text with one stray NUL', Buffer.from(`${CHINESE}\0${CHINESE}`)],
  ])('%s is text', (_name, buf) => {
    expect(detectBinary(buf)).toBeNull();
  });
});

describe('GB18030 recognition', () => {
  it('Chinese text in GB18030 looks like GB18030', () => {
    const scan = scanGb18030(iconv.encode(CHINESE, 'gb18030'), true);
    expect(scan.invalid).toBe(0);
    expect(looksLikeGb18030(scan)).toBe(true);
  });

  it('Latin-1 text does not, even where its bytes happen to pair up', () => {
    expect(looksLikeGb18030(scanGb18030(iconv.encode(LATIN, 'latin1'), true))).toBe(false);
  });

  it('4-byte GB18030 sequences (characters outside GBK) are valid', () => {
    const scan = scanGb18030(iconv.encode('€😀', 'gb18030'), true);
    expect(scan).toMatchObject({ invalid: 0, fourByte: 1 });
  });
});

describe('guessUtf8OrGb18030', () => {
  it.each([
    ['UTF-8 Chinese', Buffer.from(CHINESE), 'utf8'],
    ['GB18030 Chinese', iconv.encode(CHINESE, 'gb18030'), 'gb18030'],
    ['UTF-8 with one corrupt byte', Buffer.concat([Buffer.from(CHINESE), Buffer.from([0xff]), Buffer.from(CHINESE)]), 'utf8'],
    ['Windows-1252 Latin text', iconv.encode(LATIN, 'windows-1252'), null],
  ])('%s', (_name, buf, expected) => {
    expect(guessUtf8OrGb18030(buf, true)).toBe(expected);
  });
});

describe('resolveEncoding', () => {
  it.each([
    ['UTF-8', 'utf8'],
    ['utf8', 'utf8'],
    ['GB18030', 'gb18030'],
    ['GBK', 'gbk'],
    ['windows-1252', 'windows1252'],
    ['UTF-16LE', 'utf16le'],
  ])('%s → %s', (name, canonical) => {
    expect(resolveEncoding(name)).toBe(canonical);
  });

  it.each(['klingon', 'base64', ''])('"%s" is a usage error listing the supported names', (name) => {
    let error: unknown;
    try {
      resolveEncoding(name);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).exitCode).toBe(EXIT.USAGE);
    expect((error as CrmError).format()).toMatch(/unknown encoding[\s\S]*utf8[\s\S]*utf16le[\s\S]*gb18030/);
  });
});
