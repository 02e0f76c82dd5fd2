import type { TraceModel } from './trace-model.ts';
import { goroutineStats } from './goroutine-stats.ts';

/** ln(10^(1/5)): go tool trace's histograms have 5 buckets per decade. */
const LOG_DIV = Math.log(10 ** (1 / 5));

/**
 * Log-scale duration histogram like go tool trace's (traceviewer
 * TimeHistogram): bucket = trunc(ln(d) / ln(10^0.2)), computed the same way so
 * durations at a bucket edge land where Go puts them; keyed by the bucket's
 * lower bound in ns.
 */
export function durationHistogram(durationsNs: number[]): [number, number][] {
  const counts = new Map<number, number>();
  for (const d of durationsNs) {
    const k = d > 0 ? Math.trunc(Math.log(d) / LOG_DIV) : 0;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([k, n]) => [Math.trunc(Math.exp(k * LOG_DIV)), n]);
}

export interface TaskInstance {
  id: number;
  parent: number;
  startNs: number;
  endNs: number;
  durationNs: number;
  complete: boolean;
  goroutines: number[];
  logs: { timeNs: number; goroutine: number; category: string; message: string }[];
}

/**
 * User tasks by type, overlapping [fromNs, toNs]: count, complete count,
 * duration histogram of complete tasks, and every instance with the
 * goroutines that touched it and its log. An incomplete task runs from the
 * trace start or to the trace end, as on go tool trace's pages.
 */
export function analyzeTasks(model: TraceModel, fromNs = 0, toNs = model.endNs) {
  const t = model.tasks.tasks;
  const r = model.tasks.regions;
  const l = model.tasks.logs;
  const goroutinesOf = new Map<number, Set<number>>();
  const add = (task: number, g: number) => {
    if (g < 0) return;
    let s = goroutinesOf.get(task);
    if (!s) goroutinesOf.set(task, (s = new Set()));
    s.add(g);
  };
  for (let i = 0; i < r.task.length; i++) add(r.task[i], model.goroutines.id(r.goroutine[i]));
  const logsOf = new Map<number, TaskInstance['logs']>();
  for (let i = 0; i < l.task.length; i++) {
    const g = l.goroutine[i] >= 0 ? model.goroutines.id(l.goroutine[i]) : -1;
    add(l.task[i], g);
    let list = logsOf.get(l.task[i]);
    if (!list) logsOf.set(l.task[i], (list = []));
    list.push({ timeNs: l.timeNs[i], goroutine: g, category: model.strings.get(l.category[i]), message: model.strings.get(l.message[i]) });
  }
  const byType = new Map<string, TaskInstance[]>();
  for (let i = 0; i < t.id.length; i++) {
    add(t.id[i], t.startG[i]);
    add(t.id[i], t.endG[i]);
    const start = t.startNs[i] >= 0 ? t.startNs[i] : 0;
    const end = t.endNs[i] >= 0 ? t.endNs[i] : model.endNs;
    if (end < fromNs || start > toNs) continue;
    const type = model.strings.get(t.name[i]);
    let list = byType.get(type);
    if (!list) byType.set(type, (list = []));
    list.push({
      id: t.id[i],
      parent: t.parent[i],
      startNs: start,
      endNs: end,
      durationNs: end - start,
      complete: t.startNs[i] >= 0 && t.endNs[i] >= 0,
      goroutines: [...(goroutinesOf.get(t.id[i]) ?? [])].sort((a, b) => a - b),
      logs: logsOf.get(t.id[i]) ?? [],
    });
  }
  return [...byType.entries()]
    .map(([type, tasks]) => ({
      type,
      count: tasks.length,
      complete: tasks.filter((x) => x.complete).length,
      histogram: durationHistogram(tasks.filter((x) => x.complete).map((x) => x.durationNs)),
      tasks: tasks.sort((a, b) => b.durationNs - a.durationNs),
    }))
    .sort((a, b) => a.type.localeCompare(b.type));
}

/**
 * User regions by type, overlapping [fromNs, toNs], with each region's time
 * breakdown (execution, blocked, scheduler wait) from the goroutine analysis.
 */
export function analyzeRegions(model: TraceModel, fromNs = 0, toNs = model.endNs) {
  const r = model.tasks.regions;
  const byType = new Map<string, { goroutine: number; task: number; startNs: number; endNs: number; durationNs: number; execNs: number; blockNs: number; schedWaitNs: number }[]>();
  for (let i = 0; i < r.task.length; i++) {
    const type = model.strings.get(r.name[i]);
    if (type === '') continue; // regions inherited by goroutines created inside one
    const start = r.startNs[i] >= 0 ? r.startNs[i] : 0;
    const end = r.endNs[i] >= 0 ? r.endNs[i] : model.endNs;
    if (end < fromNs || start > toNs) continue;
    const s = goroutineStats(model, r.goroutine[i], start, end);
    let blockNs = s.syscallBlockNs;
    for (const d of s.blockNs.values()) blockNs += d;
    let list = byType.get(type);
    if (!list) byType.set(type, (list = []));
    list.push({ goroutine: model.goroutines.id(r.goroutine[i]), task: r.task[i], startNs: start, endNs: end, durationNs: end - start, execNs: s.execNs, blockNs, schedWaitNs: s.schedWaitNs });
  }
  return [...byType.entries()]
    .map(([type, regions]) => ({
      type,
      count: regions.length,
      histogram: durationHistogram(regions.map((x) => x.durationNs)),
      regions: regions.sort((a, b) => b.durationNs - a.durationNs),
    }))
    .sort((a, b) => a.type.localeCompare(b.type));
}
