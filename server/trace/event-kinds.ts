/**
 * The public event model, numbered as golang.org/x/exp/trace numbers it, so that
 * our dump and Go's can be compared name for name.
 */

export const enum EventKind {
  Bad = 0,
  Sync = 1,
  Metric = 2,
  Label = 3,
  StackSample = 4,
  RangeBegin = 5,
  RangeActive = 6,
  RangeEnd = 7,
  TaskBegin = 8,
  TaskEnd = 9,
  RegionBegin = 10,
  RegionEnd = 11,
  Log = 12,
  StateTransition = 13,
  Experimental = 14,
}

export const EVENT_KIND_NAMES = [
  'Bad', 'Sync', 'Metric', 'Label', 'StackSample', 'RangeBegin', 'RangeActive', 'RangeEnd',
  'TaskBegin', 'TaskEnd', 'RegionBegin', 'RegionEnd', 'Log', 'StateTransition', 'Experimental',
] as const;

/** Goroutine states of the public model (x/exp/trace GoState). */
export const enum GoState {
  Undetermined = 0,
  NotExist = 1,
  Runnable = 2,
  Running = 3,
  Waiting = 4,
  Syscall = 5,
}

export const GO_STATE_NAMES = ['Undetermined', 'NotExist', 'Runnable', 'Running', 'Waiting', 'Syscall'] as const;

/** Proc states of the public model (x/exp/trace ProcState). */
export const enum ProcState {
  Undetermined = 0,
  NotExist = 1,
  Running = 2,
  Idle = 3,
}

export const PROC_STATE_NAMES = ['Undetermined', 'NotExist', 'Running', 'Idle'] as const;

export const enum ResourceKind {
  None = 0,
  Goroutine = 1,
  Proc = 2,
  Thread = 3,
}

/** Metric events: the three runtime/metrics names the tracer samples. */
export const enum MetricId {
  Gomaxprocs = 0,
  HeapAlloc = 1,
  HeapGoal = 2,
}

export const METRIC_NAMES = ['/sched/gomaxprocs:threads', '/memory/classes/heap/objects:bytes', '/gc/heap/goal:bytes'] as const;

/** The -1 the reader uses for "no goroutine / proc / thread / task" (2^64-1 on the wire). */
export const NONE = -1;

export function stateName(kind: ResourceKind, state: number): string {
  if (kind === ResourceKind.Goroutine) return GO_STATE_NAMES[state] ?? 'Bad';
  return PROC_STATE_NAMES[state] ?? 'Bad';
}
