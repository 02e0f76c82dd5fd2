import { describe, expect, it } from 'vitest';
import { BUSY_BASE_SHIFT } from '../../server/model/lane-busy.ts';
import { buildChunk } from '../../server/query/build-chunk.ts';
import { fixtureContext } from '../helpers/model-cache.ts';

/**
 * Proc lanes zoomed out are drawn from the busy pyramid (lane-busy.ts). A
 * request coarser than its top level (a pixel longer than the trace, which
 * the API accepts) is answered from the top level too: one span per lane at
 * 0, as a still coarser level would hold, instead of walking every slice.
 */
describe('proc lane past the top of its busy pyramid', () => {
  it('gcheavy: 2^40 ns per pixel gives the top level’s one span, the same as the top level itself', () => {
    const ctx = fixtureContext('gcheavy-go1.26.trace');
    const m = ctx.model;
    for (const [p, busy] of m.procBusy) {
      const top = busy.levels.length - 1;
      expect(busy.levels[top].bucket.length).toBe(1);
      expect(busy.levels[top].bucket[0]).toBe(0);
      const lane = `proc:${p}`;
      const atTop = buildChunk(ctx, { lanes: [lane], startNs: 0, endNs: m.endNs, nsPerPx: 2 ** (BUSY_BASE_SHIFT + top) }).lanes[0];
      const past = buildChunk(ctx, { lanes: [lane], startNs: 0, endNs: m.endNs, nsPerPx: 2 ** 40 }).lanes[0];
      expect(past.count).toBe(1);
      expect(past.arrays.startNs[0]).toBe(0);
      expect(past.arrays.count[0]).toBe(atTop.arrays.count[0]);
      expect(past.arrays.goroutine[0]).toBe(atTop.arrays.goroutine[0]);
      // Busy time: the same, and less than the pixel.
      expect(past.arrays.endNs[0]).toBe(atTop.arrays.endNs[0]);
      expect(past.arrays.count[0]).toBeGreaterThan(100);
    }
  });
});
