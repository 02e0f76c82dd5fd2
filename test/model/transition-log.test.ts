import { describe, expect, it } from 'vitest';
import { TransitionLogBuilder } from '../../server/model/transition-log.ts';

/** finish() regroups rows by goroutine and picks the stack column's width from the ids it holds. */
describe('TransitionLogBuilder.finish', () => {
  function build(stacks: number[]) {
    const b = new TransitionLogBuilder(16);
    // Rows in time order, alternating between goroutines 1 and 0.
    stacks.forEach((s, i) => b.add(10 * i, i % 2 === 0 ? 1 : 0, 1, 2, 0, 0, s, -1));
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
