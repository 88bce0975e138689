/**
 * Zero-filled typed arrays for columns with one entry per record or per pair,
 * over SharedArrayBuffer memory.
 *
 * V8 counts the memory of an ordinary ArrayBuffer as external memory and,
 * whenever that has grown 64 MB since the last full collection, starts another
 * full collection of the whole heap. At a million records the matcher makes
 * and drops hundreds of megabytes of such columns while the heap holds 2 GB of
 * records: six of the ten full collections after normalizing were started for
 * that reason alone (`node --trace-incremental-marking`), each costing the main
 * thread a few hundred milliseconds of marking and pauses. The memory of a
 * SharedArrayBuffer is not counted that way, and is freed all the same when
 * its array is collected.
 *
 * Nothing here is shared with another thread. Such an array cannot be handed to
 * a worker in a transfer list (shared memory is not transferable), so worker
 * messages keep ordinary arrays.
 */

const shared = (bytes: number) => new SharedArrayBuffer(bytes);

export const int32s = (length: number): Int32Array => new Int32Array(shared(4 * length));
export const uint32s = (length: number): Uint32Array => new Uint32Array(shared(4 * length));
export const float64s = (length: number): Float64Array => new Float64Array(shared(8 * length));
export const uint8s = (length: number): Uint8Array => new Uint8Array(shared(length));

/** `length` bytes to read and write through a DataView. */
export const bytes = (length: number): DataView => new DataView(shared(length));
