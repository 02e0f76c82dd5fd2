/**
 * Counter lanes (STATS): per time bucket, the series stacked in meta.series
 * order like go tool trace's counters. Each series stands on the maxima of
 * the ones below; its minimum is drawn solid and the part up to its maximum
 * lighter, so a bucket in which the value changed shows the range it took.
 */
import type { LaneChunk } from '../../shared/chunk-codec.ts';
import { lighter, seriesColour } from './palette.ts';
import type { RectBatch } from './rect-batch.ts';
import type { TimeScale } from './time-scale.ts';

export function counterSeries(lane: LaneChunk): string[] {
  const s = lane.meta?.series;
  if (Array.isArray(s)) return s as string[];
  return Object.keys(lane.arrays)
    .filter((k) => k.endsWith('.max'))
    .map((k) => k.slice(0, -4));
}

/** The largest stacked total (sum of the series maxima) over the lane's buckets. */
export function stackedMax(lane: LaneChunk): number {
  const series = counterSeries(lane);
  let best = 0;
  for (let i = 0; i < lane.count; i++) {
    let total = 0;
    for (const s of series) total += lane.arrays[`${s}.max`]?.[i] ?? 0;
    if (total > best) best = total;
  }
  return best;
}

const lightCache = new Map<string, string>();
function light(colour: string): string {
  let l = lightCache.get(colour);
  if (!l) {
    l = lighter(colour);
    lightCache.set(colour, l);
  }
  return l;
}

/**
 * Draws the buckets of `lane` inside [clipStartNs, clipEndNs) scaled so that
 * `yMax` reaches the top of the row. `chunkEndNs` ends the last bucket.
 */
export function drawCounterLane(batch: RectBatch, scale: TimeScale, lane: LaneChunk, chunkEndNs: number, clipStartNs: number, clipEndNs: number, yPx: number, heightPx: number, yMax: number): void {
  const time = lane.arrays.timeNs;
  if (!time || lane.count === 0 || yMax <= 0) return;
  const series = counterSeries(lane);
  const mins = series.map((s) => lane.arrays[`${s}.min`]);
  const maxs = series.map((s) => lane.arrays[`${s}.max`]);
  const colours = series.map((s, i) => seriesColour(s, i));
  const bottom = yPx + heightPx - 1;
  const usable = heightPx - 3;
  const k = usable / yMax;
  // First bucket whose successor starts after the clip start.
  let lo = 0;
  let hi = lane.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] <= clipStartNs) lo = mid + 1;
    else hi = mid;
  }
  for (let i = Math.max(0, lo - 1); i < lane.count; i++) {
    const t0 = time[i];
    if (t0 >= clipEndNs) break;
    const t1 = i + 1 < lane.count ? time[i + 1] : chunkEndNs;
    if (t1 <= clipStartNs) continue;
    const x0 = Math.round(scale.timeToPx(t0 > clipStartNs ? t0 : clipStartNs));
    let x1 = Math.round(scale.timeToPx(t1 < clipEndNs ? t1 : clipEndNs));
    if (x1 <= x0) x1 = x0 + 1;
    const w = x1 - x0;
    let base = 0;
    for (let s = 0; s < series.length; s++) {
      const mx = maxs[s]?.[i] ?? 0;
      if (mx <= 0) continue;
      const mn = Math.max(0, Math.min(mx, mins[s]?.[i] ?? mx));
      // Integer pixel edges so stacked bands join without seams and rectangles merge across buckets.
      const yBase = Math.round(bottom - base * k);
      const yMin = Math.round(bottom - (base + mn) * k);
      const yTop = Math.round(bottom - (base + mx) * k);
      if (yBase > yMin) batch.add(colours[s], x0, yMin, w, yBase - yMin);
      if (yMin > yTop) batch.add(light(colours[s]), x0, yTop, w, yMin - yTop);
      else if (yBase === yTop && mx > 0) batch.add(colours[s], x0, yBase - 1, w, 1);
      base += mx;
    }
  }
}
