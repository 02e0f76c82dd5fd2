import type { TraceSummary } from '../../shared/api.ts';
import type { LaneDescriptor } from '../../shared/lanes.ts';
import { GC_LANE, NET_LANE, procLane, STATS_GOROUTINES, STATS_HEAP, STATS_THREADS, SYSCALL_LANE, threadLane } from '../../shared/lanes.ts';
import type { QueryContext } from '../query/query-context.ts';

/** The lanes of the timeline, in the order the web app lays them out. */
export function traceLanes(ctx: QueryContext): LaneDescriptor[] {
  const m = ctx.model;
  return [
    { id: STATS_GOROUTINES, section: 'stats', kind: 'counter', title: 'Goroutines', series: ['running', 'runnable', 'waiting', 'gcwaiting'] },
    { id: STATS_HEAP, section: 'stats', kind: 'counter', title: 'Heap', series: ['allocated', 'nextGC'] },
    { id: STATS_THREADS, section: 'stats', kind: 'counter', title: 'Threads', series: ['running', 'insyscall'] },
    { id: GC_LANE, section: 'procs', kind: 'spans', title: 'GC' },
    { id: NET_LANE, section: 'procs', kind: 'markers', title: 'Network' },
    { id: SYSCALL_LANE, section: 'procs', kind: 'markers', title: 'Syscalls' },
    ...Array.from(m.procs.procIds, (p): LaneDescriptor => ({ id: procLane(p), section: 'procs', kind: 'spans', title: `Proc ${p}` })),
    ...Array.from(m.procs.threadIds, (t): LaneDescriptor => ({ id: threadLane(t), section: 'threads', kind: 'spans', title: `Thread ${t}` })),
    ...ctx.tasks.lanes(),
  ];
}

/** The trace overview the web app starts from: counts, lanes, goroutine groups, reasons, warnings. */
export function traceSummary(ctx: QueryContext): TraceSummary {
  const m = ctx.model;
  const lanes = traceLanes(ctx);
  const regionLevels = ctx.regions.levelsByGroup(ctx.groups);
  const warnings: string[] = [];
  if (m.salvage) warnings.push(m.salvage.message);
  return {
    file: m.file ?? '',
    version: m.header.label,
    fileBytes: m.fileBytes,
    durationNs: m.endNs,
    eventCount: m.eventCount,
    generations: m.generations,
    goroutineCount: m.goroutines.count,
    procCount: m.procs.procIds.length,
    threadCount: m.procs.threadIds.length,
    lanes,
    taskCount: ctx.tasks.count,
    groups: ctx.groups.names.map((name, i) => ({ name, count: ctx.groups.counts[i], execNs: ctx.groups.execNs[i], ...(regionLevels[i] > 0 ? { regionLevels: regionLevels[i] } : {}) })),
    reasons: Array.from(m.transitions.reasons, (id) => m.strings.get(id)),
    warnings,
  };
}
