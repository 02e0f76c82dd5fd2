import { describe, expect, it } from 'vitest';
import { IntColumn } from '../../server/model/int-column.ts';
import { IntColumnWriter } from '../../server/model/int-column-writer.ts';

/** Writes `values` in a scrambled row order and reads them back. */
function roundTrip(values: number[], bias: number): number[] {
  const w = new IntColumnWriter(values.length, bias);
  const order = values.map((_, i) => (i * 7919) % values.length);
  expect(new Set(order).size).toBe(values.length);
  for (const i of order) w.set(i, values[i]);
  return Array.from(IntColumn.fromWriter(w).toFloat64());
}

describe('IntColumnWriter', () => {
  it('reads back small values, written in any order, like IntColumn.from', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? -1 : i * 1000));
    expect(roundTrip(values, -1)).toEqual(values);
    expect(roundTrip(values, -1)).toEqual(Array.from(IntColumn.from(Float64Array.from(values)).toFloat64()));
  });

  it('adds high words past 2^32, widening them from 8 to 16 bits past 2^40', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i * 1e9 + (i % 7)); // high words up to 232: 8 bits
    values[500] = 2 ** 45 + 3; // after 8-bit high words were written
    values[999] = -1;
    expect(roundTrip(values, -1)).toEqual(values);
  });

  it('keeps exact doubles once a value is fractional, below the bias or too wide', () => {
    for (const odd of [0.5, -2, 2 ** 49, Number.NaN]) {
      const values = Array.from({ length: 100 }, (_, i) => i * 6e9);
      values[40] = odd;
      expect(roundTrip(values, -1)).toEqual(values);
    }
  });

  it('reads a row never written as the bias', () => {
    const w = new IntColumnWriter(3, -1);
    w.set(0, 5);
    w.set(2, 6e9);
    expect(Array.from(IntColumn.fromWriter(w).toFloat64())).toEqual([5, -1, 6e9]);
  });
});

describe('IntColumn.fromReader with a lower bound', () => {
  it('scatters a reader into rows like IntColumn.fromReader, in one pass', () => {
    const values = Array.from({ length: 5000 }, (_, i) => i * 7e6 + (i % 11)); // past 2^32 from row 614 on
    const to = Int32Array.from(values, (_, i) => (i * 3001) % values.length);
    const reader = { at: (i: number) => values[i] };
    const want = IntColumn.fromReader(reader, values.length, to).toFloat64();
    expect(Array.from(IntColumn.fromReader(reader, values.length, to, 0).toFloat64())).toEqual(Array.from(want));
  });
});
