/**
 * Marker lanes (network unblocks, blocked-syscall exits): a 2 px tick per
 * marker bucket, taller as more instants fall in it (1, 2–9, 10+).
 */
import type { LaneChunk } from '../../shared/chunk-codec.ts';
import { MARKER_COLOURS, UNKNOWN_COLOUR } from './palette.ts';
import type { RectBatch } from './rect-batch.ts';
import type { TimeScale } from './time-scale.ts';

export function markerHeightPx(count: number, heightPx: number): number {
  const full = heightPx - 4;
  if (count >= 10) return full;
  if (count >= 2) return Math.round(full * 0.75);
  return Math.round(full * 0.5);
}

export function drawMarkersLane(batch: RectBatch, scale: TimeScale, lane: LaneChunk, clipStartNs: number, clipEndNs: number, yPx: number, heightPx: number): void {
  const time = lane.arrays.timeNs;
  const count = lane.arrays.count;
  if (!time || lane.count === 0) return;
  const colour = MARKER_COLOURS[lane.id] ?? UNKNOWN_COLOUR;
  const bottom = yPx + heightPx - 2;
  let lo = 0;
  let hi = lane.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] < clipStartNs) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < lane.count && time[i] < clipEndNs; i++) {
    const x = Math.round(scale.timeToPx(time[i]));
    const h = markerHeightPx(count ? count[i] : 1, heightPx);
    batch.add(colour, x - 1, bottom - h, 2, h);
  }
}
