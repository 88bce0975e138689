/**
 * UTF-8 validation by hand, because the import must tell *which* rows hold bytes
 * that are not UTF-8 — Node's decoders silently turn them into U+FFFD, which a
 * file may also contain legitimately.
 */

/** Stands in for bytes that could not be decoded: a Unicode noncharacter, reserved for internal use. */
export const UNDECODABLE = '\uFFFF';

/**
 * Length of the UTF-8 sequence starting at `i`: > 0 when valid, 0 when it is
 * cut off by `end` (more bytes needed), or -n when invalid, n being the length
 * of the maximal invalid subpart to skip (Unicode "substitution of maximal subparts").
 */
export function utf8SequenceAt(bytes: Uint8Array, i: number, end: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b >= 0xe0 && b <= 0xef) {
    need = 2;
    if (b === 0xe0) lo = 0xa0; // no overlong forms
    else if (b === 0xed) hi = 0x9f; // no surrogates
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3;
    if (b === 0xf0) lo = 0x90;
    else if (b === 0xf4) hi = 0x8f; // nothing above U+10FFFF
  } else return -1;
  for (let k = 1; k <= need; k++) {
    if (i + k >= end) return 0;
    const c = bytes[i + k];
    const min = k === 1 ? lo : 0x80;
    const max = k === 1 ? hi : 0xbf;
    if (c < min || c > max) return -k;
  }
  return need + 1;
}

export interface Utf8Scan {
  /** Valid sequences of two bytes or more. */
  multibyte: number;
  /** Invalid sequences (each maximal invalid subpart counts once). */
  invalid: number;
  /** Offset of the first invalid byte, or -1. */
  firstInvalid: number;
}

/** Count valid multi-byte and invalid sequences; a sequence cut off by the end counts as neither unless `final`. */
export function scanUtf8(bytes: Uint8Array, final: boolean): Utf8Scan {
  const scan: Utf8Scan = { multibyte: 0, invalid: 0, firstInvalid: -1 };
  const end = bytes.length;
  let i = 0;
  while (i < end) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceAt(bytes, i, end);
    if (n > 0) {
      scan.multibyte++;
      i += n;
    } else if (n === 0 && !final) {
      break;
    } else {
      if (scan.firstInvalid < 0) scan.firstInvalid = i;
      scan.invalid++;
      i += n === 0 ? end - i : -n;
    }
  }
  return scan;
}

/** Where a cut-off sequence at the end begins (so it can wait for the next chunk), or `bytes.length`. */
export function completeUtf8Length(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let k = end - 1; k >= 0 && k >= end - 3; k--) {
    const b = bytes[k];
    if (b < 0x80) return end;
    if (b >= 0xc0) return utf8SequenceAt(bytes, k, end) === 0 ? k : end;
  }
  return end;
}

/** Decode, replacing each invalid sequence with {@link UNDECODABLE} (a legitimate U+FFFD stays U+FFFD). */
export function decodeUtf8Marking(bytes: Buffer): string {
  const end = bytes.length;
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  while (i < end) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceAt(bytes, i, end);
    if (n > 0) {
      i += n;
      continue;
    }
    parts.push(bytes.toString('utf8', start, i), UNDECODABLE);
    i += n === 0 ? end - i : -n;
    start = i;
  }
  parts.push(bytes.toString('utf8', start, end));
  return parts.join('');
}
