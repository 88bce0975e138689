import iconv from 'iconv-lite';
import { usageError } from '../model/errors.js';
import { scanUtf8 } from './utf8.js';

/**
 * Tell the text encoding of a CSV export from its bytes. Exports come from Excel
 * (UTF-8 with BOM, UTF-16 "Unicode text", GB18030/GBK on Chinese Windows) and from
 * databases (plain UTF-8). Pure functions over byte samples; decode-source.ts
 * applies them to a stream.
 */

export type BomEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'utf32le' | 'utf32be';

export function detectBom(bytes: Uint8Array): { encoding: BomEncoding; length: number } | null {
  const [a, b, c, d] = bytes;
  // UTF-32LE first: its BOM starts with the UTF-16LE one.
  if (a === 0xff && b === 0xfe && c === 0x00 && d === 0x00) return { encoding: 'utf32le', length: 4 };
  if (a === 0x00 && b === 0x00 && c === 0xfe && d === 0xff) return { encoding: 'utf32be', length: 4 };
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf8', length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf16be', length: 2 };
  return null;
}

/**
 * UTF-16 without a BOM: CSV text is full of ASCII (digits, commas, line breaks),
 * whose high byte is 0, so NULs pile up at odd offsets (LE) or even offsets (BE).
 */
export function detectUtf16WithoutBom(sample: Uint8Array): 'utf16le' | 'utf16be' | null {
  const n = sample.length - (sample.length % 2);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  // Han characters with a 0x00 byte exist (U+4E00 一), so allow a few NULs on the other side.
  if (oddNul >= pairs * 0.2 && evenNul * 8 <= oddNul) return 'utf16le';
  if (evenNul >= pairs * 0.2 && oddNul * 8 <= evenNul) return 'utf16be';
  return null;
}

const SAVE_AS_CSV = 'Export or save it as CSV (UTF-8) and import that file.';
const DECOMPRESS = 'Decompress it first (e.g. gunzip, unzip or 7z x) and import the CSV inside.';

/** What a non-text file most likely is and what to do, for the error message; null when it looks like text. */
export function detectBinary(sample: Uint8Array): { what: string; hint: string } | null {
  const starts = (...sig: number[]) => sig.every((x, i) => sample[i] === x);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return { what: 'a zip archive, such as an Excel workbook (.xlsx)', hint: `${SAVE_AS_CSV} If it is a zipped CSV: ${DECOMPRESS}` };
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return { what: 'an old Excel workbook (.xls)', hint: SAVE_AS_CSV };
  if (starts(0x25, 0x50, 0x44, 0x46)) return { what: 'a PDF document', hint: SAVE_AS_CSV };
  // Compressed exports (export.csv.gz, a mail attachment saved under the wrong name) are common on servers.
  if (starts(0x1f, 0x8b)) return { what: 'a gzip-compressed file (.gz)', hint: DECOMPRESS };
  if (starts(0x42, 0x5a, 0x68)) return { what: 'a bzip2-compressed file (.bz2)', hint: DECOMPRESS };
  if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return { what: 'an xz-compressed file (.xz)', hint: DECOMPRESS };
  if (starts(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)) return { what: 'a 7-Zip archive (.7z)', hint: DECOMPRESS };
  if (starts(0x52, 0x61, 0x72, 0x21, 0x1a, 0x07)) return { what: 'a RAR archive (.rar)', hint: DECOMPRESS };
  let nul = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) nul++;
  // A stray NUL is a bad row (rejected later); many of them is not a text file.
  return nul > 16 && nul * 20 > sample.length ? { what: 'a binary file (many NUL bytes)', hint: SAVE_AS_CSV } : null;
}

export interface Gb18030Scan {
  /** Two-byte characters. */
  pairs: number;
  /** Two-byte characters in the GB2312 hanzi/symbol area (both bytes ≥ 0xA1): ordinary Chinese text. */
  corePairs: number;
  fourByte: number;
  invalid: number;
  firstInvalid: number;
}

