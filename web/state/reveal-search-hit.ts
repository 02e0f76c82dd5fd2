/**
 * What choosing a search result does on the timeline: a goroutine's lane is
 * revealed with its span selected (revealGoroutine), a group opens and
 * scrolls into view, a task is zoomed to and its lane selected, a region is
 * zoomed to and selected on its goroutine's lane, a log is centred and
 * selected. Results carry where they are, so most need no further request.
 */
import type { SearchHit } from '../../shared/search-api.ts';
import { revealGoroutine } from './reveal-goroutine.ts';
import type { TraceSession } from './trace-session.ts';

/** A log is a point: 1 ms around it shows the spans it sits among at µs resolution (a narrower view is kept). */
export const LOG_WINDOW_NS = 1_000_000;

/** A time inside [startNs, endNs] to select a goroutine's span at: the view's centre when the view shows some of its life, else its start. */
export function timeInLifetime(startNs: number, endNs: number, view: { startNs: number; endNs: number }): number {
  if (view.endNs < startNs || view.startNs > endNs) return startNs;
  return Math.min(endNs, Math.max(startNs, (view.startNs + view.endNs) / 2));
}

export async function revealSearchHit(session: TraceSession, hit: SearchHit): Promise<void> {
  const { ui, viewport } = session;
  if (ui.get().page !== 'timeline') ui.update((s) => ({ ...s, page: 'timeline' }));
  switch (hit.kind) {
    case 'goroutine': {
      await revealGoroutine(session, hit.id, { groupName: hit.groupName, timeNs: timeInLifetime(hit.startNs, hit.endNs, viewport.get()) });
      return;
    }
    case 'group': {
      const focus = session.focus.current;
      if (ui.get().focus !== null && focus && !focus.groups.has(hit.group)) ui.update((s) => ({ ...s, focus: null }));
      ui.update((s) => (s.expandedGroups.has(hit.group) ? s : { ...s, expandedGroups: new Set([...s.expandedGroups, hit.group]) }));
      session.scrollRequest.set({ group: hit.group, member: -1 });
      return;
    }
    case 'task': {
      viewport.fit(hit.startNs, hit.endNs);
      if (hit.lane === null) return;
      const lane = hit.lane;
      ui.update((s) => ({ ...s, tasksExpanded: true, span: { lane, timeNs: hit.startNs, startNs: hit.startNs, endNs: hit.endNs, count: 1 } }));
      session.scrollRequest.set({ laneId: lane });
      return;
    }
    case 'region': {
      viewport.fit(hit.startNs, hit.endNs);
      ui.update((s) => ({ ...s, span: { lane: hit.lane, timeNs: hit.startNs, startNs: hit.startNs, endNs: hit.endNs, count: 1, item: { kind: 'region', row: hit.row } } }));
      // The same lane and time: revealGoroutine keeps the region selected.
      await revealGoroutine(session, hit.goroutine, { timeNs: hit.startNs });
      return;
    }
    case 'log': {
      const v = viewport.get();
      const half = Math.min(v.endNs - v.startNs, LOG_WINDOW_NS) / 2;
      viewport.show(hit.timeNs - half, hit.timeNs + half);
      if (hit.lane === null || hit.goroutine === null) return;
      ui.update((s) => ({ ...s, span: { lane: hit.lane!, timeNs: hit.timeNs, startNs: hit.timeNs, endNs: hit.timeNs, count: 1, item: { kind: 'log', row: hit.row } } }));
      await revealGoroutine(session, hit.goroutine, { timeNs: hit.timeNs });
      return;
    }
  }
}
