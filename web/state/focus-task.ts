/**
 * Focusing a user task (go tool trace's ?focustask=ID): the view zooms to the
 * task's time, the goroutine groups of the goroutines that worked for it are
 * opened, and the timeline scrolls to the first of them. Goroutines are
 * located with /api/goroutine, at most FOCUS_GOROUTINES of them (a task fanned
 * out to thousands of goroutines would otherwise cost as many requests).
 */
import type { TaskDetail } from '../../shared/flow-api.ts';
import type { TraceSession } from './trace-session.ts';

export const FOCUS_GOROUTINES = 64;

/** A task's time on the timeline: its begin (0 when before the trace) to its end (the trace end when after). */
export function taskWindow(d: TaskDetail, durationNs: number): { startNs: number; endNs: number } {
  return { startNs: d.startNs >= 0 ? d.startNs : 0, endNs: d.endNs >= 0 ? d.endNs : durationNs };
}

/** Zooms to the task, opens its goroutines' groups and scrolls to the first; resolves with the groups opened. */
export async function focusTask(session: TraceSession, d: TaskDetail): Promise<number[]> {
  const { api, ui, viewport, summary } = session;
  const w = taskWindow(d, summary.durationNs);
  viewport.fit(w.startNs, w.endNs); // with fitRange's margin, so the task's edges show
  const located = await Promise.all(d.goroutines.slice(0, FOCUS_GOROUTINES).map((id) => api.goroutine(id).catch(() => null)));
  const places = located.filter((l) => l !== null);
  const groups = [...new Set(places.map((l) => l.group))];
  if (groups.length > 0) {
    ui.update((s) => ({ ...s, page: 'timeline', expandedGroups: new Set([...s.expandedGroups, ...groups]) }));
    const first = places.reduce((a, b) => (b.group < a.group || (b.group === a.group && b.member < a.member) ? b : a));
    session.scrollRequest.set({ group: first.group, member: first.member });
  }
  return groups;
}
