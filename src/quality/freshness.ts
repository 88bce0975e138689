/**
 * Freshness of one record: 0.5^(age / staleDays), so a record updated today
 * scores 1, one exactly `staleDays` old scores 0.5, and it keeps decaying.
 * A record without a date scores 0 and is counted apart.
 */
export function freshnessScore(ageDays: number, staleDays: number): number {
  return Math.pow(0.5, Math.max(0, ageDays) / staleDays);
}

export function ageInDays(date: string, asOf: string): number {
  return Math.round((Date.parse(asOf) - Date.parse(date)) / 86_400_000);
}

export const AGE_BUCKETS: readonly [string, number][] = [
  ['≤ 30 days', 30],
  ['31–90 days', 90],
  ['91–180 days', 180],
  ['181–365 days', 365],
  ['1–2 years', 730],
  ['2–3 years', 1095],
  ['> 3 years', Infinity],
];

export function ageBucket(ageDays: number): number {
  return AGE_BUCKETS.findIndex(([, max]) => ageDays <= max);
}
