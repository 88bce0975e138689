/** A source whose rows fell by more than this since the last run is flagged: a broken export, not fewer customers. */
export const VOLUME_DROP_LIMIT = 0.3;

/** Relative change in rows against the previous run, or null without one. */
export function volumeChange(rows: number, previousRows: number | null): number | null {
  if (previousRows === null || previousRows === 0) return null;
  return (rows - previousRows) / previousRows;
}
