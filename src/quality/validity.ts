import type { Issue } from '../model/record.js';

/**
 * Validity: of the values a record actually holds (placeholders excluded, they
 * count as missing in completeness), the share with no validity issue.
 *
 *   validity = 1 − invalid values / filled values
 *
 * per field, per source, per owner and overall. A value is invalid when the
 * normalizer raised an issue on its field whose code says the value is wrong:
 * every code except the ones below, so a code added later counts by default.
 */

/** Codes that are not a wrong value: placeholders (a completeness problem) and notices about reading the data. */
const NOT_VALIDITY: ReadonlySet<string> = new Set([
  // Day and month cannot be told apart without `dateOrder`: the date may well be right.
  'date.ambiguous',
  // The address kept is valid; the issue names the others the cell held.
  'email.several',
  // Likewise the name kept: the cell named other people too.
  'name.several',
]);

export function isValidityIssue(code: string): boolean {
  return !code.endsWith('.placeholder') && !NOT_VALIDITY.has(code);
}

/** Does any validity issue of the record belong to one of these issue fields? */
export function hasValidityIssue(issues: readonly Issue[], issueFields: readonly string[]): boolean {
  for (const i of issues) if (issueFields.includes(i.field) && isValidityIssue(i.code)) return true;
  return false;
}
