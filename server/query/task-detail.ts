import type { TaskDetail } from '../../shared/flow-api.ts';
import type { TaskIndex } from './task-index.ts';

/** Logs listed in a task's detail; the rest are counted (a long-lived task may log millions). */
export const MAX_TASK_LOGS = 200;

/**
 * One task for the detail panel: type, parent and children, begin and end
 * (-1 when outside the trace), duration as the tasks page counts it, the
 * goroutines that worked for it — began or ended it, ran its regions, logged
 * in it (go tool trace's task goroutines) — and its first logs.
 */
export function taskDetail(tasks: TaskIndex, id: number): TaskDetail | null {
  const r = tasks.rowOf(id);
  if (r < 0) return null;
  const m = tasks.model;
  const t = m.tasks.tasks;
  const regions = m.tasks.regions;
  const logs = m.tasks.logs;
  const goroutines = new Set<number>();
  if (t.startG[r] >= 0) goroutines.add(t.startG[r]);
  if (t.endG[r] >= 0) goroutines.add(t.endG[r]);
  // Regions and logs are scanned (a few thousand rows in annotated programs; no index needed per click).
  for (let i = 0; i < regions.task.length; i++) if (regions.task[i] === id) goroutines.add(m.goroutines.id(regions.goroutine[i]));
  const listed: TaskDetail['logs'] = [];
  let logCount = 0;
  for (let i = 0; i < logs.task.length; i++) {
    if (logs.task[i] !== id) continue;
    const g = logs.goroutine[i] >= 0 ? m.goroutines.id(logs.goroutine[i]) : -1;
    if (g >= 0) goroutines.add(g);
    logCount++;
    if (listed.length < MAX_TASK_LOGS) listed.push({ timeNs: logs.timeNs[i], goroutine: g, category: m.strings.get(logs.category[i]), message: m.strings.get(logs.message[i]) });
  }
  const children: number[] = [];
  for (let k = tasks.childOffsets[r]; k < tasks.childOffsets[r + 1]; k++) children.push(tasks.id(tasks.children[k]));
  return {
    id,
    name: tasks.typeName(r),
    parent: t.parent[r],
    startNs: t.startNs[r],
    endNs: t.endNs[r],
    durationNs: tasks.endNs(r) - tasks.startNs(r),
    goroutines: [...goroutines].sort((a, b) => a - b),
    children,
    logs: listed,
    logCount,
  };
}
