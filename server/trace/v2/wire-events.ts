/**
 * Wire event types of the generational format (go 1.22 … 1.26) and the per-type
 * facts the decoder and the ordering need. Numbers are the on-disk type bytes.
 */

export const enum Ev {
  None = 0,
  EventBatch = 1,
  Stacks = 2,
  Stack = 3,
  Strings = 4,
  String = 5,
  CPUSamples = 6,
  CPUSample = 7,
  Frequency = 8,
  ProcsChange = 9,
  ProcStart = 10,
  ProcStop = 11,
  ProcSteal = 12,
  ProcStatus = 13,
  GoCreate = 14,
  GoCreateSyscall = 15,
  GoStart = 16,
  GoDestroy = 17,
  GoDestroySyscall = 18,
  GoStop = 19,
  GoBlock = 20,
  GoUnblock = 21,
  GoSyscallBegin = 22,
  GoSyscallEnd = 23,
  GoSyscallEndBlocked = 24,
  GoStatus = 25,
  STWBegin = 26,
  STWEnd = 27,
  GCActive = 28,
  GCBegin = 29,
  GCEnd = 30,
  GCSweepActive = 31,
  GCSweepBegin = 32,
  GCSweepEnd = 33,
  GCMarkAssistActive = 34,
  GCMarkAssistBegin = 35,
  GCMarkAssistEnd = 36,
  HeapAlloc = 37,
  HeapGoal = 38,
  GoLabel = 39,
  UserTaskBegin = 40,
  UserTaskEnd = 41,
  UserRegionBegin = 42,
  UserRegionEnd = 43,
  UserLog = 44,
  GoSwitch = 45,
  GoSwitchDestroy = 46,
  GoCreateBlocked = 47,
  GoStatusStack = 48,
  ExperimentalBatch = 49,
  Sync = 50,
  ClockSnapshot = 51,
  EndOfGeneration = 52,
  // AllocFree experiment (GODEBUG=traceallocfree=1), go 1.23+.
  Span = 128,
  SpanAlloc = 129,
  SpanFree = 130,
  HeapObject = 131,
  HeapObjectAlloc = 132,
  HeapObjectFree = 133,
  GoroutineStack = 134,
  GoroutineStackAlloc = 135,
  GoroutineStackFree = 136,
  /** Not a wire type: the reader's synthetic Sync events. */
  SyncMarker = 255,
}

/** Number of defined spec slots; a type byte at or above this is "invalid event type". */
export const NUM_SPECS = 137;

interface Spec {
  name: string;
  /** Argument names after the timestamp delta (timed events) or all args (structural). */
  args: string[];
  timed: boolean;
  /** Index into args (dt excluded) of the main stack id, or -1. */
  stackArg: number;
  /** Index of every string-id argument (dt excluded). */
  stringArgs: number[];
  /** For an "end" event, the type of its "begin". */
  startEv: Ev;
  experimental: boolean;
}

const SPECS: Spec[] = [];

function def(ev: Ev, name: string, args: string[], extra: Partial<Spec> = {}): void {
  SPECS[ev] = { name, args, timed: false, stackArg: -1, stringArgs: [], startEv: Ev.None, experimental: false, ...extra };
}

function timed(ev: Ev, name: string, args: string[], extra: Partial<Spec> = {}): void {
  const stackArg = args.indexOf('stack');
  const stringArgs = args.flatMap((a, i) => (a.endsWith('_string') ? [i] : []));
  def(ev, name, args, { timed: true, stackArg, stringArgs, ...extra });
}

