import { describe, expect, it } from 'vitest';
import { IntColumn } from '../../server/model/int-column.ts';
import { SortedTimeBuilder } from '../../server/model/sorted-time-column.ts';

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

  it('regroups a column read in order (fromReader) exactly as from() regroups the same values', () => {
    // Times 0 … 2^33 in steps that escape 16 bits now and then and cross many 256-row blocks.
    const times: number[] = [];
    for (let i = 0, t = 0; i < 3000; i++, t += i % 97 === 0 ? 2 ** 23 : i % 7) times.push(t);
    times.push(2 ** 33);
    const n = times.length;
    // Rows grouped by i mod 5, as the transition log groups them by goroutine.
    const to = new Int32Array(n);
    for (let k = 0, r = 0; k < 5; k++) for (let i = k; i < n; i += 5) to[i] = r++;
    const b = new SortedTimeBuilder(16);
    for (const t of times) b.push(t);
    const regrouped = IntColumn.fromReader(b.finish(), n, to);
    expect(Array.from(regrouped.toFloat64())).toEqual(Array.from(IntColumn.from(Float64Array.from(times), n, to).toFloat64()));
    expect(regrouped.at(to[n - 1])).toBe(2 ** 33);
  });

  it('fromReader keeps non-integer times in the Float64 fallback, and is empty for no rows', () => {
    const to = Int32Array.from([1, 0, 2]);
    const reader = IntColumn.from(Float64Array.from([0.5, 1, 2]));
    expect(Array.from(IntColumn.fromReader(reader, 3, to).toFloat64())).toEqual([1, 0.5, 2]);
    expect(IntColumn.fromReader(reader, 0, new Int32Array(0)).length).toBe(0);
  });
});

describe('IntColumn high-word runs', () => {
  it('keeps only the rows where the high word changes when they are few, reading every value back', () => {
    // Grouped like the range starts: runs of times around 1 s and 9 s (high words 0 and 1 past the
    // smallest value), back and forth.
    const values: number[] = [];
    for (let g = 0; g < 400; g++) for (let k = 0; k < 50; k++) values.push((g % 3 === 0 ? 9e9 : 1e9) + g * 1000 + k);
    const col = IntColumn.from(Float64Array.from(values));
    let runs = 1;
    for (let i = 1; i < values.length; i++) if (values[i] > 5e9 !== values[i - 1] > 5e9) runs++;
    expect(runs).toBe(267);
    // 4 bytes a row plus 6 a run, instead of 5 bytes a row.
    expect(col.byteLength).toBe(values.length * 4 + runs * 6);
    // Read in order, backwards and at random: the cached run must not leak between rows.
    values.forEach((v, i) => expect(col.at(i)).toBe(v));
    for (let i = values.length - 1; i >= 0; i -= 7) expect(col.at(i)).toBe(values[i]);
    let x = 1;
    for (let k = 0; k < 5000; k++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      const i = x % values.length;
      expect(col.at(i)).toBe(values[i]);
    }
  });

  it('keeps a high word per row when it changes too often for runs to pay', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? 1e9 : 9e9) + i);
    const col = IntColumn.from(Float64Array.from(values));
    expect(col.byteLength).toBe(values.length * 5);
    values.forEach((v, i) => expect(col.at(i)).toBe(v));
  });
});
