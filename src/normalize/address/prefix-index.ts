/**
 * Longest-key-at-a-position lookup over a Map of names. Keys are grouped by their
 * first two characters, longest first, so a lookup compares the text with the few
 * names that start that way, in place — instead of slicing and hashing every length
 * up to the longest name in China (~20 strings per call).
 */
export class PrefixIndex<T> {
  /** Entries by the UTF-16 code units of their first two characters, longest key first. */
  private readonly byHead = new Map<number, (readonly [string, T])[]>();

  /** Keys shorter than two characters are never matched. */
  constructor(map: Map<string, T>) {
    for (const entry of map) {
      const key = entry[0];
      if (key.length < 2) continue;
      const head = PrefixIndex.head(key, 0);
      const list = this.byHead.get(head);
      if (list) list.push(entry);
      else this.byHead.set(head, [entry]);
    }
    for (const list of this.byHead.values()) list.sort((a, b) => b[0].length - a[0].length);
  }

  /** Both code units in one 32-bit integer: a small integer to V8 (code units from 0x8000 on made the product a heap number, boxed for every lookup). */
  private static head(s: string, pos: number): number {
    return (s.charCodeAt(pos) << 16) | s.charCodeAt(pos + 1);
  }

  /** The longest key (of at most `maxLength` characters) that `s` has at `pos`, with its value, or null. The pair is shared: do not change it. */
  longest(s: string, pos: number, maxLength = Infinity): readonly [string, T] | null {
    if (s.length - pos < 2) return null;
    const list = this.byHead.get(PrefixIndex.head(s, pos));
    if (list) for (const entry of list) if (entry[0].length <= maxLength && s.startsWith(entry[0], pos)) return entry;
    return null;
  }
}
