import { describe, expect, it } from 'vitest';
import { TransitionLogBuilder } from '../../server/model/transition-log.ts';

/** finish() regroups rows by goroutine and picks the stack column's width from the ids it holds. */
describe('TransitionLogBuilder.finish', () => {
  function build(stacks: number[]) {
    const b = new TransitionLogBuilder(16);
    // Rows in time order, alternating between goroutines 1 and 0.
    stacks.forEach((s, i) => b.add({ timeNs: 10 * i }, i % 2 === 0 ? 1 : 0, 1, 2, 0, 0, s, -1));
    return b.finish(2).log;
  }

  it('stack ids that fit 16 bits are kept in a Uint16Array, regrouped by goroutine', () => {
    const log = build([5, 6, 65_535, 7]);
    expect(log.stack).toBeInstanceOf(Uint16Array);
    // Goroutine 0 holds rows 1 and 3 (stacks 6, 7), goroutine 1 rows 0 and 2 (5, 65 535).
    expect(Array.from(log.offsets)).toEqual([0, 2, 4]);
    expect(Array.from(log.stack)).toEqual([6, 7, 5, 65_535]);
    expect(Array.from(log.time.toFloat64())).toEqual([10, 30, 0, 20]);
  });

  it('a stack id past 65 535 keeps the column 32-bit, every id intact', () => {
    const log = build([5, 65_536, 1_000_000, 7]);
    expect(log.stack).toBeInstanceOf(Int32Array);
    expect(Array.from(log.stack)).toEqual([65_536, 7, 5, 1_000_000]);
  });
});

describe('TransitionLog.goroutineOf', () => {
  it('finds the goroutine of every row, with goroutines of 0 to 300 rows (the hint every 64 rows)', () => {
    const goroutines = 500;
    let x = 7;
    const rnd = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    // Row counts: many empty goroutines, many short ones, a few long ones.
    const rows = Array.from({ length: goroutines }, () => (rnd() < 0.3 ? 0 : rnd() < 0.9 ? Math.floor(rnd() * 6) : Math.floor(rnd() * 300)));
    const owner: number[] = [];
    rows.forEach((n, g) => {
      for (let i = 0; i < n; i++) owner.push(g);
    });
    // Append in a shuffled time order; finish() regroups by goroutine.
    const order = owner.map((g, i) => [rnd(), g, i] as const).sort((a, b) => a[0] - b[0]);
    const b = new TransitionLogBuilder(16);
    order.forEach(([, g], t) => b.add({ timeNs: t }, g, 1, 2, 0, 0, 0, -1));
    const log = b.finish(goroutines).log;
    expect(log.length).toBe(owner.length);
    for (let row = 0; row < owner.length; row++) expect(log.goroutineOf(row)).toBe(owner[row]);
  });
});
