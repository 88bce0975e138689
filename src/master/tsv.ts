/**
 * Master files are tab-separated lines: splitting text is several times faster
 * than parsing JSON, which matters at a million records. Cells that may hold a
 * tab, line break or backslash are escaped.
 */
export function escapeCell(s: string): string {
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : s;
}

export function unescapeCell(s: string): string {
  return s.includes('\\') ? s.replace(/\\(.)/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c)) : s;
}
