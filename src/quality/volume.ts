/**
 * Volume: rows per source against the previous run's report.
 *
 *   change = (rows − previousRows) / previousRows
 *
 * A drop of more than VOLUME_DROP_LIMIT (30 %, `options.volumeDropLimit`
 * overrides) raises an alert: a half-exported file, not fewer customers. A
 * source of the previous run that is not among this run's inputs at all (its
 * export failed, a glob missed it) is the whole drop and is listed as missing.
 * Sources are known by file name.
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

/** Sources of the previous run that had rows and are not among this run's, in the previous run's order. */
export function missingSources(current: readonly string[], previous: readonly { source: string; rows: number }[]): { source: string; previousRows: number }[] {
  const here = new Set(current);
  return previous.filter((p) => p.rows > 0 && !here.has(p.source)).map((p) => ({ source: p.source, previousRows: p.rows }));
}
