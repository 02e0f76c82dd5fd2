import type { UtilSeries } from './mutator-util.ts';

/**
 * The utilization series restricted to [startNs, endNs]: the MMU of a time
 * window (go tool trace only has the whole trace). Each series starts at
 * startNs with the utilization in effect then and ends with the 0 point that
 * marks a series' end, at endNs. A series that does not reach the window
 * (a P removed before it) is dropped.
 */
export function clipSeries(series: readonly UtilSeries[], startNs: number, endNs: number): UtilSeries[] {
  const out: UtilSeries[] = [];
  for (const s of series) {
    const n = s.timeNs.length;
    if (n < 2 || endNs <= startNs) continue;
    const first = s.timeNs[0];
    const last = s.timeNs[n - 1];
    const lo = Math.max(startNs, first);
    const hi = Math.min(endNs, last);
    if (hi <= lo) continue;
    // i: the last point at or before lo; j: the first point at or after hi.
    let i = upperBound(s.timeNs, lo) - 1;
    if (i < 0) i = 0;
    const j = lowerBound(s.timeNs, hi);
    const count = j - i + 1;
    const timeNs = new Float64Array(count);
    const util = new Float64Array(count);
    timeNs[0] = lo;
    util[0] = s.util[i];
    for (let k = 1; k < count - 1; k++) {
      timeNs[k] = s.timeNs[i + k];
      util[k] = s.util[i + k];
    }
    timeNs[count - 1] = hi;
    util[count - 1] = 0;
    out.push({ timeNs, util });
  }
  return out;
}

function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
