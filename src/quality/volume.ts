/**
 * Volume: rows per source against the previous run's report.
 *
 *   change = (rows − previousRows) / previousRows
 *
 * A drop of more than VOLUME_DROP_LIMIT (30 %, `options.volumeDropLimit`
 * overrides) raises an alert: a half-exported file, not fewer customers.
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
