/**
 * A lane's tracks (shared/lane-tracks.ts) into the frame's rect batch: user
 * regions as thin bars, one row per nesting level, coloured by region name;
 * CPU samples as dark ticks and log messages as blue diamonds along the top
 * of the state band. Rows arrive merged per pixel, so a frame draws at most a
 * few rects per pixel and level whatever the number of events.
 */
import type { LaneTrack } from '../../shared/chunk-codec.ts';
import { MarkerKind } from '../../shared/states.ts';
import { LOG_COLOUR, regionColour, SAMPLE_COLOUR } from './palette.ts';
import type { RectBatch } from './rect-batch.ts';
import type { TimeScale } from './time-scale.ts';

export interface RegionBand {
  /** Top of level 0 (canvas px). */
  topPx: number;
  levelPx: number;
  barPx: number;
  /** Levels with room; deeper regions are drawn on the last one. */
  levels: number;
}

/** Draws the regions overlapping [clipStartNs, clipEndNs); returns the rows visited. */
export function drawRegionsTrack(batch: RectBatch, scale: TimeScale, track: LaneTrack, clipStartNs: number, clipEndNs: number, band: RegionBand): number {
  const a = track.arrays;
  const names = (track.meta?.names as string[] | undefined) ?? [];
  if (!a.startNs || !a.endNs || !a.depth || band.levels <= 0) return 0;
  let visited = 0;
  for (let i = 0; i < track.count; i++) {
    const s = a.startNs[i];
    const e = a.endNs[i];
    if (s >= clipEndNs || e < clipStartNs) continue;
    visited++;
    const level = Math.min(a.depth[i], band.levels - 1);
    const x0 = Math.round(scale.timeToPx(s > clipStartNs ? s : clipStartNs));
    let x1 = Math.round(scale.timeToPx(e < clipEndNs ? e : clipEndNs));
    if (x1 <= x0) x1 = x0 + 1;
    // Like spans: exact regions wider than 4 px keep a 1 px gap so back-to-back regions of one name stay apart.
    const exact = !a.count || a.count[i] === 1;
    const w = exact && x1 - x0 > 4 ? x1 - x0 - 1 : x1 - x0;
    // Regions deeper than the bars share the last one, drawn over (layer 1) the region they are in.
    batch.add(regionColour(names[a.name?.[i] ?? 0] ?? ''), x0, band.topPx + level * band.levelPx, w, band.barPx, a.depth[i] >= band.levels ? 1 : 0);
  }
  return visited;
}

/** Pixel rows of a 7 px log diamond, top to bottom: [x offset, width]. */
const DIAMOND: [number, number][] = [
  [0, 1],
  [-1, 3],
  [-2, 5],
  [-3, 7],
  [-2, 5],
  [-1, 3],
  [0, 1],
];
/** A CPU sample tick: 2 px wide (1 px vanishes on dense lanes), 5 px tall. */
const SAMPLE_TICK_PX = { w: 2, h: 5 };

/** Draws the instants in [clipStartNs, clipEndNs) with their strip's top at topPx: samples over spans (layer 1), logs over both (layer 2). */
export function drawInstantsTrack(batch: RectBatch, scale: TimeScale, track: LaneTrack, clipStartNs: number, clipEndNs: number, topPx: number): number {
  const t = track.arrays.timeNs;
  const kind = track.arrays.kind;
  if (!t || !kind) return 0;
  let lo = 0;
  let hi = track.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid] < clipStartNs) lo = mid + 1;
    else hi = mid;
  }
  let visited = 0;
  for (let i = lo; i < track.count && t[i] < clipEndNs; i++) {
    visited++;
    const x = Math.round(scale.timeToPx(t[i]));
    if (kind[i] === MarkerKind.Log) for (let r = 0; r < DIAMOND.length; r++) batch.add(LOG_COLOUR, x + DIAMOND[r][0], topPx + r, DIAMOND[r][1], 1, 2);
    else batch.add(SAMPLE_COLOUR, x - 1, topPx, SAMPLE_TICK_PX.w, SAMPLE_TICK_PX.h, 1);
  }
  return visited;
}
