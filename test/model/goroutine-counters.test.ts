import { describe, expect, it } from 'vitest';
import { BASE_SHIFT } from '../../server/model/counter-pyramid.ts';
import { apply, counterCode, GoroutineCountersBuilder, V_DEAD, V_GCWAITING } from '../../server/model/goroutine-counters.ts';

/** Random transitions between the viewer states (dead included), in time order, a few per base bucket. */
function randomTransitions(seed: number, n: number): { codes: number[]; times: number[] } {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const codes: number[] = [];
  const times: number[] = [];
  let t = 0;
  const live: number[] = []; // viewer state of each live goroutine
  for (let i = 0; i < n; i++) {
    t += Math.floor(rnd() * 2 ** (BASE_SHIFT - 2));
    let from = V_DEAD;
    let k = -1;
    if (live.length > 0 && rnd() < 0.8) {
      k = Math.floor(rnd() * live.length);
      from = live[k];
    }
    // Repeats (code 0) happen too: they count nothing but take a row.
    const to = rnd() < 0.05 ? -1 : Math.floor(rnd() * (V_GCWAITING + 1));
    if (to === -1) {
      codes.push(0);
    } else {
      codes.push(counterCode(from, to));
      if (k >= 0) live[k] = to;
      else live.push(to);
    }
    times.push(t);
  }
  return { codes, times };
}

describe('GoroutineCountersBuilder', () => {
  it('gives each base bucket the min and max of every count, updating only the two series a transition moves', () => {
    const { codes, times } = randomTransitions(7, 20000);
    const b = new GoroutineCountersBuilder(16);
    const at = { timeNs: 0 };
    codes.forEach((c, i) => {
      at.timeNs = times[i];
      b.push(c, at);
    });
    const endNs = times[times.length - 1] + 1;
    const counters = b.finish(endNs);
    // Brute force: the counts after each transition, min and max per bucket (counts carry into later buckets).
    const buckets = Math.floor(endNs / 2 ** BASE_SHIFT) + 1;
    const lo = Array.from({ length: 4 }, () => new Array<number>(buckets).fill(Infinity));
    const hi = Array.from({ length: 4 }, () => new Array<number>(buckets).fill(-Infinity));
    const counts = new Int32Array(4);
    let i = 0;
    for (let k = 0; k < buckets; k++) {
      for (let s = 0; s < 4; s++) lo[s][k] = hi[s][k] = counts[s];
      for (; i < codes.length && Math.floor(times[i] / 2 ** BASE_SHIFT) === k; i++) {
        apply(codes[i], counts);
        for (let s = 0; s < 4; s++) {
          lo[s][k] = Math.min(lo[s][k], counts[s]);
          hi[s][k] = Math.max(hi[s][k], counts[s]);
        }
      }
    }
    const { mins, maxs } = counters.pyramid;
    for (let s = 0; s < 4; s++) {
      expect(Array.from(mins[0][s])).toEqual(lo[s]);
      expect(Array.from(maxs[0][s])).toEqual(hi[s]);
    }
    // The checkpoints and codes replay to the same counts.
    const out = new Int32Array(4);
    counters.countsBefore(codes.length, out);
    expect(Array.from(out)).toEqual(Array.from(counts));
  });
});
