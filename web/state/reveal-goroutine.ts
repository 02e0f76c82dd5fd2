/**
 * Brings a goroutine's lane into view: finds its group (from its name, or by
 * asking the server for its span at a time), expands the group, finds its row
 * and asks the timeline to scroll there; with a time, centres the view on it
 * and selects the span there. A lane focus ("Show only related") that hides
 * the goroutine is cleared.
 */
import { goroutineLane } from '../../shared/lanes.ts';
import type { TraceSession } from './trace-session.ts';

export interface RevealOptions {
  /** Start function (group name), when known. */
  groupName?: string;
  /** A time at which to select the goroutine's span (and centre the view). */
  timeNs?: number;
  /** Switch to the timeline page. */
  showTimeline?: boolean;
}

export async function revealGoroutine(session: TraceSession, id: number, opts: RevealOptions = {}): Promise<boolean> {
  const { api, summary, ui, viewport, directory } = session;
  const lane = goroutineLane(id);
  let groupName = opts.groupName;
  let span: { startNs: number; endNs: number } | null = null;
  if (opts.timeNs !== undefined) {
    const d = await api.span(lane, opts.timeNs).catch(() => null);
    if (d) {
      groupName ??= d.goroutineName;
      span = { startNs: d.startNs, endNs: d.endNs };
    }
  }
  // One request locates the lane (group and position); the directory's search is the fallback.
  const where = await api.goroutine(id).catch(() => null);
  const group = where ? where.group : groupName === undefined ? -1 : summary.groups.findIndex((g) => g.name === groupName);
  if (opts.showTimeline) ui.update((s) => ({ ...s, page: 'timeline' }));
  if (group < 0) return false;
  if (!ui.get().expandedGroups.has(group)) {
    ui.update((s) => ({ ...s, expandedGroups: new Set([...s.expandedGroups, group]) }));
  }
  const member = where ? where.member : await directory.findMember(group, id);
  if (member < 0) return false;
  // A lane focus that does not show this goroutine gives way: its row would not be laid out.
  const focus = session.focus.current;
  if (ui.get().focus !== null && focus && !focus.groups.get(group)?.some((m) => m.member === member)) ui.update((s) => ({ ...s, focus: null }));
  session.scrollRequest.set({ group, member });
  if (opts.timeNs !== undefined) {
    const v = viewport.get();
    const half = (v.endNs - v.startNs) / 2;
    if (opts.timeNs < v.startNs || opts.timeNs > v.endNs) viewport.show(opts.timeNs - half, opts.timeNs + half);
    const s = span ?? { startNs: opts.timeNs, endNs: opts.timeNs };
    // A region, sample or log selected there (a shared link) stays selected.
    ui.update((st) => (st.span?.item && st.span.lane === lane && st.span.timeNs === opts.timeNs ? st : { ...st, span: { lane, timeNs: opts.timeNs!, startNs: s.startNs, endNs: s.endNs, count: 1 } }));
  }
  return true;
}
