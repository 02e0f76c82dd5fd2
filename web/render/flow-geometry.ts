/**
 * Where flow arrows go on the canvas: from the row of their cause at its time
 * to the row where the goroutine started, as line segments in canvas px. An
 * end on a row scrolled out of view is drawn to the top or bottom edge (the
 * line keeps its slope, so it still points at the row); arrows with both ends
 * above, both below, both left or both right of the view are left out.
 */
import type { FlowArrow } from '../../shared/flow-api.ts';
import type { TimeScale } from './time-scale.ts';

export interface ArrowSegment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  kind: FlowArrow['kind'];
  /** The end lies on a row in view (draw its head); false: cut at the edge. */
  headInView: boolean;
  tailInView: boolean;
}

/**
 * Vertical centre of an arrow end's row in canvas px (may be outside
 * [0, heightPx] for rows scrolled away), or null when the row is not laid out
 * (e.g. a thread lane in the proc view).
 */
export type EndY = (lane: string, row: [number, number] | undefined) => number | null;

/** Segments shorter than this (px) are not drawn: an arrow needs room for its head. */
const MIN_LENGTH_PX = 2;

export function arrowSegments(arrows: readonly FlowArrow[], scale: TimeScale, heightPx: number, endY: EndY): ArrowSegment[] {
  const out: ArrowSegment[] = [];
  const w = scale.widthPx;
  for (const a of arrows) {
    let y0 = endY(a.fromLane, a.fromRow);
    let y1 = endY(a.toLane, a.toRow);
    if (y0 === null || y1 === null) continue;
    let x0 = scale.timeToPx(a.fromNs);
    let x1 = scale.timeToPx(a.toNs);
    if ((x0 < 0 && x1 < 0) || (x0 > w && x1 > w)) continue;
    if ((y0 < 0 && y1 < 0) || (y0 > heightPx && y1 > heightPx)) continue;
    const tailInView = y0 >= 0 && y0 <= heightPx;
    const headInView = y1 >= 0 && y1 <= heightPx;
    // Cut at the edge an end is beyond, along the line (one end at most is beyond each edge here).
    if (!tailInView) [x0, y0] = toEdge(x1, y1, x0, y0, y0 < 0 ? 0 : heightPx);
    if (!headInView) [x1, y1] = toEdge(x0, y0, x1, y1, y1 < 0 ? 0 : heightPx);
    if (Math.hypot(x1 - x0, y1 - y0) < MIN_LENGTH_PX) continue;
    out.push({ x0, y0, x1, y1, kind: a.kind, headInView, tailInView });
  }
  return out;
}

/** The point of the line from (xIn, yIn) to (xOut, yOut) at height yEdge. */
function toEdge(xIn: number, yIn: number, xOut: number, yOut: number, yEdge: number): [number, number] {
  const t = (yEdge - yIn) / (yOut - yIn);
  return [xIn + t * (xOut - xIn), yEdge];
}

/** The two back corners of an arrowhead of `sizePx` at (x1, y1), pointing along the segment. */
export function arrowHead(s: ArrowSegment, sizePx: number): [number, number, number, number] {
  const len = Math.hypot(s.x1 - s.x0, s.y1 - s.y0) || 1;
  const ux = (s.x1 - s.x0) / len;
  const uy = (s.y1 - s.y0) / len;
  // 30° either side of the shaft.
  const bx = s.x1 - ux * sizePx;
  const by = s.y1 - uy * sizePx;
  const half = sizePx * 0.5;
  return [bx - uy * half, by + ux * half, bx + uy * half, by - ux * half];
}
