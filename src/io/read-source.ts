import { createReadStream } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CanonicalField } from '../model/fields.js';
import type { SourceRecord } from '../model/record.js';
import { CrmError, inputError } from '../model/errors.js';
import { MAX_ROWS_ABOVE_HEADER, detectColumnMapping, namesAnyColumn, type ColumnMapping, type ColumnTarget } from './column-mapping.js';
import { CsvTokenizer, filledCells, fitsHeader, isBlankRecord, type BrokenCode, type TokenizerSink } from './csv-tokenizer.js';
import { SourceDecoder } from './decode-source.js';
import { resolveEncoding } from './detect-encoding.js';
import { cleanHeaderRow } from './header-names.js';
import { REJECT_CODES, type Reject, type RejectCode } from './reject.js';
import { isTotalRow } from './total-row.js';
import { resolveDelimiter, sniffDelimiter } from './sniff-delimiter.js';
import { UNDECODABLE } from './utf8.js';

export interface ReadSourceOptions {
  /** Encoding name (utf8, gb18030, utf16le, windows-1252, …); detected when absent. */
  encoding?: string;
  /** One character; detected among , ; tab | when absent. */
  delimiter?: string;
  /** Header → canonical field or "ignore"; overrides detection for the headers named. */
  columns?: Readonly<Record<string, ColumnTarget>>;
  /** Fields that must all be mapped. Default: at least one of {@link IDENTIFYING_FIELDS}. */
  required?: readonly CanonicalField[];
}

export interface SourceSummary {
  /** File base name: the source's name in every output. */
  source: string;
  /** Path as given. */
  path: string;
  /** Encoding used, in a form `encoding` accepts back ("utf8", "gb18030", "utf16le", …). */
  encoding: string;
  delimiter: string;
  /** Header names after blank/duplicate repair (see cleanHeaderRow). */
  headers: string[];
  /** Header → canonical field, "ignore", or null (kept as an extra column). */
  mapping: Record<string, ColumnTarget | null>;
  records: number;
  rejects: number;
  /** Renamed headers, columns that lost a field to an earlier one. */
  warnings: string[];
  /** Headers recognised neither by name nor by their words, nor named in `columns`: kept as extra columns. */
  unknownColumns: string[];
}

/** Without one of these a row cannot be matched to anything. */
export const IDENTIFYING_FIELDS: readonly CanonicalField[] = ['name', 'given_name', 'surname', 'phone', 'phone2', 'email', 'id_number', 'company'];

/** A longer cell is not customer data (a pasted document, a runaway quote); its row is rejected. */
export const MAX_CELL_CHARS = 1 << 20;

