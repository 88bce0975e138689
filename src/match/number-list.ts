type NumberArray = Int32Array | Float64Array;

/** A typed array that grows as it is filled: millions of numbers without the boxing a number[] costs. */
export class NumberList<A extends NumberArray> {
  private data: A;
  length = 0;

  constructor(
    private readonly make: (length: number) => A,
    capacity: number,
  ) {
    this.data = make(Math.max(16, capacity));
  }

  push(x: number): void {
    if (this.length === this.data.length) {
      const grown = this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = x;
  }

  /** The numbers pushed so far (a view, not a copy). */
  values(): A {
    return this.data.subarray(0, this.length) as A;
  }
}
