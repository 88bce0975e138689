/**
 * Volume: rows per source against the previous run's report.
 *
 *   change = (rows − previousRows) / previousRows
 *
 * A drop of more than VOLUME_DROP_LIMIT (30 %, `options.volumeDropLimit`
 * overrides) raises an alert: a half-exported file, not fewer customers. A
 * source of the previous run that is not among this run's inputs at all (its
 * export failed, a glob missed it) is the whole drop and is listed as missing.
 */
export const VOLUME_DROP_LIMIT = 0.3;

/** Relative change in rows against the previous run, or null without one. */
export function volumeChange(rows: number, previousRows: number | null): number | null {
  if (previousRows === null || previousRows === 0) return null;
  return (rows - previousRows) / previousRows;
}

export function isVolumeDrop(change: number | null, limit = VOLUME_DROP_LIMIT): boolean {
  return change !== null && change < -limit;
}

/**
 * Sources of the previous run that had rows and are not among this run's, in the previous run's order. Names
 * are compared with their digits as placeholders: a nightly export named by date (crm_2026-11-26.csv, then
 * crm_2026-11-27.csv) is the same source under today's name, not a missing one.
 */
export function missingSources(current: readonly string[], previous: readonly { source: string; rows: number }[]): { source: string; previousRows: number }[] {
  const here = new Set(current.map(withoutDigits));
  return previous.filter((p) => p.rows > 0 && !here.has(withoutDigits(p.source))).map((p) => ({ source: p.source, previousRows: p.rows }));
}

const withoutDigits = (name: string) => name.replace(/\d+/g, '#');
