/**
 * Longest-key-at-a-position lookup over a Map of names. Keys are grouped by their
 * first two characters with their lengths, longest first, so a lookup tries only
 * the lengths some key starting that way has, instead of every length up to the
 * longest name in China (~20 slices and hash lookups per call).
 */
export class PrefixIndex<T> {
  private readonly lengths = new Map<string, number[]>();

  /** Keys shorter than two characters are never matched. */
  constructor(private readonly map: Map<string, T>) {
    for (const key of map.keys()) {
      if (key.length < 2) continue;
      const head = key.slice(0, 2);
      const list = this.lengths.get(head);
      if (!list) this.lengths.set(head, [key.length]);
      else if (!list.includes(key.length)) list.push(key.length);
    }
    for (const list of this.lengths.values()) list.sort((a, b) => b - a);
  }

  /** The longest key that `s` has at `pos`, with its value, or null. */
  longest(s: string, pos: number): [string, T] | null {
    const room = s.length - pos;
    if (room < 2) return null;
    const lengths = this.lengths.get(s.slice(pos, pos + 2));
    if (!lengths) return null;
    for (const len of lengths) {
      if (len > room) continue;
      const key = s.slice(pos, pos + len);
      const v = this.map.get(key);
      if (v !== undefined) return [key, v];
    }
    return null;
  }
}
