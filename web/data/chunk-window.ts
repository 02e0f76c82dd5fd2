/**
 * Which window to fetch for a view, so that cache keys repeat: the resolution
 * is a power of two ns per pixel (the server's pyramids and pixel buckets use
 * the same grid), and the window is the view padded by one view width on
 * each side, widened to a grid of TILE_PX-pixel tiles and clamped to the trace
 * ([0, durationNs]).
 */
export interface FetchWindow {
  startNs: number;
  endNs: number;
  nsPerPx: number;
}

/** Tile width of the window grid, in data pixels. */
export const TILE_PX = 1024;
/** Widest window asked for, in data pixels (the server refuses more than 20 000). */
export const MAX_WINDOW_PX = 16384;

/** The power of two nearest (in log scale) to the view's ns per pixel; at least 1 ns. */
export function quantizeNsPerPx(nsPerPx: number): number {
  if (!(nsPerPx > 1)) return 1;
  return 2 ** Math.round(Math.log2(nsPerPx));
}

/**
 * The window to fetch for view [startNs, endNs] shown `widthPx` wide, in a
 * trace of `durationNs`. Two views that differ by less than a tile give the
 * same window (the same cache key).
 */
export function fetchWindow(startNs: number, endNs: number, widthPx: number, durationNs: number): FetchWindow {
  const viewNs = Math.max(1, endNs - startNs);
  const nsPerPx = quantizeNsPerPx(viewNs / Math.max(1, widthPx));
  const tileNs = TILE_PX * nsPerPx;
  const viewPx = viewNs / nsPerPx;
  // One view width each side, less when that would make the window too wide.
  const padPx = Math.max(0, Math.min(viewPx, (MAX_WINDOW_PX - viewPx - 2 * TILE_PX) / 2));
  const padNs = padPx * nsPerPx;
  // The trace end is a fixed point too: windows reaching it stop there (no pixels past the end).
  const limitNs = Math.max(durationNs, endNs, 1);
  const lo = Math.max(0, Math.floor((startNs - padNs) / tileNs) * tileNs);
  const hi = Math.min(limitNs, Math.ceil((endNs + padNs) / tileNs) * tileNs);
  return { startNs: lo, endNs: Math.max(hi, Math.min(limitNs, lo + tileNs)), nsPerPx };
}

/**
 * The part of the view a loaded window must cover for the view to need no
 * fetch: the view plus half a view width each side (inside the trace), so a
 * pan starts the next fetch before the edge of the loaded data shows.
 */
export function neededRange(startNs: number, endNs: number, durationNs: number): { startNs: number; endNs: number } {
  const half = (endNs - startNs) / 2;
  return { startNs: Math.max(0, startNs - half), endNs: Math.min(Math.max(durationNs, endNs), endNs + half) };
}

export function covers(w: { startNs: number; endNs: number }, need: { startNs: number; endNs: number }): boolean {
  return w.startNs <= need.startNs && w.endNs >= need.endNs;
}

export function windowKey(w: FetchWindow): string {
  return `${w.nsPerPx}@${w.startNs}-${w.endNs}`;
}
