import { describe, expect, it } from 'vitest';
import { IntColumn } from '../../server/model/int-column.ts';
import { SortedTimeColumn } from '../../server/model/sorted-time-column.ts';

/** Non-decreasing times with repeats, small steps and gaps past 16 bits (a heap series). */
function times(n: number, seed: number): number[] {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  let t = 2 ** 33;
  return Array.from({ length: n }, () => (t += rnd() < 0.1 ? 0 : rnd() < 0.05 ? Math.floor(rnd() * 2 ** 40) : Math.floor(rnd() * 60_000)));
}

describe('SortedTimeColumn', () => {
  const values = times(3000, 3);
  const col = SortedTimeColumn.from(Float64Array.from(values));

  it('reads every value back in order, backwards and at random', () => {
    expect(col).toBeInstanceOf(SortedTimeColumn);
    for (let i = 0; i < values.length; i++) expect(col.at(i)).toBe(values[i]);
    for (let i = values.length - 1; i >= 0; i -= 7) expect(col.at(i)).toBe(values[i]);
    for (let k = 0; k < 500; k++) {
      const i = (k * 7919) % values.length;
      expect(col.at(i)).toBe(values[i]);
    }
  });

  it('finds upper bounds as a binary search over the values does', () => {
    const brute = (x: number, lo: number, hi: number) => {
      let i = lo;
      while (i < hi && values[i] <= x) i++;
      return i;
    };
    for (let k = 0; k < 400; k++) {
      const x = k % 3 === 0 ? values[(k * 31) % values.length] : values[0] - 5 + ((values[values.length - 1] - values[0] + 10) * k) / 400;
      expect(col.upperBound(x)).toBe(brute(x, 0, values.length));
      expect(col.upperBound(x, 100, 2000)).toBe(Math.max(100, Math.min(2000, brute(x, 0, values.length))));
    }
  });

  it('takes about 2 bytes a value', () => {
    expect(col.byteLength).toBeLessThan(values.length * 3);
  });

  it('stores deltas of 65 534 in 16 bits and 65 535 and more whole', () => {
    const edge = [0, 65_534, 65_534 + 65_535, 65_534 + 65_535 + 65_536, 2 ** 45];
    const c = SortedTimeColumn.from(Float64Array.from(edge));
    expect(edge.map((_, i) => c.at(i))).toEqual(edge);
    expect([4, 2, 0, 3, 1].map((i) => c.at(i))).toEqual([4, 2, 0, 3, 1].map((i) => edge[i]));
  });

  it('falls back to an IntColumn for times out of order or not integers', () => {
    expect(SortedTimeColumn.from(Float64Array.from([5, 3, 9]))).toBeInstanceOf(IntColumn);
    expect(SortedTimeColumn.from(Float64Array.from([1, 1.5]))).toBeInstanceOf(IntColumn);
    expect(SortedTimeColumn.from(new Float64Array(0)).length).toBe(0);
  });
});
