/**
 * Pixel → data lookups on decoded chunks: which span, marker or counter
 * bucket is under the pointer. Spans of a lane are sorted by start and do not
 * overlap (the GC lane may nest STW in a mark phase: the innermost wins).
 */
import type { LaneChunk, LaneTrack } from '../../shared/chunk-codec.ts';
import { MarkerKind } from '../../shared/states.ts';

/** Index of the last element ≤ t in a sorted array, or -1. */
export function lastAtOrBefore(a: ArrayLike<number>, t: number, n = a.length): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the first element > t in a sorted array (n when none). */
export function firstAfter(a: ArrayLike<number>, t: number, n = a.length): number {
  return lastAtOrBefore(a, t, n) + 1;
}

/**
 * The span under time t, or the nearest one within slopNs (a pixel or two,
 * so thin spans can be clicked); -1 when none. Shorter spans win over the
 * spans containing them.
 */
export function spanIndexAt(lane: LaneChunk, t: number, slopNs: number): number {
  const start = lane.arrays.startNs;
  const end = lane.arrays.endNs;
  if (!start || !end || lane.count === 0) return -1;
  let best = -1;
  let bestDist = Infinity;
  let bestWidth = Infinity;
  // Candidates: the last 64 spans starting at or before t + slop (enough for nested GC rows).
  const last = lastAtOrBefore(start, t + slopNs, lane.count);
  for (let i = last; i >= 0 && i > last - 64; i--) {
    const dist = t < start[i] ? start[i] - t : t > end[i] ? t - end[i] : 0;
    const width = end[i] - start[i];
    if (dist <= slopNs && (dist < bestDist || (dist === bestDist && width < bestWidth))) {
      best = i;
      bestDist = dist;
      bestWidth = width;
    }
  }
  return best;
}

/** The marker nearest to t within slopNs, or -1. */
export function markerIndexAt(lane: LaneChunk, t: number, slopNs: number): number {
  const time = lane.arrays.timeNs;
  if (!time || lane.count === 0) return -1;
  const i = lastAtOrBefore(time, t, lane.count);
  let best = -1;
  let bestDist = Infinity;
  for (const k of [i, i + 1]) {
    if (k < 0 || k >= lane.count) continue;
    const d = Math.abs(time[k] - t);
    if (d <= slopNs && d < bestDist) {
      best = k;
      bestDist = d;
    }
  }
  return best;
}

/** The counter bucket covering t (bucket i covers [timeNs[i], timeNs[i+1])), or -1. */
export function counterBucketAt(lane: LaneChunk, t: number): number {
  const time = lane.arrays.timeNs;
  if (!time || lane.count === 0) return -1;
  return lastAtOrBefore(time, t, lane.count);
}

/** Index of the first span that ends after t (spans sorted and disjoint, so ends are sorted too). */
export function firstSpanEndingAfter(lane: LaneChunk, t: number): number {
  const end = lane.arrays.endNs;
  if (!end) return 0;
  let lo = 0;
  let hi = lane.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (end[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The region drawn at time t on bar `level` of a regions track (levels: the
 * bars drawn; deeper regions share the last), or the nearest within slopNs;
 * -1 when none. The shortest wins, as for nested spans.
 */
export function regionIndexAt(track: LaneTrack, t: number, slopNs: number, level: number, levels: number): number {
  const { startNs, endNs, depth } = track.arrays;
  if (!startNs || !endNs || !depth) return -1;
  let best = -1;
  let bestDist = Infinity;
  let bestWidth = Infinity;
  // Rows are few (merged per pixel and level): a scan costs less than a frame's drawing.
  for (let i = 0; i < track.count; i++) {
    if (Math.min(depth[i], levels - 1) !== level) continue;
    const dist = t < startNs[i] ? startNs[i] - t : t > endNs[i] ? t - endNs[i] : 0;
    const width = endNs[i] - startNs[i];
    if (dist <= slopNs && (dist < bestDist || (dist === bestDist && width < bestWidth))) {
      best = i;
      bestDist = dist;
      bestWidth = width;
    }
  }
  return best;
}

/** The instant nearest to t within slopNs, a log message before a CPU sample as near; -1 when none. */
export function instantIndexAt(track: LaneTrack, t: number, slopNs: number): number {
  const time = track.arrays.timeNs;
  const kind = track.arrays.kind;
  if (!time || !kind || track.count === 0) return -1;
  let best = -1;
  let bestScore = Infinity;
  for (let i = Math.max(0, lastAtOrBefore(time, t - slopNs, track.count)); i < track.count && time[i] <= t + slopNs; i++) {
    const d = Math.abs(time[i] - t);
    if (d > slopNs) continue;
    // Logs are rarer and say more: one within the slop beats a closer sample.
    const score = kind[i] === MarkerKind.Log ? d - 2 * slopNs : d;
    if (score < bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}
