/**
 * A Map that forgets everything when it grows past its limit: the same cities,
 * surnames and phone formats recur millions of times, so a simple cache pays,
 * and clearing keeps memory bounded on inputs with no repetition at all.
 */
export class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit = 100_000) {}

  get(key: string, compute: (key: string) => V): V {
    let v = this.map.get(key);
    if (v === undefined) {
      v = compute(key);
      if (this.map.size >= this.limit) this.map.clear();
      this.map.set(key, v);
    }
    return v;
  }
}
