const CHUNK_BYTES = 1 << 20;

/**
 * A big file's bytes, gathered into new chunks of about a megabyte as it is
 * made: text is encoded straight into the chunk, bytes are copied in. Joining
 * thousands of lines into one string to encode it makes the garbage collector
 * see every byte twice more, and costs most of the writing of a million lines.
 * A chunk handed out is never touched again (see FileContent).
 */
export class ByteChunks {
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  /**
   * Makes room for `bytes` more, starting a new chunk if this one lacks it:
   * then returns the full one, to be handed out, else null. Text takes up to
   * 3 bytes per UTF-16 code unit.
   */
  room(bytes: number): Buffer | null {
    if (this.used + bytes <= this.chunk.length) return null;
    const full = this.used ? this.chunk.subarray(0, this.used) : null;
    this.chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
    this.used = 0;
    return full;
  }

  text(s: string): void {
    this.used += this.chunk.write(s, this.used);
  }

  bytes(b: Uint8Array): void {
    this.chunk.set(b, this.used);
    this.used += b.length;
  }

  byte(b: number): void {
    this.chunk[this.used++] = b;
  }

  /** The last chunk, partly filled, or null when empty. */
  rest(): Buffer | null {
    return this.used ? this.chunk.subarray(0, this.used) : null;
  }
}

/** `head`, then the line of each item, each ending in a line break, in chunks of about a megabyte. */
export function* lineChunks<T>(head: readonly string[], items: Iterable<T>, line: (item: T) => string | Uint8Array): Generator<Buffer> {
  const out = new ByteChunks();
  const put = (l: string | Uint8Array): Buffer | null => {
    const text = typeof l === 'string';
    const full = out.room(text ? 3 * l.length + 1 : l.length + 1);
    if (text) out.text(l);
    else out.bytes(l);
    out.byte(0x0a);
    return full;
  };
  for (const l of head) {
    const full = put(l);
    if (full) yield full;
  }
  for (const item of items) {
    const full = put(line(item));
    if (full) yield full;
  }
  const rest = out.rest();
  if (rest) yield rest;
}
