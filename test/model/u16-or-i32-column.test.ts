import { describe, expect, it } from 'vitest';
import { U16OrI32Column } from '../../server/model/columns.ts';

describe('U16OrI32Column', () => {
  it('keeps values that fit 16 bits in a Uint16Array', () => {
    const c = new U16OrI32Column(2);
    for (const v of [0, 7, 0xffff, 3]) c.push(v);
    expect(c.data).toBeInstanceOf(Uint16Array);
    expect([...c.data.subarray(0, c.length)]).toEqual([0, 7, 0xffff, 3]);
  });

  it('widens to Int32Array at the first value past 0xffff, keeping the earlier rows', () => {
    const c = new U16OrI32Column(4);
    c.push(1);
    c.push(0xffff);
    c.push(0x10000);
    c.push(2);
    expect(c.data).toBeInstanceOf(Int32Array);
    expect([...c.data.subarray(0, c.length)]).toEqual([1, 0xffff, 0x10000, 2]);
  });

  it('widens once for negative values and then stores them all', () => {
    const c = new U16OrI32Column(1);
    c.push(5);
    c.push(-1);
    const wide = c.data;
    for (let i = 0; i < 1000; i++) c.push(-i);
    expect(c.data).toBeInstanceOf(Int32Array);
    expect(c.length).toBe(1002);
    expect(c.data[1]).toBe(-1);
    expect(c.data[1001]).toBe(-999);
    // Growth replaces the buffer, but no second widening copied the rows back to 16 bits.
    expect(wide).toBeInstanceOf(Int32Array);
  });
});
