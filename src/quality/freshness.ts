/**
 * Freshness of one record, from its age a = asOf − updatedAt in days:
 *
 *   freshness(r) = 0.5^(a / staleDays)
 *
 * a half-life of `staleDays` (default 365): updated today scores 1, exactly
 * staleDays old 0.5, two staleDays 0.25. A record is stale when a > staleDays.
 * A record without a usable date scores 0 — its age is unknown, so it cannot
 * be trusted as fresh — and is counted apart (`noDate`); the stale rate is over
 * dated records only, so the gate on it is not tripped by sources without dates.
 * Per source, owner and overall: the mean over records.
 */
export const DEFAULT_STALE_DAYS = 365;

const DAY_MS = 86_400_000;

export function freshnessScore(ageDays: number, staleDays: number): number {
  return Math.pow(0.5, Math.max(0, ageDays) / staleDays);
}

/** Whole days from an ISO date to the run date (both read as UTC midnight). */
export function ageInDays(date: string, asOf: string): number {
  return Math.round((Date.parse(asOf) - Date.parse(date)) / DAY_MS);
}

/** Histogram buckets by age: label and the largest age (days) in the bucket. */
export const AGE_BUCKETS: readonly { label: string; maxDays: number }[] = [
  { label: '≤ 30 days', maxDays: 30 },
  { label: '31–90 days', maxDays: 90 },
  { label: '91–180 days', maxDays: 180 },
  { label: '181–365 days', maxDays: 365 },
  { label: '1–2 years', maxDays: 730 },
  { label: '2–3 years', maxDays: 1095 },
  { label: '> 3 years', maxDays: Infinity },
];

export function ageBucket(ageDays: number): number {
  return AGE_BUCKETS.findIndex((b) => ageDays <= b.maxDays);
}
