/**
 * A Map that forgets everything when it grows past its limit: the same cities,
 * surnames and phone formats recur millions of times, so a simple cache pays,
 * and clearing keeps memory bounded on inputs with no repetition at all.
 * Look up first and compute only on a miss (`lookup(k) ?? store(k, compute())`):
 * no closure is made for a hit.
 */
export class BoundedCache<V, K extends string | number = string> {
  private readonly map = new Map<K, V>();
  constructor(private readonly limit = 100_000) {}

  /** The value stored for `key`, or undefined. */
  lookup(key: K): V | undefined {
    return this.map.get(key);
  }

  /** Store `value` for `key` and return it. */
  store(key: K, value: V): V {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}
