import type { CounterPyramid } from './counter-pyramid.ts';
import { CounterPyramidBuilder } from './counter-pyramid.ts';
import type { CounterSeries } from './metric-series.ts';

/**
 * Walks two step series together in time order, calling `fn` with both
 * current values at every change of either (the STATS lanes combine pairs).
 */
export function walkPair(a: CounterSeries, b: CounterSeries, fromIndexA: number, fromIndexB: number, untilNs: number, fn: (t: number, va: number, vb: number) => void): void {
  let i = fromIndexA;
  let j = fromIndexB;
  let va = i > 0 ? a.value[i - 1] : 0;
  let vb = j > 0 ? b.value[j - 1] : 0;
  while (i < a.time.length || j < b.time.length) {
    const ta = i < a.time.length ? a.time.at(i) : Infinity;
    const tb = j < b.time.length ? b.time.at(j) : Infinity;
    const t = ta < tb ? ta : tb;
    if (t > untilNs) break;
    if (ta === t) va = a.value[i++];
    if (tb === t) vb = b.value[j++];
    fn(t, va, vb);
  }
}

/** NextGC as go tool trace draws it: goal − allocated, 0 when negative or when there is no goal. */
export function nextGcBytes(alloc: number, goal: number): number {
  const g = goal > 2 ** 50 ? 0 : goal; // the runtime reports "no goal" as a huge value
  return Math.max(0, g - alloc);
}

/**
 * Min/max pyramid of a pair of step series, built while their points arrive
 * (in time order) instead of in a pass after the last event: the main thread
 * spends a fifth of the event loop waiting for the parse worker, and the
 * heap pair (2.4 M points on the 68 MB bench trace) took 195 ms after it.
 * `heap`: the drawn pair is (allocated, NextGC), from the float32 values the
 * heap series keep, rather than the values as they are.
 */
export class PairPyramidBuilder {
  private readonly pb = new CounterPyramidBuilder(2);
  /** The pending point: its time and both series' values then (typed: double arguments are boxed). */
  private readonly latest = new Float64Array(3);
  private readonly point = new Float64Array(3);
  private pending = false;

  constructor(private readonly heap: boolean) {}

  /**
   * Series s (0 or 1) has a point at `at.timeNs` whose value is now `source.latest[0]`
   * (call it when the series' CounterBuilder accepted a point, so there is one). One point is drawn per
   * distinct time, with both values as they stand after that time's last change.
   */
  change(at: { readonly timeNs: number }, s: number, source: { readonly latest: Float64Array }): void {
    const latest = this.latest;
    if (this.pending && at.timeNs > latest[0]) this.flush();
    latest[0] = at.timeNs;
    latest[1 + s] = this.heap ? Math.fround(source.latest[0]) : source.latest[0];
    this.pending = true;
  }

  finish(endNs: number): CounterPyramid {
    if (this.pending) this.flush();
    return this.pb.finish(endNs);
  }

  private flush(): void {
    const { latest, point } = this;
    point[0] = latest[0];
    point[1] = latest[1];
    point[2] = this.heap ? nextGcBytes(latest[1], latest[2]) : latest[2];
    this.pb.setAll(point);
    this.pending = false;
  }
}