def(Ev.EventBatch, 'EventBatch', ['gen', 'm', 'time', 'size']);
def(Ev.Stacks, 'Stacks', []);
def(Ev.Stack, 'Stack', ['id', 'nframes']);
def(Ev.Strings, 'Strings', []);
def(Ev.String, 'String', ['id']);
def(Ev.CPUSamples, 'CPUSamples', []);
def(Ev.CPUSample, 'CPUSample', ['time', 'm', 'p', 'g', 'stack']);
def(Ev.Frequency, 'Frequency', ['freq']);
timed(Ev.ProcsChange, 'ProcsChange', ['procs_value', 'stack']);
timed(Ev.ProcStart, 'ProcStart', ['p', 'p_seq']);
timed(Ev.ProcStop, 'ProcStop', []);
timed(Ev.ProcSteal, 'ProcSteal', ['p', 'p_seq', 'm']);
timed(Ev.ProcStatus, 'ProcStatus', ['p', 'pstatus']);
timed(Ev.GoCreate, 'GoCreate', ['new_g', 'new_stack', 'stack']);
timed(Ev.GoCreateSyscall, 'GoCreateSyscall', ['new_g']);
timed(Ev.GoStart, 'GoStart', ['g', 'g_seq']);
timed(Ev.GoDestroy, 'GoDestroy', []);
timed(Ev.GoDestroySyscall, 'GoDestroySyscall', []);
timed(Ev.GoStop, 'GoStop', ['reason_string', 'stack']);
timed(Ev.GoBlock, 'GoBlock', ['reason_string', 'stack']);
timed(Ev.GoUnblock, 'GoUnblock', ['g', 'g_seq', 'stack']);
timed(Ev.GoSyscallBegin, 'GoSyscallBegin', ['p_seq', 'stack']);
timed(Ev.GoSyscallEnd, 'GoSyscallEnd', [], { startEv: Ev.GoSyscallBegin });
timed(Ev.GoSyscallEndBlocked, 'GoSyscallEndBlocked', [], { startEv: Ev.GoSyscallBegin });
timed(Ev.GoStatus, 'GoStatus', ['g', 'm', 'gstatus']);
timed(Ev.STWBegin, 'STWBegin', ['kind_string', 'stack']);
timed(Ev.STWEnd, 'STWEnd', [], { startEv: Ev.STWBegin });
timed(Ev.GCActive, 'GCActive', ['gc_seq'], { startEv: Ev.GCBegin });
timed(Ev.GCBegin, 'GCBegin', ['gc_seq', 'stack']);
timed(Ev.GCEnd, 'GCEnd', ['gc_seq'], { startEv: Ev.GCBegin });
timed(Ev.GCSweepActive, 'GCSweepActive', ['p'], { startEv: Ev.GCSweepBegin });
timed(Ev.GCSweepBegin, 'GCSweepBegin', ['stack']);
timed(Ev.GCSweepEnd, 'GCSweepEnd', ['swept_value', 'reclaimed_value'], { startEv: Ev.GCSweepBegin });
timed(Ev.GCMarkAssistActive, 'GCMarkAssistActive', ['g'], { startEv: Ev.GCMarkAssistBegin });
timed(Ev.GCMarkAssistBegin, 'GCMarkAssistBegin', ['stack']);
timed(Ev.GCMarkAssistEnd, 'GCMarkAssistEnd', [], { startEv: Ev.GCMarkAssistBegin });
timed(Ev.HeapAlloc, 'HeapAlloc', ['heapalloc_value']);
timed(Ev.HeapGoal, 'HeapGoal', ['heapgoal_value']);
timed(Ev.GoLabel, 'GoLabel', ['label_string']);
timed(Ev.UserTaskBegin, 'UserTaskBegin', ['task', 'parent_task', 'name_string', 'stack']);
timed(Ev.UserTaskEnd, 'UserTaskEnd', ['task', 'stack']);
timed(Ev.UserRegionBegin, 'UserRegionBegin', ['task', 'name_string', 'stack']);
timed(Ev.UserRegionEnd, 'UserRegionEnd', ['task', 'name_string', 'stack'], { startEv: Ev.UserRegionBegin });
timed(Ev.UserLog, 'UserLog', ['task', 'key_string', 'value_string', 'stack']);
timed(Ev.GoSwitch, 'GoSwitch', ['g', 'g_seq']);
timed(Ev.GoSwitchDestroy, 'GoSwitchDestroy', ['g', 'g_seq']);
timed(Ev.GoCreateBlocked, 'GoCreateBlocked', ['new_g', 'new_stack', 'stack']);
timed(Ev.GoStatusStack, 'GoStatusStack', ['g', 'm', 'gstatus', 'stack']);
def(Ev.ExperimentalBatch, 'ExperimentalBatch', ['exp', 'gen', 'm', 'time']);
def(Ev.Sync, 'Sync', []);
timed(Ev.ClockSnapshot, 'ClockSnapshot', ['mono', 'sec', 'nsec']);
def(Ev.EndOfGeneration, 'EndOfGeneration', []);
const exp = { experimental: true };
timed(Ev.Span, 'Span', ['id', 'npages_value', 'kindclass'], exp);
timed(Ev.SpanAlloc, 'SpanAlloc', ['id', 'npages_value', 'kindclass'], exp);
timed(Ev.SpanFree, 'SpanFree', ['id'], exp);
timed(Ev.HeapObject, 'HeapObject', ['id', 'type'], exp);
timed(Ev.HeapObjectAlloc, 'HeapObjectAlloc', ['id', 'type'], exp);
timed(Ev.HeapObjectFree, 'HeapObjectFree', ['id'], exp);
timed(Ev.GoroutineStack, 'GoroutineStack', ['id', 'order'], exp);
timed(Ev.GoroutineStackAlloc, 'GoroutineStackAlloc', ['id', 'order'], exp);
timed(Ev.GoroutineStackFree, 'GoroutineStackFree', ['id'], exp);

