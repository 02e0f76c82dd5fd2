/**
 * Span state codes in chunks (one byte per span), shared by the server that
 * fills them and the renderer that colours them.
 */
export const enum SpanState {
  /** Goroutine lanes. */
  Running = 1,
  Runnable = 2,
  Waiting = 3,
  Syscall = 4,
  /** In a syscall after its proc was taken away (the syscall blocked). */
  SyscallBlocked = 5,
  /** Proc/thread lanes: a goroutine executing there (coloured by its group). */
  Executing = 10,
  /** Proc lanes: the executing goroutine is in a syscall. */
  ExecutingSyscall = 11,
  /** GC lane. */
  GCMark = 20,
  STW = 21,
  /** Range rows on proc lanes. */
  Sweep = 22,
  MarkAssist = 23,
  /** Task lanes: a user task from its begin to its end (coloured by task type). */
  Task = 24,
}

export const SPAN_STATE_NAMES: Record<number, string> = {
  1: 'running',
  2: 'runnable',
  3: 'waiting',
  4: 'syscall',
  5: 'syscall (blocked)',
  10: 'executing',
  11: 'in syscall',
  20: 'GC mark phase',
  21: 'stop-the-world',
  22: 'GC incremental sweep',
  23: 'GC mark assist',
  24: 'task',
};

/** Marker kinds on marker lanes. */
export const enum MarkerKind {
  NetUnblock = 1,
  SyscallExitBlocked = 2,
  SyncUnblock = 3,
  CpuSample = 4,
  Log = 5,
}
