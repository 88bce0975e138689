/**
 * A data row that could not be imported. Every input row ends up as a record or
 * a reject, so `rows read = records + rejects` per file.
 */
export interface Reject {
  /** Input file's base name. */
  source: string;
  /** 1-based position among the file's data rows (header excluded), counted like records. */
  row: number;
  /** 1-based physical line where the row starts. */
  line: number;
  /** Stable code, one of {@link REJECT_CODES}. */
  code: RejectCode;
  /** Plain-language reason, with no customer data in it. */
  reason: string;
}

export const REJECT_CODES = {
  /** Field count differs from the header's. */
  ragged: 'row.ragged',
  /** A quote was never closed, or a quoted field swallowed line breaks and broke the row. */
  unbalancedQuote: 'row.unbalanced_quote',
  /** Bytes not valid in the file's encoding. */
  undecodable: 'row.undecodable',
  /** NUL characters: binary junk or UTF-16 text in a UTF-8 file. */
  nulBytes: 'row.nul_bytes',
  /** A cell over the size limit (the row is not customer data). */
  fieldTooLong: 'row.field_too_long',
  /** A line over the tokenizer's limit, never closed. */
  lineTooLong: 'row.line_too_long',
  /** The header again, as when two exports are joined into one file. */
  repeatedHeader: 'row.repeated_header',
  /** A totals or subtotals row: a label and numbers. */
  total: 'row.total',
} as const;

export type RejectCode = (typeof REJECT_CODES)[keyof typeof REJECT_CODES];
