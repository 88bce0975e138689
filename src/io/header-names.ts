/**
 * Header cells as exports write them: "客户名称 ", "*手机号码", "电话(手机)",
 * "Customer-Name", "E-mail", "ＰＨＯＮＥ" — and sometimes blank or repeated.
 */

// After NFKC, full-width （）［］ are ASCII; 【】〔〕 are not.
const BRACKETED = /\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/g;
const BRACKETS = /[()[\]【】〔〕]/g;
// Spaces, hyphens, underscores, dots and slashes separate words; "zip code" = "zip_code" = "zipcode".
const SEPARATORS = /[\s\-_./\\]+/g;
// Required-field stars and label colons from form-style templates ("*姓名", "电话:").
const DECORATION = /^[*:#]+|[*:#]+$/g;

/** A header as words: NFKC, bracketed units and star/colon marks dropped, case and separators kept ("Mobile No."). */
export function headerText(header: string): string {
  const h = header.normalize('NFKC').replace(/\uFEFF/g, '').trim();
  const unbracketed = h.replace(BRACKETED, '');
  // "(手机)" alone: the bracket is all there is, so keep its content.
  return (unbracketed.replace(SEPARATORS, '') ? unbracketed : h.replace(BRACKETS, '')).trim().replace(DECORATION, '').trim();
}

/** Comparison key of a header: headerText case-folded, word separators removed. */
export function normalizeHeader(header: string): string {
  return headerText(header).toLowerCase().replace(SEPARATORS, '').replace(DECORATION, '');
}

/**
 * Make the header row usable as keys: blank cells become `column_N` (N = 1-based
 * position) and repeated names get `_2`, `_3`… so no column's data is lost.
 * Both come with a warning for the import summary; the blank cells Excel leaves at
 * the end of a header row (formatting out to column Z) share one. `unnamed` lists
 * the `column_N` names given, which are not "unrecognised" columns as well.
 */
export function cleanHeaderRow(cells: string[]): { headers: string[]; warnings: string[]; unnamed: string[] } {
  const warnings: string[] = [];
  const unnamed: string[] = [];
  const raw = cells.map((c) => c.replace(/\uFEFF/g, '').trim());
  const taken = new Set(raw.filter((c) => c !== ''));
  const lastNamed = raw.findLastIndex((c) => c !== '');
  const trailing = raw.length - 1 - lastNamed;
  const firstAt = new Map<string, number>();
  const headers = raw.map((cell, i) => {
    if (cell === '') {
      const name = unique(`column_${i + 1}`, taken);
      unnamed.push(name);
      if (i < lastNamed || trailing === 1) warnings.push(`column ${i + 1} has no header; it is called ${name}`);
      return name;
    }
    // "__proto__" cannot be a plain-object key: treat it like a repeated name.
    const first = cell === '__proto__' ? i : firstAt.get(cell);
    if (first === undefined) {
      firstAt.set(cell, i);
      return cell;
    }
    const name = unique(cell, taken);
    warnings.push(
      first === i
        ? `column ${i + 1} is called "${cell}", which cannot be used as a name; it is called "${name}"`
        : `columns ${first + 1} and ${i + 1} are both called "${cell}"; column ${i + 1} is called "${name}"`,
    );
    return name;
  });
  if (trailing > 1) {
    warnings.push(`columns ${lastNamed + 2}–${raw.length} at the end have no header; they are called ${headers[lastNamed + 1]} … ${headers[raw.length - 1]}`);
  }
  return { headers, warnings, unnamed };
}

function unique(base: string, taken: Set<string>): string {
  let name = base;
  for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
  taken.add(name);
  return name;
}
