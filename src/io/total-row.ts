/**
 * Spreadsheet exports end with a totals row ("合计: 120", "Total,,,3500.00", "共120条记录"), and
 * reports put subtotals between groups. Such a row is a label and numbers, not a customer.
 */

// The label alone, or with a count after it; "Total S.A." or "总计划局" is a name, not a label.
const LABEL = /^(?:合计|总计|小计|共计|总数|总条数|记录数|grand\s*total|sub\s*total|totals?|sum|count)\s*(?:[:：]\s*[\d,.\s]*(?:条|人|户|行|records?|rows?)?)?$|^共\s*[\d,]+\s*(?:条|人|户|行)(?:记录|数据)?$/i;
const NUMBER = /^[-+]?[¥$€£]?\s*[\d,.\s]+%?$/;

/** The first filled cell is a totals label and every other filled cell a number. */
export function isTotalRow(fields: readonly string[]): boolean {
  let labelled = false;
  for (const f of fields) {
    if (f === '') continue;
    if (!labelled) {
      if (!LABEL.test(f)) return false;
      labelled = true;
    } else if (!NUMBER.test(f)) return false;
  }
  return labelled;
}