/** Structural GB18030 check: 1 byte < 0x80, lead 0x81–0xFE with trail 0x40–0x7E/0x80–0xFE, or 4 bytes. */
export function scanGb18030(bytes: Uint8Array, final: boolean): Gb18030Scan {
  const scan: Gb18030Scan = { pairs: 0, corePairs: 0, fourByte: 0, invalid: 0, firstInvalid: -1 };
  const end = bytes.length;
  const bad = (i: number) => {
    if (scan.firstInvalid < 0) scan.firstInvalid = i;
    scan.invalid++;
  };
  let i = 0;
  while (i < end) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b === 0x80 || b === 0xff) {
      bad(i++);
      continue;
    }
    if (i + 1 >= end) {
      if (final) bad(i);
      break;
    }
    const t = bytes[i + 1];
    if ((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfe)) {
      scan.pairs++;
      if (b >= 0xa1 && t >= 0xa1) scan.corePairs++;
      i += 2;
    } else if (t >= 0x30 && t <= 0x39) {
      if (i + 3 >= end) {
        if (final) bad(i);
        break;
      }
      const t2 = bytes[i + 2];
      const t3 = bytes[i + 3];
      if (t2 >= 0x81 && t2 <= 0xfe && t3 >= 0x30 && t3 <= 0x39) {
        scan.fourByte++;
        i += 4;
      } else bad(i++);
    } else bad(i++);
  }
  return scan;
}

/**
 * Chinese text in GB18030 is nearly all GB2312-area pairs. Latin-1 text can
 * also pass the structural check ("é" + a letter), but its pairs end in ASCII.
 */
export function looksLikeGb18030(scan: Gb18030Scan): boolean {
  const chars = scan.pairs + scan.fourByte;
  return chars > 0 && scan.invalid * 50 <= chars && scan.corePairs * 2 >= scan.pairs;
}

/**
 * Decide between UTF-8 and GB18030 from a window of bytes that holds non-ASCII.
 * Valid UTF-8 wins; mostly-valid UTF-8 stays UTF-8 (its bad rows are rejected
 * one by one); null when the bytes are neither (e.g. a Windows-1252 export).
 */
export function guessUtf8OrGb18030(window: Uint8Array, final: boolean): 'utf8' | 'gb18030' | null {
  const u8 = scanUtf8(window, final);
  if (u8.invalid === 0) return 'utf8';
  if (looksLikeGb18030(scanGb18030(window, final))) return 'gb18030';
  // Too little evidence to refuse the file: a couple of stray bytes are bad rows.
  if (u8.multibyte >= u8.invalid || u8.invalid < 3) return 'utf8';
  return null;
}

/** The names the error message suggests; iconv-lite accepts many more aliases. */
export const SUPPORTED_ENCODINGS = [
  'utf8',
  'utf16le',
  'utf16be',
  'utf32le',
  'utf32be',
  'gb18030',
  'gbk',
  'gb2312',
  'big5',
  'shift_jis',
  'euc-kr',
  'windows-1252',
  'latin1',
] as const;

const UTF8_NAMES = new Set(['utf8', 'unicode11utf8']);
const GB_NAMES = new Set(
  'gb18030 gbk xgbk isoir58 gb2312 gb231280 gb23121980 csgb2312 csiso58gb231280 euccn cp936 ms936 windows936 936 chinese'.split(' '),
);
/** iconv-lite "encodings" that are not text encodings. */
const NOT_TEXT = new Set(['base64', 'hex', 'base64url']);

/** iconv-lite's canonical spelling: lower case, letters and digits only ("UTF-8" → "utf8"). */
export function canonicalEncoding(name: string): string {
  return name.toLowerCase().replace(/[^0-9a-z]/g, '');
}

/** Validate a user-given encoding name; returns its canonical form. Unknown → usage error (exit 2). */
export function resolveEncoding(name: string): string {
  const canonical = canonicalEncoding(name);
  if (!canonical || NOT_TEXT.has(canonical) || !iconv.encodingExists(canonical)) {
    throw usageError(
      `unknown encoding "${name}"`,
      `Supported encodings include ${SUPPORTED_ENCODINGS.join(', ')} (any name iconv-lite knows); leave --encoding out to detect it.`,
    );
  }
  return UTF8_NAMES.has(canonical) ? 'utf8' : canonical;
}

/** ASCII bytes mean ASCII in it (UTF-8, GB18030, Windows-1252, Shift_JIS…; not UTF-16 or UTF-32). */
export function isAsciiCompatible(canonical: string): boolean {
  const ascii = 'name,phone\r\n';
  return iconv.decode(Buffer.from(ascii, 'latin1'), canonical) === ascii;
}

export function isGbFamily(canonical: string): boolean {
  return GB_NAMES.has(canonical);
}

/** BOM encodings and the explicit names compatible with them. */
export function bomMatches(bom: BomEncoding, canonical: string): boolean {
  if (bom === 'utf8') return canonical === 'utf8';
  if (bom === 'utf16le') return canonical === 'utf16le' || canonical === 'ucs2' || canonical === 'utf16';
  if (bom === 'utf16be') return canonical === 'utf16be' || canonical === 'utf16';
  if (bom === 'utf32le') return canonical === 'utf32le' || canonical === 'utf32';
  return canonical === 'utf32be' || canonical === 'utf32';
}
