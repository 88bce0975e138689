/**
 * A lookup table keyed by words from the data, without a prototype: looking
 * up a cell that reads "constructor" or "toString" finds nothing, where a
 * plain object literal would hand back one of Object's built-in functions.
 */
export function dictionary<V>(entries: Readonly<Record<string, V>>): Readonly<Record<string, V>> {
  return Object.assign(Object.create(null) as Record<string, V>, entries);
}
