import { describe, expect, it } from 'vitest';
import { U40Column } from '../../server/model/columns.ts';
import { IntColumn } from '../../server/model/int-column.ts';

const valuesOf = (c: U40Column): number[] =>
  c.exact !== null ? [...c.exact.subarray(0, c.length)] : [...c.lo.subarray(0, c.length)].map((lo, i) => lo + c.hi[i] * 2 ** 32);

describe('U40Column', () => {
  it('keeps integers below 2^40 as low and high words, growing past its capacity', () => {
    const c = new U40Column(2);
    const vs = [0, 1, 2 ** 32 - 1, 2 ** 32, 24_192_879_425, 2 ** 40 - 1];
    for (const v of vs) c.push(v);
    expect(c.exact).toBeNull();
    expect(valuesOf(c)).toEqual(vs);
  });

  it('moves every row to Float64 at 2^40, a negative or a fraction, and stays there', () => {
    for (const odd of [2 ** 40, -1, 0.5]) {
      const c = new U40Column(4);
      c.push(7);
      c.push(2 ** 33);
      c.push(odd);
      c.push(9);
      expect(c.exact).toBeInstanceOf(Float64Array);
      expect(valuesOf(c)).toEqual([7, 2 ** 33, odd, 9]);
    }
  });

  it('regroups into the same IntColumn as from() on the values', () => {
    const c = new U40Column(8);
    const vs = [5, 2 ** 35, 17, 2 ** 32 + 3];
    for (const v of vs) c.push(v);
    const to = Int32Array.from([3, 1, 0, 2]);
    const words = IntColumn.fromReader(c, 4, to);
    expect(Array.from(words.toFloat64())).toEqual(Array.from(IntColumn.from(Float64Array.from(vs), 4, to).toFloat64()));
    expect(Array.from(words.toFloat64())).toEqual([17, 2 ** 35, 2 ** 32 + 3, 5]);
  });
});
