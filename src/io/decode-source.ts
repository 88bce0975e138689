import iconv from 'iconv-lite';
import { inputError, type CrmError, type ErrorLocation } from '../model/errors.js';
import {
  bomMatches,
  detectBinary,
  detectBom,
  detectUtf16WithoutBom,
  guessUtf8OrGb18030,
  isAsciiCompatible,
  isGbFamily,
  looksLikeGb18030,
  scanGb18030,
  type BomEncoding,
} from './detect-encoding.js';
import { UNDECODABLE, completeUtf8Length, decodeUtf8Marking, scanUtf8 } from './utf8.js';

/** Enough bytes to see a BOM, UTF-16 NUL patterns or a binary signature. */
const HEAD_BYTES = 4096;
/** Bytes, from the first non-ASCII byte on, looked at to choose UTF-8 or GB18030. */
const WINDOW_BYTES = 65536;

interface ChunkDecoder {
  write(bytes: Buffer): string;
  end(): string;
}

/** UTF-8 with invalid sequences turned into {@link UNDECODABLE}, valid chunks on Node's native fast path. */
class Utf8ChunkDecoder implements ChunkDecoder {
  private carry: Buffer | null = null;

  write(chunk: Buffer): string {
    const bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const n = completeUtf8Length(bytes);
    this.carry = n < bytes.length ? bytes.subarray(n) : null;
    const complete = bytes.subarray(0, n);
    const text = complete.toString('utf8');
    // No U+FFFD: every byte was valid. Otherwise tell legitimate U+FFFD from bad bytes.
    return text.includes('\uFFFD') ? decodeUtf8Marking(complete) : text;
  }

  end(): string {
    const rest = this.carry;
    this.carry = null;
    return rest ? decodeUtf8Marking(rest) : '';
  }
}

/** Any other encoding through iconv-lite; its replacement character marks undecodable bytes. */
class IconvChunkDecoder implements ChunkDecoder {
  private readonly decoder: iconv.DecoderStream;

  constructor(encoding: string) {
    this.decoder = iconv.getDecoder(encoding, { stripBOM: false });
  }

  write(bytes: Buffer): string {
    return mark(this.decoder.write(bytes));
  }

  end(): string {
    return mark(this.decoder.end() ?? '');
  }
}

const mark = (s: string) => (s.includes('\uFFFD') ? s.replaceAll('\uFFFD', UNDECODABLE) : s);

const BOM_LABEL: Record<BomEncoding, string> = {
  utf8: 'UTF-8',
  utf16le: 'UTF-16LE',
  utf16be: 'UTF-16BE',
  utf32le: 'UTF-32LE',
  utf32be: 'UTF-32BE',
};

const AUTO_HINT = 'Leave --encoding out to detect the encoding, or set it per file in the config.';

/**
 * Bytes → text for one file, choosing the encoding as the bytes arrive: a BOM
 * or UTF-16 pattern decides at once; otherwise ASCII passes through (it is the
 * same in UTF-8 and GB18030) until the first non-ASCII byte, and a window from
 * there decides. So a GB18030 file whose first thousand rows are ASCII is still
 * read right. Bytes that cannot be decoded become {@link UNDECODABLE}, for the
 * reader to reject their rows.
 */
export class SourceDecoder {
  /** The encoding in use (the one asked for, or "utf8", while everything so far is ASCII). */
  encoding: string;
  /** True once any decoded text held a NUL or an undecodable byte: rows need checking. */
  suspect = false;

  private mode: 'head' | 'ascii' | 'window' | 'decoding' = 'head';
  private held: Buffer[] = [];
  private heldBytes = 0;
  private decoder: ChunkDecoder | null = null;
  // Position of the next byte while in ASCII mode, for error messages.
  private line = 1;
  private column = 1;
  private afterCR = false;
  /** The file starts with a UTF-8 BOM: the bytes after it still decide, but UTF-8 text contradicts any other name. */
  private utf8Bom = false;

  /** @param explicit canonical encoding name the user asked for (see resolveEncoding). */
  constructor(
    private readonly file: string,
    private readonly explicit?: string,
  ) {
    this.encoding = explicit ?? 'utf8';
  }

  write(chunk: Buffer): string {
    if (this.decoder) return this.watch(this.decoder.write(chunk));
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    return this.watch(this.advance(false));
  }

  end(): string {
    const text = this.decoder ? '' : this.advance(true);
    return this.watch(text + (this.decoder ? this.decoder.end() : ''));
  }

  private watch(text: string): string {
    if (!this.suspect && (text.includes('\0') || text.includes(UNDECODABLE))) this.suspect = true;
    return text;
  }

  private take(): Buffer {
    const bytes = this.held.length === 1 ? this.held[0] : Buffer.concat(this.held);
    this.held = [];
    this.heldBytes = 0;
    return bytes;
  }

  private advance(final: boolean): string {
    if (this.mode === 'head') {
      if (this.heldBytes < HEAD_BYTES && !final) return '';
      const head = this.take();
      const decided = this.decideFromHead(head);
      const rest = head.subarray(decided.skip);
      if (decided.encoding) return this.startDecoding(decided.encoding, rest);
      this.mode = 'ascii';
      this.held.push(rest);
      this.heldBytes = rest.length;
    }
    if (this.mode === 'ascii') {
      const bytes = this.take();
      const k = this.skipAscii(bytes);
      const ascii = bytes.toString('latin1', 0, k);
      if (k === bytes.length) return ascii;
      this.mode = 'window';
      this.held.push(bytes.subarray(k));
      this.heldBytes = bytes.length - k;
      return ascii + this.advance(final);
    }
    if (this.heldBytes < WINDOW_BYTES && !final) return '';
    const window = this.take();
    return this.startDecoding(this.decideFromWindow(window, final), window);
  }

