/**
 * The flow arrows and user tasks of the timeline (go tool trace's "Flow
 * events" and TASKS section): the shapes of /api/flows and /api/task.
 * Times are ns since the trace's first event.
 */

/**
 * What an arrow stands for, as go tool trace names them:
 * create "go" (a goroutine created), unblock "unblock (<reason>)",
 * syscall "exit blocked syscall", task "newTask" (parent task → child task).
 */
export const FLOW_KINDS = ['create', 'unblock', 'syscall', 'task'] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

/** go tool trace's name of an arrow (its flow event's name). */
export function flowTitle(kind: FlowKind, reason: string): string {
  switch (kind) {
    case 'create':
      return 'go';
    case 'unblock':
      return reason ? `unblock (${reason})` : 'unblock';
    case 'syscall':
      return 'exit blocked syscall';
    case 'task':
      return 'newTask';
  }
}

export interface FlowArrow {
  kind: FlowKind;
  /** unblock: the reason of the wait it ended ("chan receive"); task: the child's type; else "". */
  reason: string;
  /**
   * Where the cause happened: the creator's or unblocker's goroutine lane (g:N) or
   * the proc/thread it ran on; "net" for network unblocks and "syscalls" for
   * syscall exits (go tool trace's Network and Syscalls rows); task:N for tasks.
   */
  fromLane: string;
  fromNs: number;
  /** Where the goroutine next started running: its lane, or the proc/thread it started on; task:N for tasks. */
  toLane: string;
  toNs: number;
  /** Id of the goroutine created, unblocked or back from its syscall (-1 for task arrows). */
  goroutine: number;
  /** Child task id (task arrows). */
  task?: number;
  /** For g:N ends: [group index, index in the group's lane list], to place an end that is not on screen. */
  fromRow?: [number, number];
  toRow?: [number, number];
}

export interface FlowsResponse {
  arrows: FlowArrow[];
  /** Arrow ends found on the asked lanes in the window (an arrow with both ends there counts twice). */
  total: number;
  /** True when more ends were found than the limit: the arrows are a sample, evenly spaced in time per lane. */
  truncated: boolean;
  /** Per lane, how many of its arrow ends were left out of the sample. */
  cut: Record<string, number>;
}

export interface TaskLog {
  timeNs: number;
  goroutine: number;
  category: string;
  message: string;
}

export interface TaskDetail {
  id: number;
  name: string;
  /** Parent task id, -1 for none. */
  parent: number;
  /** -1 when it began before the trace. */
  startNs: number;
  /** -1 when it had not ended by the end of the trace. */
  endNs: number;
  /** From the known begin (or the trace start) to the known end (or the trace end). */
  durationNs: number;
  /** Ids of the goroutines that did work for it (regions and logs), ascending. */
  goroutines: number[];
  children: number[];
  logs: TaskLog[];
  /** Logs beyond the first 200 are counted, not listed. */
  logCount: number;
}