const READ_CHUNK_BYTES = 256 * 1024;
const SNIFF_CHARS = 64 * 1024;
const SEP_LINE = /^sep=([^\r\n"])(?:\r\n|\r|\n)/i;

/**
 * Stream one CSV/TSV export into records: encoding and delimiter detected,
 * headers mapped, each data row delivered as a record (with source, row, line)
 * or a reject with a reason. Problems with the file as a whole throw CrmError
 * (exit 3, naming the file and line); bad options throw exit 2.
 */
export async function readSource(
  path: string,
  options: ReadSourceOptions,
  onRecord: (record: SourceRecord) => void,
  onReject: (reject: Reject) => void,
): Promise<SourceSummary> {
  const encoding = options.encoding === undefined ? undefined : resolveEncoding(options.encoding);
  const explicitDelimiter = options.delimiter === undefined ? undefined : resolveDelimiter(options.delimiter);
  await assertReadableFile(path);

  const decoder = new SourceDecoder(path, encoding);
  const rows = new RowReader(path, options, decoder, onRecord, onReject);
  let tokenizer: CsvTokenizer | null = null;
  let delimiter = explicitDelimiter ?? ',';
  let sample = '';
  const feed = (text: string, final: boolean) => {
    if (!tokenizer) {
      // The delimiter is sniffed from the first decoded text, then that text is tokenized too.
      sample += text;
      if (sample.length < SNIFF_CHARS && !final) return;
      // Excel's "sep=;" first line declares the delimiter and is not the header.
      const sep = SEP_LINE.exec(sample);
      delimiter = explicitDelimiter ?? sep?.[1] ?? sniffDelimiter(sample.slice(0, SNIFF_CHARS), final && sample.length <= SNIFF_CHARS);
      tokenizer = new CsvTokenizer({ delimiter, firstLine: sep ? 2 : 1 }, rows);
      text = sep ? sample.slice(sep[0].length) : sample;
      sample = '';
    }
    if (text) tokenizer.push(text);
    if (final) tokenizer.end();
  };

  let bytes = 0;
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  try {
    for await (const chunk of stream) {
      bytes += (chunk as Buffer).length;
      feed(decoder.write(chunk as Buffer), false);
      // Parsing is slower than reading, so the next chunk is usually buffered and the loop would never give the event
      // loop a turn: let other work in (worker threads normalizing the records already read, progress) between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
    feed(decoder.end(), true);
    rows.end();
  } catch (err) {
    // File-system failures (errno codes) get a plain message; anything else (a callback's own error) passes.
    throw (err as NodeJS.ErrnoException).code && !(err instanceof CrmError) ? fileError(err, path) : err;
  } finally {
    stream.destroy();
  }

  if (!rows.headers) {
    throw inputError(bytes === 0 ? 'the file is empty (0 bytes)' : 'the file has no rows, only blank lines', { file: path }, 'Export the table again, with its header row.');
  }
  return {
    source: basename(path),
    path,
    encoding: decoder.encoding,
    delimiter,
    headers: rows.headers,
    mapping: rows.mapping!.mapping,
    records: rows.records,
    rejects: rows.rejects,
    warnings: rows.warnings,
    unknownColumns: rows.unknownColumns,
  };
}

/** Turns tokenized rows into the header, then records and rejects. */
class RowReader implements TokenizerSink {
  readonly source: string;
  headers: string[] | null = null;
  mapping: ColumnMapping | null = null;
  warnings: string[] = [];
  unknownColumns: string[] = [];
  records = 0;
  rejects = 0;
  private rows = 0;
  /** Per column: the canonical field it fills, or null. */
  private fieldAt: (CanonicalField | null)[] = [];
  /** Per column: the extra key it fills, or null (mapped or ignored). */
  private extraAt: (string | null)[] = [];
  /** Fewest fields a row may have: unnamed columns at the end of the header are optional. */
  private minFields = 0;
  /** The header row's cells as read, to tell it again further down. */
  private headerCells: string[] = [];
  /** Rows before the header that name no column: a title or notes, while the header is still to come. */
  private above: { cells: string[]; line: number }[] = [];

  constructor(
    private readonly path: string,
    private readonly options: ReadSourceOptions,
    private readonly decoder: SourceDecoder,
    private readonly onRecord: (record: SourceRecord) => void,
    private readonly onReject: (reject: Reject) => void,
  ) {
    this.source = basename(path);
  }

  record(fields: string[], line: number, lines: number): void {
    if (isBlankRecord(fields)) return;
    if (!this.headers) {
      this.findHeader(fields, line);
      return;
    }
    const row = ++this.rows;
    const problem = this.problemWith(fields, line, lines);
    if (problem) {
      this.reject(row, line, problem.code, problem.reason);
      return;
    }
    this.records++;
    this.onRecord(this.build(fields, row, line));
  }

  broken(line: number, code: BrokenCode, reason: string): void {
    if (!this.headers) {
      throw inputError(`the header row cannot be read: ${reason}`, { file: this.path, line }, 'Fix the quotes in the first line of the file.');
    }
    this.reject(++this.rows, line, code === 'unbalanced_quote' ? REJECT_CODES.unbalancedQuote : REJECT_CODES.lineTooLong, reason);
  }

  private reject(row: number, line: number, code: RejectCode, reason: string): void {
    this.rejects++;
    this.onReject({ source: this.source, row, line, code, reason });
  }

  /** The file ended: rows were held as a title, but no header came after them. */
  end(): void {
    if (!this.headers && this.above.length > 0) throw this.noHeaderRow(this.above.length);
  }

  /**
   * Excel and report tools put a title, the export date or a filter above the header ("客户信息导出 2026-11-01").
   * Rows naming no column are held until a row that does, and skipped with a warning if each is narrower than that
   * header: a row as wide as it is data, in a file that has no header row.
   */
  private findHeader(cells: string[], line: number): void {
    const named = namesAnyColumn(cells, this.options.columns);
    if (!named && this.above.length < MAX_ROWS_ABOVE_HEADER) {
      this.above.push({ cells, line });
      return;
    }
    if (!named) throw this.noHeaderRow(this.above.length + 1);
    const width = filledCells(cells);
    if (this.above.some((r) => filledCells(r.cells) >= width)) throw this.noHeaderRow(this.above.length);
    this.setHeader(cells, line);
    if (this.above.length > 0) {
      const lines = this.above.map((r) => r.line).join(', ');
      const text = this.above.map((r) => describeHeaders(r.cells.filter((c) => c.trim() !== ''))).join('; ');
      this.warnings.unshift(`${this.above.length > 1 ? 'lines' : 'line'} ${lines} above the header skipped, a title or notes and not column names: ${text}`);
    }
  }

  /** The error for a file whose first row is not a header, nor are the `looked - 1` rows after it. */
  private noHeaderRow(looked: number): CrmError {
    const { cells, line } = this.above[0];
    const { headers } = cleanHeaderRow(cells);
    const more = looked > 1 ? `, nor of the ${looked - 1} rows after it,` : '';
    return inputError(
      `no header row recognised: none of the ${headers.length} cells of line ${line}${more} is a known column name`,
      { file: this.path, line },
      `The first line must name the columns (e.g. 姓名, 手机, 邮箱 or name, phone, email). Headers seen: ${describeHeaders(headers)}.`,
    );
  }

  private setHeader(cells: string[], line: number): void {
    const { headers, warnings, unnamed } = cleanHeaderRow(cells);
    let mapping: ColumnMapping;
    try {
      mapping = detectColumnMapping(headers, this.options.columns);
    } catch (err) {
      // Config problems are found here, so say which file they concern.
      if (err instanceof CrmError) throw new CrmError(err.message, err.exitCode, { file: this.path, line }, err.hint);
      throw err;
    }
    const mapped = new Set(Object.values(mapping.mapping).filter((t): t is CanonicalField => t !== null && t !== 'ignore'));
    const seen = `Headers seen: ${describeHeaders(headers)}.`;
    const required = this.options.required;
    const missing = required ? required.filter((f) => !mapped.has(f)) : IDENTIFYING_FIELDS.some((f) => mapped.has(f)) ? [] : null;
    if (missing === null || missing.length > 0) {
      const what = missing ? `missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}` : `no column identifies a customer (one of ${IDENTIFYING_FIELDS.join(', ')} is needed)`;
      throw inputError(what, { file: this.path, line }, `${seen} Map a column in the config's "columns" for this source if its name was not recognised.`);
    }
    this.headers = headers;
    this.mapping = mapping;
    this.warnings = [...warnings, ...mapping.warnings];
    // A column with no header is in the warnings already.
    this.unknownColumns = mapping.unknown.filter((h) => !unnamed.includes(h));
    this.fieldAt = headers.map((h) => {
      const t = mapping.mapping[h];
      return t === null || t === 'ignore' ? null : t;
    });
    this.extraAt = headers.map((h) => (mapping.mapping[h] === null ? h : null));
    this.headerCells = cells;
    this.minFields = cells.length;
    while (this.minFields > 0 && cells[this.minFields - 1].trim() === '') this.minFields--;
  }

  private problemWith(fields: string[], line: number, lines: number): { code: RejectCode; reason: string } | null {
    if (this.repeatsHeader(fields)) {
      return { code: REJECT_CODES.repeatedHeader, reason: 'the header row again, not a customer: two exports joined into one file?' };
    }
    if (isTotalRow(fields)) return { code: REJECT_CODES.total, reason: 'a totals row (a label such as 合计 or Total, and numbers), not a customer' };
    const columns = this.fieldAt.length;
    if (fields.length < this.minFields || (fields.length > columns && !fitsHeader(fields, columns))) {
      if (lines > 1) {
        return {
          code: REJECT_CODES.unbalancedQuote,
          reason: `row spans lines ${line}–${line + lines - 1} and has ${fields.length} fields instead of ${columns}: a quote in it is probably unbalanced`,
        };
      }
      const more = fields.length > columns ? ' (non-empty fields past the last column)' : '';
      return { code: REJECT_CODES.ragged, reason: `row has ${fields.length} fields, the header has ${columns}${more}` };
    }
    for (let i = 0; i < columns && i < fields.length; i++) {
      const value = fields[i];
      if (value.length > MAX_CELL_CHARS) {
        return {
          code: REJECT_CODES.fieldTooLong,
          reason: `column "${this.headers![i]}" holds ${value.length.toLocaleString('en')} characters (limit ${MAX_CELL_CHARS.toLocaleString('en')})`,
        };
      }
      // Only text in which the decoder saw such characters needs the scan.
      if (!this.decoder.suspect) continue;
      if (value.includes('\0')) {
        return { code: REJECT_CODES.nulBytes, reason: `column "${this.headers![i]}" contains NUL bytes: binary data, or UTF-16 text inside this file` };
      }
      if (value.includes(UNDECODABLE)) {
        return {
          code: REJECT_CODES.undecodable,
          reason: `column "${this.headers![i]}" holds bytes that are not valid ${this.decoder.encoding}; if many rows show this, the file is in another encoding (set --encoding)`,
        };
      }
    }
    return null;
  }

  private repeatsHeader(fields: string[]): boolean {
    const header = this.headerCells;
    if (fields[0] !== header[0]) return false;
    for (let i = 1; i < fields.length || i < header.length; i++) if ((fields[i] ?? '') !== (header[i] ?? '')) return false;
    return true;
  }

  private build(fields: string[], row: number, line: number): SourceRecord {
    const mapped: SourceRecord['fields'] = {};
    const extra: Record<string, string> = {};
    const { fieldAt, extraAt } = this;
    for (let i = 0; i < fieldAt.length; i++) {
      const value = fields[i] ?? '';
      const field = fieldAt[i];
      if (field !== null) {
        if (value !== '') mapped[field] = value;
      } else {
        const key = extraAt[i];
        if (key !== null) extra[key] = value;
      }
    }
    return { source: this.source, row, line, fields: mapped, extra };
  }
}

/** Header cells for a message. If the "header" is really data, long digit runs and emails are masked. */
function describeHeaders(headers: readonly string[]): string {
  const shown = headers.slice(0, 30).map((h) => {
    const masked = h.replace(/\d{5,}/g, (d) => `${d.slice(0, 3)}…`).replace(/[^\s@]+@[^\s@]+/g, '…@…');
    return JSON.stringify(masked.length > 40 ? `${masked.slice(0, 40)}…` : masked);
  });
  return shown.join(', ') + (headers.length > 30 ? `, … (${headers.length} in all)` : '');
}

async function assertReadableFile(path: string): Promise<void> {
  try {
    if ((await stat(path)).isDirectory()) {
      throw inputError('this is a directory, not a CSV file', { file: path }, 'Name the CSV files inside it.');
    }
    await access(path, constants.R_OK);
  } catch (err) {
    throw err instanceof CrmError ? err : fileError(err, path);
  }
}

function fileError(err: unknown, path: string): CrmError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return inputError('file not found', { file: path }, `Check the path; relative paths start from ${process.cwd()}.`);
  if (code === 'EACCES' || code === 'EPERM') {
    return inputError('permission denied: this file cannot be read', { file: path }, 'Check its permissions (ls -l), or copy it somewhere readable.');
  }
  if (code === 'EISDIR') return inputError('this is a directory, not a CSV file', { file: path }, 'Name the CSV files inside it.');
  if (code === 'ENOTDIR') return inputError('part of this path is not a directory', { file: path });
  return inputError(`cannot read the file: ${(err as Error).message}`, { file: path });
}
