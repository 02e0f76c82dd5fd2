import type { CounterPyramid } from './counter-pyramid.ts';
import { CounterPyramidBuilder } from './counter-pyramid.ts';
import type { CounterSeries, MetricSeries } from './metric-series.ts';

/**
 * Walks two step series together in time order, calling `fn` with both
 * current values at every change of either (the STATS lanes combine pairs).
 */
export function walkPair(a: CounterSeries, b: CounterSeries, fromIndexA: number, fromIndexB: number, untilNs: number, fn: (t: number, va: number, vb: number) => void): void {
  let i = fromIndexA;
  let j = fromIndexB;
  let va = i > 0 ? a.value[i - 1] : 0;
  let vb = j > 0 ? b.value[j - 1] : 0;
  while (i < a.timeNs.length || j < b.timeNs.length) {
    const ta = i < a.timeNs.length ? a.timeNs[i] : Infinity;
    const tb = j < b.timeNs.length ? b.timeNs[j] : Infinity;
    const t = ta < tb ? ta : tb;
    if (t > untilNs) break;
    if (ta === t) va = a.value[i++];
    if (tb === t) vb = b.value[j++];
    fn(t, va, vb);
  }
}

/** go tool trace's heap counter: Allocated, and NextGC = goal − allocated (0 when negative or no goal). */
export function heapValues(alloc: number, goal: number): [number, number] {
  const g = goal > 2 ** 50 ? 0 : goal; // the runtime reports "no goal" as a huge value
  return [alloc, Math.max(0, g - alloc)];
}

export function heapPyramid(m: MetricSeries, endNs: number): CounterPyramid {
  return pairPyramid(m.heapAlloc, m.heapGoal, endNs, (alloc, goal, out) => {
    const [x, y] = heapValues(alloc, goal);
    out[0] = x;
    out[1] = y;
  });
}

/** The two drawn series of a pair, written into `out` (an array per change was garbage). */
export type PairValues = (va: number, vb: number, out: Float64Array) => void;

/** Both series as they are (threads running / in syscall). */
export const identityPair: PairValues = (va, vb, out) => {
  out[0] = va;
  out[1] = vb;
};

export function pairPyramid(a: CounterSeries, b: CounterSeries, endNs: number, values: PairValues): CounterPyramid {
  const pb = new CounterPyramidBuilder(2);
  // walkPair inlined: a callback per change boxed its three doubles (177 MB of
  // garbage for the 68 MB bench trace, where threads change 5 M times).
  let i = 0;
  let j = 0;
  let va = 0;
  let vb = 0;
  const xy = new Float64Array(2);
  while (i < a.timeNs.length || j < b.timeNs.length) {
    const ta = i < a.timeNs.length ? a.timeNs[i] : Infinity;
    const tb = j < b.timeNs.length ? b.timeNs[j] : Infinity;
    const t = ta < tb ? ta : tb;
    if (ta === t) va = a.value[i++];
    if (tb === t) vb = b.value[j++];
    values(va, vb, xy);
    pb.set(t, 0, xy[0]);
    pb.set(t, 1, xy[1]);
  }
  return pb.finish(endNs);
}
