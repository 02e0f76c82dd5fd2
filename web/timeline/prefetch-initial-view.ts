import type { TraceSession } from '../state/trace-session.ts';
import { HEADER_WIDTH_PX } from './lane-headers.tsx';
import { laneIdOf } from './lane-ids.ts';

/** Width of the side panel when a span or range is selected (styles.css .side-panel). */
const SIDE_PANEL_PX = 380;

/**
 * Starts fetching the first screen's chunks as soon as the summary is in,
 * before React has laid out the timeline: the canvas size is estimated from
 * the window, and the resolution is a power of two, so the first frame's
 * request is usually this very one (no second round trip).
 */
export function prefetchInitialView(session: TraceSession, windowWidthPx: number, windowHeightPx: number): void {
  const ui = session.ui.get();
  if (ui.page !== 'timeline') return;
  const widthPx = Math.max(100, windowWidthPx - HEADER_WIDTH_PX - (ui.span || ui.selection ? SIDE_PANEL_PX : 0) - 2);
  const rows = session.layout.get().rowsIn(0, windowHeightPx);
  const laneIds = rows.map((r) => laneIdOf(r, session.directory)).filter((id): id is string => id !== undefined);
  const v = session.viewport.get();
  session.cache.ensure(laneIds, v.startNs, v.endNs, widthPx);
}
