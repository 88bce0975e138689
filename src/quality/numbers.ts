/** Every figure in report.json is rounded to 4 decimals, so reruns compare byte for byte. */
export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** num / den, or `empty` when there is nothing to divide by (a rate over no records is not NaN). */
export function ratio(num: number, den: number, empty: number): number {
  return den ? num / den : empty;
}

/** Code-unit order: the same on every machine and locale, unlike localeCompare. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
