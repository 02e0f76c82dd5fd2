import { scaleLinear, tickStep } from 'd3';
import { formatTickNs } from './format-time.ts';

/**
 * Time ↔ pixel mapping of one frame, on a d3 linear scale. Times are ns since
 * the trace start; pixels are CSS pixels from the left of the timeline canvas.
 */
export interface TimeScale {
  readonly startNs: number;
  readonly endNs: number;
  readonly widthPx: number;
  readonly nsPerPx: number;
  timeToPx(ns: number): number;
  pxToTime(px: number): number;
  durationToPx(ns: number): number;
}

export interface Tick {
  timeNs: number;
  xPx: number;
  label: string;
}

export function createTimeScale(startNs: number, endNs: number, widthPx: number): TimeScale {
  const w = Math.max(1, widthPx);
  const span = Math.max(1e-9, endNs - startNs);
  const scale = scaleLinear().domain([startNs, startNs + span]).range([0, w]);
  const pxPerNs = w / span;
  return {
    startNs,
    endNs,
    widthPx: w,
    nsPerPx: span / w,
    // Inline arithmetic: called for every span of every frame.
    timeToPx: (ns) => (ns - startNs) * pxPerNs,
    pxToTime: (px) => scale.invert(px),
    durationToPx: (ns) => ns * pxPerNs,
  };
}

/** Axis ticks about `spacingPx` apart, on round times (d3 ticks: 1, 2, 5 × 10ⁿ ns). */
export function timeTicks(scale: TimeScale, spacingPx = 110): Tick[] {
  const count = Math.max(2, Math.floor(scale.widthPx / spacingPx));
  const step = tickStep(scale.startNs, scale.endNs, count);
  const s = scaleLinear().domain([scale.startNs, scale.endNs]);
  return s.ticks(count).map((t) => ({ timeNs: t, xPx: scale.timeToPx(t), label: formatTickNs(t, step) }));
}
