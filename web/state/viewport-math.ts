/**
 * Pure viewport arithmetic: the visible time window [startNs, endNs] and how
 * wheel, drag and keys move it. Every result is clamped to the trace: the
 * window never gets narrower than MIN_SPAN_NS nor wider than the trace, and
 * never leaves [0, durationNs].
 */
export interface Viewport {
  startNs: number;
  endNs: number;
}

/** Narrowest window: 100 ns (timestamps are ns; closer than that shows nothing new). */
export const MIN_SPAN_NS = 100;

export function spanNs(v: Viewport): number {
  return v.endNs - v.startNs;
}

export function clampViewport(v: Viewport, durationNs: number): Viewport {
  const maxSpan = Math.max(MIN_SPAN_NS, durationNs);
  const span = Math.min(maxSpan, Math.max(MIN_SPAN_NS, spanNs(v)));
  const mid = (v.startNs + v.endNs) / 2;
  // Keep the start as given when the width needs no change (no rounding drift on pans).
  let startNs = !Number.isFinite(mid) ? 0 : span === spanNs(v) ? v.startNs : mid - span / 2;
  if (startNs < 0) startNs = 0;
  if (startNs + span > maxSpan) startNs = maxSpan - span;
  return { startNs, endNs: startNs + span };
}

/** Zooms by `factor` (< 1 zooms in) keeping the time under `atPx` where it is. */
export function zoomAt(v: Viewport, factor: number, atPx: number, widthPx: number, durationNs: number): Viewport {
  const span = spanNs(v);
  const frac = widthPx > 0 ? Math.min(1, Math.max(0, atPx / widthPx)) : 0.5;
  const anchorNs = v.startNs + frac * span;
  const maxSpan = Math.max(MIN_SPAN_NS, durationNs);
  const next = Math.min(maxSpan, Math.max(MIN_SPAN_NS, span * factor));
  const startNs = anchorNs - frac * next;
  return clampViewport({ startNs, endNs: startNs + next }, durationNs);
}

/** Pans by a pointer movement: content follows the pointer (dx > 0 shows earlier times). */
export function panByPx(v: Viewport, dxPx: number, widthPx: number, durationNs: number): Viewport {
  if (widthPx <= 0) return v;
  const dNs = (-dxPx * spanNs(v)) / widthPx;
  const startNs = v.startNs + dNs;
  const span = spanNs(v);
  return clampViewport({ startNs, endNs: startNs + span }, durationNs);
}

/** Pans by a fraction of the window (keys: A = -f, D = +f). */
export function panByFraction(v: Viewport, fraction: number, durationNs: number): Viewport {
  const d = fraction * spanNs(v);
  return clampViewport({ startNs: v.startNs + d, endNs: v.endNs + d }, durationNs);
}

/**
 * Zoom factor for a wheel event. A mouse wheel notch (deltaY ≈ ±100 px) zooms
 * by about 1.2×; a trackpad pinch (ctrlKey, small deltas) zooms faster per
 * unit so a pinch feels direct. deltaMode 1 = lines, 2 = pages.
 */
export function wheelZoomFactor(deltaY: number, deltaMode: number, pinch: boolean): number {
  const px = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  const k = pinch ? 0.01 : 0.0018;
  const clamped = Math.max(-500, Math.min(500, px));
  return Math.exp(clamped * k);
}

/** Window showing [startNs, endNs] with a small margin on both sides (zoom to selection). */
export function fitRange(startNs: number, endNs: number, durationNs: number, marginFraction = 0.05): Viewport {
  const lo = Math.min(startNs, endNs);
  const hi = Math.max(startNs, endNs);
  const margin = (hi - lo) * marginFraction;
  return clampViewport({ startNs: lo - margin, endNs: hi + margin }, durationNs);
}

export function sameViewport(a: Viewport, b: Viewport): boolean {
  return a.startNs === b.startNs && a.endNs === b.endNs;
}
