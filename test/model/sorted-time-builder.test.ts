import { describe, expect, it } from 'vitest';
import { IntColumn } from '../../server/model/int-column.ts';
import { SortedTimeBuilder, SortedTimeColumn } from '../../server/model/sorted-time-column.ts';

/** Non-decreasing times with repeats, small steps and gaps past 16 bits (a heap series). */
function times(n: number, seed: number): number[] {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  let t = 2 ** 33;
  return Array.from({ length: n }, () => (t += rnd() < 0.1 ? 0 : rnd() < 0.05 ? Math.floor(rnd() * 2 ** 40) : Math.floor(rnd() * 60_000)));
}

const built = (values: number[], capacity = 16) => {
  const b = new SortedTimeBuilder(capacity);
  for (const v of values) b.push(v);
  expect(b.length).toBe(values.length);
  if (values.length > 0) expect(b.last).toBe(values[values.length - 1]);
  return b.finish();
};

describe('SortedTimeBuilder', () => {
  it('builds the same column as SortedTimeColumn.from, over several blocks and escapes, growing past its capacity', () => {
    const values = times(3000, 5);
    const a = built(values);
    const b = SortedTimeColumn.from(Float64Array.from(values));
    expect(a).toBeInstanceOf(SortedTimeColumn);
    expect(a).toEqual(b);
    for (let i = 0; i < values.length; i += 13) expect(a.at(i)).toBe(values[i]);
  });

  it('falls back to an IntColumn of every value when a time goes back or is not an integer', () => {
    for (const odd of [5, 2 ** 33 + 0.5]) {
      const values = [...times(700, 9), odd, 2 ** 34];
      const col = built(values);
      expect(col).toBeInstanceOf(IntColumn);
      expect(Array.from({ length: values.length }, (_, i) => col.at(i))).toEqual(values);
    }
  });

  it('is an empty column with no points', () => {
    expect(built([]).length).toBe(0);
  });
});
