/**
 * Lane ids and kinds shared by the server and the web app. A lane id is a
 * short string: "stats:goroutines", "stats:heap", "stats:threads", "gc",
 * "net", "syscalls", "proc:3", "thread:12345", "g:17", "task:7".
 */

export type LaneKind = 'counter' | 'spans' | 'markers';

export interface LaneDescriptor {
  id: string;
  /** Section of the timeline the lane belongs to. */
  section: 'stats' | 'procs' | 'threads' | 'goroutines' | 'tasks';
  kind: LaneKind;
  /** Human name, e.g. "Proc 3", "G17 main.worker". */
  title: string;
  /** For counter lanes: the series names, in stacking order. */
  series?: string[];
}

export const STATS_GOROUTINES = 'stats:goroutines';
export const STATS_HEAP = 'stats:heap';
export const STATS_THREADS = 'stats:threads';
export const GC_LANE = 'gc';
export const NET_LANE = 'net';
export const SYSCALL_LANE = 'syscalls';

export function procLane(p: number): string {
  return `proc:${p}`;
}
export function threadLane(m: number): string {
  return `thread:${m}`;
}
export function goroutineLane(g: number): string {
  return `g:${g}`;
}
/** A user task's lane (TASKS section): "task:7". */
export function taskLane(id: number): string {
  return `task:${id}`;
}

/** Parses a lane id into its kind prefix and numeric id (NaN for fixed lanes). */
export function parseLaneId(id: string): { prefix: string; num: number } {
  const i = id.indexOf(':');
  if (i < 0) return { prefix: id, num: Number.NaN };
  return { prefix: id.slice(0, i), num: Number(id.slice(i + 1)) };
}
