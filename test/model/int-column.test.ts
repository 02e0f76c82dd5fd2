import { describe, expect, it } from 'vitest';
import { IntColumn } from '../../server/model/int-column.ts';

const roundTrip = (values: number[]) => {
  const col = IntColumn.from(Float64Array.from(values));
  return { col, back: Array.from(col.toFloat64()) };
};

describe('IntColumn', () => {
  it('keeps times under 4.3 s in 4 bytes a row', () => {
    const { col, back } = roundTrip([0, 1, 4294967295, 17]);
    expect(back).toEqual([0, 1, 4294967295, 17]);
    expect(col.byteLength).toBe(16);
  });

  it('adds an 8-bit high word past 2^32 ns (a 24 s trace)', () => {
    const values = [0, 2 ** 32, 2 ** 32 + 5, 24_192_879_425, 2 ** 40 - 1];
    const { col, back } = roundTrip(values);
    expect(back).toEqual(values);
    expect(col.byteLength).toBe(5 * 5);
  });

  it('adds a 16-bit high word past 2^40 ns (18 minutes)', () => {
    const values = [3, 2 ** 40, 2 ** 47 + 12345, 2 ** 48 - 2];
    const { col, back } = roundTrip(values);
    expect(back).toEqual(values);
    expect(col.byteLength).toBe(4 * 6);
  });

  it('keeps -1 as "none" exactly (the bias is the smallest value)', () => {
    const values = [-1, 5, -1, 2 ** 33];
    expect(roundTrip(values).back).toEqual(values);
  });

  it('falls back to Float64 for a non-integer or a span of 2^48 and more', () => {
    for (const values of [[0, 0.5, 7], [0, 2 ** 49], [-(2 ** 50), 1]]) {
      const { col, back } = roundTrip(values);
      expect(back).toEqual(values);
      expect(col.byteLength).toBe(values.length * 8);
    }
  });

  it('reads only the first n values of a longer buffer', () => {
    const col = IntColumn.from(Float64Array.from([1, 2, 3, 99]), 3);
    expect(col.length).toBe(3);
    expect(Array.from(col.toFloat64())).toEqual([1, 2, 3]);
  });

  it('finds bounds in sorted rows across the 2^32 boundary', () => {
    const values = [10, 2 ** 32 - 1, 2 ** 32, 2 ** 32, 2 ** 33];
    const col = IntColumn.from(Float64Array.from(values));
    expect(col.lowerBound(2 ** 32)).toBe(2);
    expect(col.upperBound(2 ** 32)).toBe(4);
    expect(col.lowerBound(0)).toBe(0);
    expect(col.upperBound(2 ** 34)).toBe(5);
    expect(col.lowerBound(2 ** 32, 3)).toBe(3);
  });

  it('is empty for no rows', () => {
    const col = IntColumn.from(new Float64Array(0));
    expect(col.length).toBe(0);
    expect(col.lowerBound(5)).toBe(0);
  });

  it('puts value i in row to[i] when given a permutation, in 32+8 bits and in the Float64 fallback', () => {
    const to = Int32Array.from([2, 0, 3, 1]);
    const wide = IntColumn.from(Float64Array.from([5, 2 ** 33, 7, -1, 123]), 4, to);
    expect(Array.from(wide.toFloat64())).toEqual([2 ** 33, -1, 5, 7]);
    const fractional = IntColumn.from(Float64Array.from([0.5, 1, 2, 3]), 4, to);
    expect(Array.from(fractional.toFloat64())).toEqual([1, 3, 0.5, 2]);
  });
});

