import { describe, expect, it } from 'vitest';
import { bytes, float64s, int32s, uint32s, uint8s } from '../../src/model/big-arrays.js';

describe('big arrays', () => {
  it.each([
    ['int32s', int32s, Int32Array],
    ['uint32s', uint32s, Uint32Array],
    ['float64s', float64s, Float64Array],
    ['uint8s', uint8s, Uint8Array],
  ] as const)('%s makes a zero-filled array of the length asked for', (_, make, type) => {
    const array = make(1000);
    expect(array).toBeInstanceOf(type);
    expect(array.length).toBe(1000);
    expect(array.every((x) => x === 0)).toBe(true);
    array[999] = 7;
    expect(array[999]).toBe(7);
    expect(make(0).length).toBe(0);
  });

  it('keeps its memory out of V8’s external-memory count: the memory of a SharedArrayBuffer', () => {
    // What the pipeline relies on (see big-arrays.ts): an ordinary ArrayBuffer here would bring back the full collections.
    for (const array of [int32s(4), uint32s(4), float64s(4), uint8s(4)]) expect(array.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(bytes(16).buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(bytes(16).byteLength).toBe(16);
  });
});