/** Flat tables for the hot decode loop (indexed by type byte). */
export const ARG_COUNT = new Uint8Array(256);
export const IS_TIMED = new Uint8Array(256);
export const STACK_ARG = new Int8Array(256).fill(-1);
export const START_EV = new Uint8Array(256);
/** Up to two string-id argument positions per type (-1 = none). */
export const STRING_ARG0 = new Int8Array(256).fill(-1);
export const STRING_ARG1 = new Int8Array(256).fill(-1);
for (let t = 0; t < NUM_SPECS; t++) {
  const s = SPECS[t];
  if (!s) continue;
  ARG_COUNT[t] = s.args.length;
  IS_TIMED[t] = s.timed ? 1 : 0;
  STACK_ARG[t] = s.stackArg;
  START_EV[t] = s.startEv;
  if (s.stringArgs.length > 0) STRING_ARG0[t] = s.stringArgs[0];
  if (s.stringArgs.length > 1) STRING_ARG1[t] = s.stringArgs[1];
}

export function specName(ev: number): string {
  return SPECS[ev]?.name ?? `Invalid(${ev})`;
}

export function specArgNames(ev: number): readonly string[] {
  return SPECS[ev]?.args ?? [];
}

export function specStringArgs(ev: number): readonly number[] {
  return SPECS[ev]?.stringArgs ?? [];
}

export function isExperimentalEvent(ev: number): boolean {
  return SPECS[ev]?.experimental ?? false;
}

/** Wire goroutine statuses (GoStatus gstatus argument). */
export const enum GoStatus {
  Bad = 0,
  Runnable = 1,
  Running = 2,
  Syscall = 3,
  Waiting = 4,
}

/** Wire proc statuses (ProcStatus pstatus argument). */
export const enum ProcStatus {
  Bad = 0,
  Running = 1,
  Idle = 2,
  Syscall = 3,
  SyscallAbandoned = 4,
}

/** Public goroutine state (event-kinds GoState) for each wire status; Bad maps to Undetermined as in Go. */
export const GO_STATUS_TO_STATE = [0 /* Undetermined */, 2 /* Runnable */, 3 /* Running */, 5 /* Syscall */, 4 /* Waiting */];

/** Public proc state (event-kinds ProcState) for each wire status: Syscall counts as running, abandoned as idle. */
export const PROC_STATUS_TO_STATE = [0 /* Undetermined */, 2 /* Running */, 3 /* Idle */, 2 /* Running */, 3 /* Idle */];

export const GO_STATUS_NAMES = ['Bad', 'Runnable', 'Running', 'Syscall', 'Waiting'];
export const PROC_STATUS_NAMES = ['Bad', 'Running', 'Idle', 'Syscall', 'Bad'];

export const EXPERIMENT_NAMES = ['None', 'AllocFree'];

/** Limits the reader enforces (tracev2 constants). */
export const MAX_BATCH_SIZE = 64 << 10;
export const MAX_FRAMES_PER_STACK = 128;
export const MAX_STRING_SIZE = 1 << 10;
