import { describe, expect, it } from 'vitest';
import { BUSY_BASE_SHIFT, LaneBusyBuilder, type LaneBusy } from '../../server/model/lane-busy.ts';

const B = 2 ** BUSY_BASE_SHIFT;

/** Plain arrays of every level, for comparing pyramids. */
const plain = (b: LaneBusy) => b.levels.map((l) => ({ bucket: Array.from(l.bucket), busy: Array.from(l.busy), count: Array.from(l.count), dominant: Array.from(l.dominant) }));

describe('LaneBusyBuilder (sparse busy pyramid)', () => {
  it('keeps only the buckets where something ran, with busy time, slice count and the longest piece’s goroutine', () => {
    const b = new LaneBusyBuilder();
    b.add(7, Float64Array.of(10, 110)); // bucket 0: 100 ns of G7
    b.add(8, Float64Array.of(200, 500)); // bucket 0: 300 ns of G8, the longest
    b.add(9, Float64Array.of(5 * B - 50, 5 * B + 30)); // buckets 4 and 5
    const busy = b.finish();
    expect(plain(busy)[0]).toEqual({ bucket: [0, 4, 5], busy: [400, 50, 30], count: [2, 1, 1], dominant: [8, 9, 9] });
    // Coarser levels merge bucket pairs, down to one bucket 0.
    expect(plain(busy)[1]).toEqual({ bucket: [0, 2], busy: [400, 80], count: [2, 2], dominant: [8, 9] });
    const top = busy.levels[busy.levels.length - 1];
    expect(Array.from(top.bucket)).toEqual([0]);
    expect(Array.from(top.count)).toEqual([4]);
    expect(busy.levels.length).toBe(4); // buckets 0..5: levels of 6, 3, 2, 1 buckets
  });

  it('slices added out of time order give the same pyramid as in order', () => {
    const slices: [number, number, number][] = [];
    for (let i = 0; i < 200; i++) slices.push([i % 7, i * 0.7 * B, i * 0.7 * B + ((i * 37) % 5) * 0.3 * B + 1]);
    const inOrder = new LaneBusyBuilder();
    for (const [g, s, e] of slices) inOrder.add(g, Float64Array.of(s, e));
    const shuffled = new LaneBusyBuilder();
    for (let i = 0; i < slices.length; i++) {
      const [g, s, e] = slices[(i * 89) % slices.length]; // 89 is coprime with 200: a permutation
      shuffled.add(g, Float64Array.of(s, e));
    }
    expect(plain(shuffled.finish())).toEqual(plain(inOrder.finish()));
  });

  it('an empty lane has one empty level', () => {
    expect(plain(new LaneBusyBuilder().finish())).toEqual([{ bucket: [], busy: [], count: [], dominant: [] }]);
  });
});