  private startDecoding(encoding: string, bytes: Buffer): string {
    this.encoding = encoding;
    this.mode = 'decoding';
    this.decoder = encoding === 'utf8' ? new Utf8ChunkDecoder() : new IconvChunkDecoder(encoding);
    return this.decoder.write(bytes);
  }

  /** The encoding if the head settles it (else null: the first non-ASCII bytes will), and the BOM bytes to skip. */
  private decideFromHead(head: Buffer): { encoding: string | null; skip: number } {
    const bom = detectBom(head);
    const explicit = this.explicit;
    // Some tools write a UTF-8 BOM in front of whatever they save (a Windows-1252 or GBK export included), so
    // it does not settle the encoding the way a UTF-16 or UTF-32 BOM does: the bytes after it decide.
    if (bom?.encoding === 'utf8' && (!explicit || isAsciiCompatible(explicit))) {
      this.utf8Bom = true;
      return { encoding: null, skip: bom.length };
    }
    if (bom) {
      if (explicit && !bomMatches(bom.encoding, explicit)) throw this.bomContradicts(BOM_LABEL[bom.encoding]);
      return { encoding: bom.encoding, skip: bom.length };
    }
    // Only UTF-8 and GB18030 get the look-before-decoding check; other explicit names are trusted.
    if (explicit && explicit !== 'utf8' && !isGbFamily(explicit)) return { encoding: explicit, skip: 0 };
    const utf16 = detectUtf16WithoutBom(head);
    if (utf16 && !explicit) return { encoding: utf16, skip: 0 };
    if (utf16) {
      throw inputError(
        `the file looks like ${utf16 === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE'} text without a byte-order mark (NUL bytes between the characters), but encoding "${explicit}" was asked for`,
        { file: this.file },
        `Use --encoding ${utf16}. ${AUTO_HINT}`,
      );
    }
    const binary = detectBinary(head);
    if (binary) {
      throw inputError(`this looks like ${binary.what}, not a CSV text file`, { file: this.file }, binary.hint);
    }
    return { encoding: null, skip: 0 };
  }

  private bomContradicts(label: string): CrmError {
    return inputError(
      `the file starts with a ${label} byte-order mark, but encoding "${this.explicit}" was asked for`,
      { file: this.file, line: 1, column: 1 },
      'Leave --encoding out: the byte-order mark says the encoding.',
    );
  }

  /** Index of the first byte ≥ 0x80, tracking line and column of the bytes passed. */
  private skipAscii(bytes: Buffer): number {
    let { line, column, afterCR } = this;
    let i = 0;
    for (; i < bytes.length; i++) {
      const b = bytes[i];
      if (b >= 0x80) break;
      if (b === 0x0a) {
        if (!afterCR) line++;
        column = 1;
      } else if (b === 0x0d) {
        line++;
        column = 1;
      } else column++;
      afterCR = b === 0x0d;
    }
    Object.assign(this, { line, column, afterCR });
    return i;
  }

  /** Line and column of `offset` in a window starting at the current position (text before it is valid UTF-8). */
  private locate(window: Buffer, offset: number): ErrorLocation {
    let { line, column, afterCR } = this;
    for (let i = 0; i < offset; i++) {
      const b = window[i];
      if (b === 0x0a) {
        if (!afterCR) line++;
        column = 1;
      } else if (b === 0x0d) {
        line++;
        column = 1;
      } else if (b < 0x80 || b >= 0xc0) column++; // count characters, not continuation bytes
      afterCR = b === 0x0d;
    }
    return { file: this.file, line, column };
  }

  private decideFromWindow(window: Buffer, final: boolean): string {
    const explicit = this.explicit;
    if (!explicit) {
      const guess = guessUtf8OrGb18030(window, final);
      if (guess) return guess;
      const at = scanUtf8(window, final).firstInvalid;
      const despite = this.utf8Bom ? ' (despite the UTF-8 byte-order mark it starts with)' : '';
      throw inputError(
        `cannot tell the text encoding: byte 0x${hex(window[at])} is not UTF-8${despite}, and the text is not GB18030 Chinese either`,
        this.locate(window, at),
        'Name the encoding with --encoding, e.g. --encoding windows-1252 for a Western European Excel export, big5 or shift_jis for other Asian ones.',
      );
    }
    const u8 = scanUtf8(window, final);
    if (this.utf8Bom && explicit !== 'utf8' && u8.invalid === 0 && u8.multibyte > 0) throw this.bomContradicts('UTF-8');
    if (explicit === 'utf8') {
      if (u8.invalid > 0 && looksLikeGb18030(scanGb18030(window, final))) {
        throw inputError(
          `byte 0x${hex(window[u8.firstInvalid])} is not valid UTF-8, but encoding utf8 was asked for; the file looks GB18030/GBK-encoded (what Chinese Excel saves as CSV)`,
          this.locate(window, u8.firstInvalid),
          `Use --encoding gb18030. ${AUTO_HINT}`,
        );
      }
      return 'utf8';
    }
    // Other names are trusted; text in a GB-family name that is valid multi-byte UTF-8 would decode to mojibake.
    if (isGbFamily(explicit) && u8.invalid === 0 && u8.multibyte >= 2) {
      throw inputError(
        `encoding "${explicit}" was asked for, but the text from here on is valid UTF-8 (byte 0x${hex(window[0])} starts a UTF-8 character)`,
        this.locate(window, 0),
        `Use --encoding utf8. ${AUTO_HINT}`,
      );
    }
    return explicit;
  }
}

const hex = (b: number) => b.toString(16).toUpperCase().padStart(2, '0');
