/**
 * Old-format (go 1.11, 1.19, 1.21 headers) event types and their argument
 * layout, and the columnar store the v1 reader keeps events in: old traces
 * must be read whole (the frequency and the stack table sit at the end), so a
 * 9 M-event trace is 9 M rows of typed arrays, not 9 M objects.
 */

export const enum V1 {
  None = 0,
  Batch = 1,
  Frequency = 2,
  Stack = 3,
  Gomaxprocs = 4,
  ProcStart = 5,
  ProcStop = 6,
  GCStart = 7,
  GCDone = 8,
  STWStart = 9,
  STWDone = 10,
  GCSweepStart = 11,
  GCSweepDone = 12,
  GoCreate = 13,
  GoStart = 14,
  GoEnd = 15,
  GoStop = 16,
  GoSched = 17,
  GoPreempt = 18,
  GoSleep = 19,
  GoBlock = 20,
  GoUnblock = 21,
  GoBlockSend = 22,
  GoBlockRecv = 23,
  GoBlockSelect = 24,
  GoBlockSync = 25,
  GoBlockCond = 26,
  GoBlockNet = 27,
  GoSysCall = 28,
  GoSysExit = 29,
  GoSysBlock = 30,
  GoWaiting = 31,
  GoInSyscall = 32,
  HeapAlloc = 33,
  HeapGoal = 34,
  TimerGoroutine = 35,
  FutileWakeup = 36,
  String = 37,
  GoStartLocal = 38,
  GoUnblockLocal = 39,
  GoSysExitLocal = 40,
  GoStartLabel = 41,
  GoBlockGC = 42,
  GCMarkAssistStart = 43,
  GCMarkAssistDone = 44,
  UserTaskCreate = 45,
  UserTaskEnd = 46,
  UserRegion = 47,
  UserLog = 48,
  CPUSample = 49,
  Count = 50,
}

interface Desc {
  name: string;
  minVersion: number;
  stack: boolean;
  args: number;
}

function d(name: string, minVersion: number, stack: boolean, args: number): Desc {
  return { name, minVersion, stack, args };
}

/** Name, first header version, trailing stack id, argument count (timestamp and stack excluded). */
export const V1_DESCS: Desc[] = [
  d('None', 5, false, 0), d('Batch', 5, false, 2), d('Frequency', 5, false, 1), d('Stack', 5, false, 2),
  d('Gomaxprocs', 5, true, 1), d('ProcStart', 5, false, 1), d('ProcStop', 5, false, 0), d('GCStart', 5, true, 1),
  d('GCDone', 5, false, 0), d('GCSTWStart', 5, false, 1), d('GCSTWDone', 5, false, 0), d('GCSweepStart', 5, true, 0),
  d('GCSweepDone', 5, false, 2), d('GoCreate', 5, true, 2), d('GoStart', 5, false, 2), d('GoEnd', 5, false, 0),
  d('GoStop', 5, true, 0), d('GoSched', 5, true, 0), d('GoPreempt', 5, true, 0), d('GoSleep', 5, true, 0),
  d('GoBlock', 5, true, 0), d('GoUnblock', 5, true, 2), d('GoBlockSend', 5, true, 0), d('GoBlockRecv', 5, true, 0),
  d('GoBlockSelect', 5, true, 0), d('GoBlockSync', 5, true, 0), d('GoBlockCond', 5, true, 0), d('GoBlockNet', 5, true, 0),
  d('GoSysCall', 5, true, 0), d('GoSysExit', 5, false, 3), d('GoSysBlock', 5, false, 0), d('GoWaiting', 5, false, 1),
  d('GoInSyscall', 5, false, 1), d('HeapAlloc', 5, false, 1), d('HeapGoal', 5, false, 1), d('TimerGoroutine', 5, false, 1),
  d('FutileWakeup', 5, false, 0), d('String', 7, false, 0), d('GoStartLocal', 7, false, 1), d('GoUnblockLocal', 7, true, 1),
  d('GoSysExitLocal', 7, false, 2), d('GoStartLabel', 8, false, 3), d('GoBlockGC', 8, true, 0), d('GCMarkAssistStart', 9, true, 0),
  d('GCMarkAssistDone', 9, false, 0), d('UserTaskCreate', 11, true, 3), d('UserTaskEnd', 11, true, 1), d('UserRegion', 11, true, 3),
  d('UserLog', 11, true, 2), d('CPUSample', 19, true, 3),
];

/** Values a complete record of type `t` carries: timestamp delta, args, stack id. */
export function recordArgCount(t: number): number {
  const desc = V1_DESCS[t];
  let n = desc.args + (desc.stack ? 1 : 0);
  if (t !== V1.Batch && t !== V1.Frequency && t !== V1.TimerGoroutine) n++;
  return n;
}

/** Pseudo-procs the old parser assigns some events to (cmd/trace's fixed lanes). */
export const TIMER_P = 1000001;
export const NETPOLL_P = 1000002;
export const SYSCALL_P = 1000003;
export const GC_P = 1000004;
export const PROFILE_P = 1000005;

/** Growable event columns. Row i is one event. */
export class V1Store {
  length = 0;
  type = new Uint8Array(1024);
  p = new Int32Array(1024);
  stk = new Uint32Array(1024);
  off = new Float64Array(1024);
  ts = new Float64Array(1024);
  g = new Float64Array(1024);
  /** Four argument columns interleaved: args[4*i + k]. */
  args = new Float64Array(4096);

  add(type: number, p: number, g: number, ts: number, off: number): number {
    if (this.length === this.type.length) this.grow();
    const i = this.length++;
    this.type[i] = type;
    this.p[i] = p;
    this.g[i] = g;
    this.ts[i] = ts;
    this.off[i] = off;
    this.stk[i] = 0;
    return i;
  }

  private grow(): void {
    const n = this.type.length * 2;
    const grow = <T extends Uint8Array | Int32Array | Uint32Array | Float64Array>(a: T, size: number): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.type = grow(this.type, n);
    this.p = grow(this.p, n);
    this.stk = grow(this.stk, n);
    this.off = grow(this.off, n);
    this.ts = grow(this.ts, n);
    this.g = grow(this.g, n);
    this.args = grow(this.args, 4 * n);
  }
}

/** A growable list of row indices. */
export class IndexList {
  length = 0;
  items = new Int32Array(256);
  push(i: number): void {
    if (this.length === this.items.length) {
      const b = new Int32Array(this.items.length * 2);
      b.set(this.items);
      this.items = b;
    }
    this.items[this.length++] = i;
  }
}
