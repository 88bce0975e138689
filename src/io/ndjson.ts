import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import { inputError } from '../model/errors.js';

/**
 * Newline-delimited JSON, the format between crmclean stages: one JSON value
 * per line. Reading reports the line of a bad value; writing honours
 * back-pressure so a million records stream in bounded memory.
 */

export interface NdjsonLine {
  value: unknown;
  /** 1-based line number. */
  line: number;
}

/**
 * Parse a byte or text stream line by line. Blank lines are skipped; `\r\n`
 * works; a BOM on the first line is dropped. Bad JSON → CrmError exit 3 naming
 * `file` and the line.
 */
export async function* readNdjson(input: AsyncIterable<string | Uint8Array>, file = '<stdin>'): AsyncGenerator<NdjsonLine> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let line = 0;
  const parse = (text: string): NdjsonLine | null => {
    line++;
    const body = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
    if (body === '') return null;
    try {
      return { value: JSON.parse(body), line };
    } catch (err) {
      throw inputError(
        `line ${line} is not valid JSON: ${(err as Error).message}`,
        { file, line },
        'Each line must be one JSON value, as written by another crmclean stage (e.g. crmclean import a.csv | crmclean normalize).',
      );
    }
  };
  for await (const chunk of input) {
    const text = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      const parsed = parse(text.slice(start, nl));
      if (parsed) yield parsed;
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  const parsed = parse(rest + decoder.end());
  if (parsed) yield parsed;
}

export function toNdjsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

const BATCH_CHARS = 1 << 16;

/** Write each value as one line; waits for 'drain' when the stream is full. Does not end the stream. */
export async function writeNdjson(out: NodeJS.WritableStream, values: Iterable<unknown> | AsyncIterable<unknown>): Promise<void> {
  let batch = '';
  for await (const value of values) {
    batch += toNdjsonLine(value);
    if (batch.length >= BATCH_CHARS) {
      if (!out.write(batch)) await once(out as NodeJS.EventEmitter, 'drain');
      batch = '';
    }
  }
  // Resolve once the last batch is handed to the OS (or fail with the stream's error).
  await new Promise<void>((resolve, reject) => out.write(batch, (err) => (err ? reject(err) : resolve())));
}
