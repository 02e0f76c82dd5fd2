import type { TraceSession } from '../state/trace-session.ts';

/** Switches to the timeline showing [startNs, endNs] selected. */
export function showOnTimeline(session: TraceSession, startNs: number, endNs: number): void {
  const selection = { startNs, endNs: Math.max(endNs, startNs + 1) };
  session.ui.update((s) => ({ ...s, page: 'timeline', selection }));
  session.viewport.fit(selection.startNs, selection.endNs);
  session.details.loadRange(selection);
}
