import { describe, expect, it } from 'vitest';
import { BitColumn } from '../../server/model/bit-column.ts';

describe('BitColumn', () => {
  it('reads back every pushed bit across words and growth from a one-word capacity', () => {
    const c = new BitColumn(1);
    const bits: boolean[] = [];
    let seed = 3;
    for (let i = 0; i < 10_000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      // Runs of ones and zeros as well as noise: bit 31 (the sign bit of a word) is set often.
      const bit = i % 97 < 40 ? true : i % 97 < 60 ? false : seed % 3 === 0;
      bits.push(bit);
      c.push(bit);
    }
    expect(c.length).toBe(10_000);
    bits.forEach((b, i) => expect(c.get(i)).toBe(b));
  });

  it('is empty again after release', () => {
    const c = new BitColumn();
    c.push(true);
    c.release();
    expect(c.length).toBe(0);
    c.push(false);
    expect(c.get(0)).toBe(false);
  });
});
