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

/** go tool trace's heap counter: Allocated, and NextGC = goal − allocated (0 when negative or no goal). */
export function heapValues(alloc: number, goal: number): [number, number] {
  return [alloc, nextGcBytes(alloc, goal)];
}

/** NextGC as go tool trace draws it: goal − allocated, 0 when negative or when there is no goal. */
export function nextGcBytes(alloc: number, goal: number): number {
  const g = goal > 2 ** 50 ? 0 : goal; // the runtime reports "no goal" as a huge value
  return Math.max(0, g - alloc);
}

export function heapPyramid(m: MetricSeries, endNs: number): CounterPyramid {
  return pairPyramid(m.heapAlloc, m.heapGoal, endNs, true);
}

/** The threads pyramid: both series as they are (running, in syscall). */
export function threadsPyramid(m: MetricSeries, endNs: number): CounterPyramid {
  return pairPyramid(m.threadsRunning, m.threadsInSyscall, endNs, false);
}

/**
 * Min/max pyramid of a pair of step series; `heap`: the drawn pair is
 * (allocated, NextGC) rather than the values as they are. A flag, not a
 * callback: callbacks per change boxed their doubles (walkPair's cost 177 MB
 * of garbage on the 68 MB bench trace, where threads change 5 M times, and a
 * values callback another 100 MB).
 */
function pairPyramid(a: CounterSeries, b: CounterSeries, endNs: number, heap: boolean): CounterPyramid {
  const pb = new CounterPyramidBuilder(2);
  let i = 0;
  let j = 0;
  // The time and values in typed arrays, not in locals: in this once-run, on-stack-replaced
  // loop V8 would box a double loop variable on every update, and a double passed to a call.
  const latest = new Float64Array(2);
  const point = new Float64Array(3);
  while (i < a.time.length || j < b.time.length) {
    const ta = i < a.time.length ? a.time.at(i) : Infinity;
    const tb = j < b.time.length ? b.time.at(j) : Infinity;
    point[0] = ta < tb ? ta : tb;
    if (ta === point[0]) latest[0] = a.value[i++];
    if (tb === point[0]) latest[1] = b.value[j++];
    point[1] = latest[0];
    point[2] = heap ? nextGcBytes(latest[0], latest[1]) : latest[1];
    pb.setAll(point);
  }
  return pb.finish(endNs);
}
