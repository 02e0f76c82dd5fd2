import { describe, expect, it } from 'vitest';
import { BASE_SHIFT, CounterPyramidBuilder } from '../../server/model/counter-pyramid.ts';

/** A step series: value v[i] from t[i] on (0 before the first point), in time order. */
function randomSeries(seed: number, points: number, endNs: number, scale: number): { t: number[]; v: number[] } {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const t = Array.from({ length: points }, () => Math.floor(rnd() * endNs)).sort((a, b) => a - b);
  const v = t.map(() => Math.floor(rnd() * scale));
  return { t, v };
}

/** Min and max of the step series over [fromNs, toNs), brute force. */
function bruteMinMax(s: { t: number[]; v: number[] }, fromNs: number, toNs: number): [number, number] {
  let cur = 0;
  for (let i = 0; i < s.t.length && s.t[i] < fromNs; i++) cur = s.v[i];
  let lo = cur;
  let hi = cur;
  for (let i = 0; i < s.t.length; i++) {
    if (s.t[i] < fromNs || s.t[i] >= toNs) continue;
    lo = Math.min(lo, s.v[i]);
    hi = Math.max(hi, s.v[i]);
  }
  return [lo, hi];
}

describe('CounterPyramid', () => {
  const endNs = 700 * 2 ** BASE_SHIFT + 12345; // 700 base buckets: levels 0 … 10
  const series = [randomSeries(1, 3000, endNs, 50), randomSeries(2, 2000, endNs, 3e9)];
  const b = new CounterPyramidBuilder(2);
  const events = series.flatMap((s, k) => s.t.map((t, i) => [t, k, s.v[i]])).sort((x, y) => x[0] - y[0]);
  for (const [t, k, v] of events) b.set(t, k, v);
  const p = b.finish(endNs);

  it('gives every level, kept or in between, the exact min and max of each pixel', () => {
    expect(p.levelCount).toBe(11);
    const lo = new Float64Array(2);
    const hi = new Float64Array(2);
    for (let k = 0; k < p.levelCount; k++) {
      const nsPerPx = 2 ** (BASE_SHIFT + k);
      const at = p.levelFor(nsPerPx)!;
      expect(at).not.toBeNull();
      expect(p.pixelCount(at)).toBe(Math.ceil(701 / 2 ** k));
      for (let px = 0; px < p.pixelCount(at); px++) {
        p.pixel(at, px, lo, hi);
        for (let s = 0; s < 2; s++) {
          const [bl, bh] = bruteMinMax(series[s], px * nsPerPx, (px + 1) * nsPerPx);
          // Float32 storage: byte-sized values to 7 digits.
          expect(lo[s]).toBeCloseTo(bl, s === 0 ? 10 : -3);
          expect(hi[s]).toBeCloseTo(bh, s === 0 ? 10 : -3);
        }
      }
    }
  });

  it('keeps every third level, small integer series in 16 bits', () => {
    expect(p.mins.length).toBe(4); // levels 0, 3, 6, 9
    expect(p.mins[0][0]).toBeInstanceOf(Uint16Array);
    expect(p.mins[0][1]).toBeInstanceOf(Float32Array);
    expect(p.levelFor(2 ** (BASE_SHIFT + 4))).toEqual({ index: 1, stride: 2 });
  });

  it('has no level for a pixel finer than the base, past the top, or not a power of two', () => {
    expect(p.levelFor(2 ** (BASE_SHIFT - 1))).toBeNull();
    expect(p.levelFor(2 ** (BASE_SHIFT + 11))).toBeNull();
    expect(p.levelFor(3 * 2 ** BASE_SHIFT)).toBeNull();
  });

  it('builds the same pyramid from setAll (every series at each point) as from set per series', () => {
    const merged = new CounterPyramidBuilder(2);
    const perSeries = new CounterPyramidBuilder(2);
    const point = new Float64Array(3);
    const latest = [0, 0];
    for (const [t, k, v] of events) {
      latest[k] = v;
      point[0] = t;
      point[1] = latest[0];
      point[2] = latest[1];
      merged.setAll(point);
      perSeries.set(t, 0, latest[0]);
      perSeries.set(t, 1, latest[1]);
    }
    const a = merged.finish(endNs);
    const b2 = perSeries.finish(endNs);
    expect(a.levelCount).toBe(b2.levelCount);
    expect(a.mins).toEqual(b2.mins);
    expect(a.maxs).toEqual(b2.maxs);
    // and it is the pyramid of the series themselves
    expect(a.mins).toEqual(p.mins);
    expect(a.maxs).toEqual(p.maxs);
  });
});
