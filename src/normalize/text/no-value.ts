/**
 * What staff type into a cell to say it has no value: 无, 暂无, 不详, N/A, a dash, or the 0 of a number column left
 * empty. A field that holds such a word is empty, not wrong: counted as an invalid email, ID number, phone or date, it
 * made the validity score of an export depend on how its staff write "none".
 */
const NO_VALUE = /^(?:无|没有|暂无|暂缺|未知|不详|不知道|待补充|未填|未提供|null|none|nil|n\/?a|unknown|tbd|0|[^\p{L}\p{N}]+)$/iu;

/** Whether a cleaned cell (cleanCell) says that it has no value. */
export function isNoValue(cleaned: string): boolean {
  return NO_VALUE.test(cleaned);
}
