import { describe, expect, it } from 'vitest';
import { decodeChunk, encodeChunk } from '../../shared/chunk-codec.ts';
import { goroutineCountersChunk, heapChunk, narrowest } from '../../server/query/counter-lane.ts';
import { fixtureModel } from '../helpers/model-cache.ts';

/** Counter lanes' min/max arrays: as narrow as their values allow, never inexact. */

describe('narrowest', () => {
  it('keeps non-negative integers under 2^32 in 32-bit integers', () => {
    const a = narrowest([0, 1, 4_294_967_295]);
    expect(a).toBeInstanceOf(Uint32Array);
    expect(Array.from(a)).toEqual([0, 1, 4_294_967_295]);
  });

  it('uses 32-bit floats for values a float32 holds exactly (heap sizes past 4 GiB, negatives)', () => {
    const a = narrowest([2 ** 40, -1, 0.5]);
    expect(a).toBeInstanceOf(Float32Array);
    expect(Array.from(a)).toEqual([2 ** 40, -1, 0.5]);
  });

  it('falls back to 64-bit floats for anything else (an odd integer past 2^32, a fraction, NaN)', () => {
    for (const v of [2 ** 32 + 1, 0.1, Number.NaN]) {
      const a = narrowest([1, v]);
      expect(a).toBeInstanceOf(Float64Array);
      expect(Object.is(a[1], v)).toBe(true);
    }
  });
});

describe('counter chunks', () => {
  it('send goroutine counts and heap sizes in 32 bits, with the values of the model', () => {
    const m = fixtureModel('gcheavy-go1.26.trace');
    let running = 0;
    for (const nsPerPx of [1, 2 ** 10, 2 ** 20]) {
      const g = goroutineCountersChunk(m, 'stats:goroutines', 0, 2000 * nsPerPx, nsPerPx);
      const h = heapChunk(m, 'stats:heap', 0, 2000 * nsPerPx, nsPerPx);
      for (const lane of [g, h]) {
        const back = decodeChunk(encodeChunk({ startNs: 0, endNs: 2000 * nsPerPx, nsPerPx, lanes: [lane] })).lanes[0];
        for (const [name, arr] of Object.entries(lane.arrays)) {
          if (name === 'timeNs') continue;
          expect(arr.BYTES_PER_ELEMENT).toBe(4);
          expect(Array.from(back.arrays[name])).toEqual(Array.from(arr));
        }
      }
      running = Math.max(running, ...g.arrays['running.max']);
    }
    // Not a chunk of zeros: goroutines ran.
    expect(running).toBeGreaterThan(0);
  });

  it('a fine goroutine-counter window that starts exactly at a transition counts that transition', () => {
    const m = fixtureModel('gcheavy-go1.26.trace');
    const times = m.transitions.timesInOrder;
    const nsPerPx = 1;
    for (const k of [1, Math.floor(times.length / 2), times.length - 2]) {
      const t = times.at(k);
      const at = goroutineCountersChunk(m, 'g', t, t + 2000, nsPerPx);
      const before = goroutineCountersChunk(m, 'g', t - 1, t + 2000, nsPerPx);
      // Past the first bucket, both windows hold the same buckets with the same counts.
      const from = before.arrays.timeNs.indexOf(t);
      expect(from).toBeGreaterThan(0);
      for (const name of Object.keys(at.arrays)) expect(Array.from(at.arrays[name]).slice(1)).toEqual(Array.from(before.arrays[name]).slice(from + 1));
      // The first bucket spans the counts before and after the transition at t.
      for (const name of Object.keys(at.arrays).filter((n) => n.endsWith('.max'))) {
        expect(at.arrays[name][0]).toBe(Math.max(before.arrays[name][from - 1], before.arrays[name][from]));
      }
    }
  });
});
