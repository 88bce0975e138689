import { type CanonicalField } from '../model/fields.js';
import { usageError } from '../model/errors.js';
import { normalizeHeader } from './header-names.js';
import { canonicalFieldOfHeader } from './header-synonyms.js';
import { guessFieldOfHeader } from './header-guess.js';
import { isNonCustomerColumn } from './non-customer-columns.js';
import { readCompanyAndContact } from './company-contact.js';

/** Rows naming no column that may stand above the header: a title, the export date, a filter (Excel and report tools). */
export const MAX_ROWS_ABOVE_HEADER = 10;

/** What an explicit `columns` entry may say: a canonical field, or drop the column. */
export type ColumnTarget = CanonicalField | 'ignore';

export interface ColumnMapping {
  /** Every header → its canonical field, "ignore", or null (kept as an extra column), in header order. */
  mapping: Record<string, ColumnTarget | null>;
  /**
   * Headers that match no synonym, no field by their words and no explicit entry, passed through as `extra`;
   * not those known to hold no customer field (订单号, 备注, Total: non-customer-columns.ts), extra columns too.
   */
  unknown: string[];
  /** Headers that look like a field another column already took, and similar notes for the summary. */
  warnings: string[];
}

/**
 * Map headers (already unique, see cleanHeaderRow) to canonical fields with no
 * configuration: explicit `columns` entries first, then synonyms, then headers
 * recognised by their words (header-guess.ts), first column wins, the row read as
 * a whole for a company beside a contact person (company-contact.ts); a second
 * phone-like column becomes phone2. A column whose field is
 * taken stays an extra column, with a warning, rather than overwriting data.
 */
export function detectColumnMapping(headers: readonly string[], explicit: Readonly<Record<string, ColumnTarget>> = {}): ColumnMapping {
  const mapping = new Map<string, ColumnTarget | null>();
  const takenBy = new Map<CanonicalField, string>();
  const warnings: string[] = [];
  const unknown: string[] = [];

  for (const [key, target] of Object.entries(explicit)) {
    const header = findHeader(headers, key);
    if (target === 'ignore') {
      mapping.set(header, 'ignore');
      continue;
    }
    const other = takenBy.get(target);
    if (other !== undefined) {
      throw usageError(
        `the config maps both "${other}" and "${header}" to ${target}`,
        target === 'phone' ? 'Map one of them to phone2, or to "ignore".' : 'Map one of them to another field, or to "ignore".',
      );
    }
    mapping.set(header, target);
    takenBy.set(target, header);
  }

  const synonyms = headers.map((h) => (mapping.has(h) ? null : canonicalFieldOfHeader(h)));
  const guesses = headers.map((h, i) => (mapping.has(h) || synonyms[i] ? null : guessFieldOfHeader(h)));
  // The header row as a whole: beside a contact person, 客户名称 / Customer is the company (company-contact.ts).
  const { fields: detected, first } = readCompanyAndContact(headers, headers.map((_, i) => synonyms[i] ?? guesses[i]));
  // First a B2B contact person's own phone and email; then direct synonyms, so "固话" gets phone2 even after two
  // phone columns; then guesses, so "所在地区" does not take address from "详细地址" further right.
  for (const claims of [first, synonyms.map((f) => f !== null), guesses.map((f) => f !== null)]) {
    headers.forEach((h, i) => {
      const field = detected[i];
      if (claims[i] && field && !mapping.has(h) && !takenBy.has(field)) {
        mapping.set(h, field);
        takenBy.set(field, h);
      }
    });
  }
  // What is left: a second phone column is phone2; anything else taken stays extra.
  headers.forEach((h, i) => {
    if (mapping.has(h)) return;
    const field = detected[i];
    if (field === 'phone' && !takenBy.has('phone2')) {
      mapping.set(h, 'phone2');
      takenBy.set('phone2', h);
      return;
    }
    mapping.set(h, null);
    if (field) warnings.push(`"${h}" also looks like ${field}, which "${takenBy.get(field)}" already provides; it is kept as an extra column`);
    else if (!isNonCustomerColumn(h)) unknown.push(h);
  });

  // Header order (explicit entries were found first).
  const ordered: Record<string, ColumnTarget | null> = {};
  for (const h of headers) ordered[h] = mapping.get(h)!;
  return { mapping: ordered, unknown, warnings };
}

/** Whether a row could be the header: a cell names a field, or is a header the config's `columns` names. */
export function namesAnyColumn(cells: readonly string[], explicit: Readonly<Record<string, ColumnTarget>> = {}): boolean {
  const keys = new Set(Object.keys(explicit).map(normalizeHeader));
  return cells.some((c) => c.trim() !== '' && (canonicalFieldOfHeader(c) !== null || guessFieldOfHeader(c) !== null || keys.has(normalizeHeader(c))));
}

/** An explicit `columns` key names a header exactly, or failing that by its normalized form. */
function findHeader(headers: readonly string[], key: string): string {
  if (headers.includes(key)) return key;
  const wanted = normalizeHeader(key);
  const matches = headers.filter((h) => normalizeHeader(h) === wanted);
  if (matches.length === 1) return matches[0];
  throw usageError(
    matches.length
      ? `the config's columns entry "${key}" matches several headers: ${matches.map((m) => `"${m}"`).join(', ')}`
      : `the config's columns entry "${key}" is not a header of this file`,
    `Headers seen: ${headers.map((h) => `"${h}"`).join(', ')}. Use the header exactly as written.`,
  );
}
