import { TraceError } from '../trace-error.ts';
import { RawEvent, SlotQueue } from '../v2/raw-event.ts';
import { Ev, GoStatus, ProcStatus } from '../v2/wire-events.ts';
import { V1, V1_DESCS, type V1Store } from './v1-events.ts';
import {
  B_CHAN_RECV, B_CHAN_SEND, B_EMPTY, B_FOREVER, B_GOSCHED, B_MARK_ASSIST_WAIT, B_NETWORK, B_PREEMPTED, B_SELECT, B_SLEEP,
  B_STW_UNKNOWN, B_SYNC, B_SYNC_COND, NUM_STW_REASONS, type V1Tables,
} from './v1-tables.ts';
import { STACK_ARG } from '../v2/wire-events.ts';

/** Old block events and the reason the new model gives them. */
const BLOCK_REASON: Partial<Record<number, [Ev, number]>> = {
  [V1.GoStop]: [Ev.GoBlock, B_FOREVER],
  [V1.GoSched]: [Ev.GoStop, B_GOSCHED],
  [V1.GoPreempt]: [Ev.GoStop, B_PREEMPTED],
  [V1.GoSleep]: [Ev.GoBlock, B_SLEEP],
  [V1.GoBlock]: [Ev.GoBlock, B_EMPTY],
  [V1.GoBlockSend]: [Ev.GoBlock, B_CHAN_SEND],
  [V1.GoBlockRecv]: [Ev.GoBlock, B_CHAN_RECV],
  [V1.GoBlockSelect]: [Ev.GoBlock, B_SELECT],
  [V1.GoBlockSync]: [Ev.GoBlock, B_SYNC],
  [V1.GoBlockCond]: [Ev.GoBlock, B_SYNC_COND],
  [V1.GoBlockNet]: [Ev.GoBlock, B_NETWORK],
  [V1.GoBlockGC]: [Ev.GoBlock, B_MARK_ASSIST_WAIT],
};

/** Same-numbered (or simply renamed) events. */
const DIRECT: Partial<Record<number, Ev>> = {
  [V1.GCStart]: Ev.GCBegin,
  [V1.GCDone]: Ev.GCEnd,
  [V1.GCSweepStart]: Ev.GCSweepBegin,
  [V1.GCSweepDone]: Ev.GCSweepEnd,
  [V1.GoEnd]: Ev.GoDestroy,
  [V1.GoUnblock]: Ev.GoUnblock,
  [V1.GoSysExit]: Ev.GoSyscallEndBlocked,
  [V1.HeapAlloc]: Ev.HeapAlloc,
  [V1.HeapGoal]: Ev.HeapGoal,
  [V1.GCMarkAssistStart]: Ev.GCMarkAssistBegin,
  [V1.GCMarkAssistDone]: Ev.GCMarkAssistEnd,
};

/**
 * Turns ordered old-format events into the generational model, the way the
 * reference reader's converter does: goroutines created before the first
 * Gomaxprocs get a Runnable status, a syscall that did not block becomes a
 * begin/end pair 1 ns apart, STW kinds become reason strings, and so on.
 * Times are forced strictly increasing.
 */
export class V1Converter {
  private pos = 0;
  private readonly extra = new SlotQueue(() => new RawEvent());
  private readonly cur = new RawEvent();
  private preInit = true;
  private createdPreInit = new Set<number>();
  private readonly seenProcs = new Set<number>();
  private readonly procMs = new Map<number, number>();
  private readonly tasks = new Map<number, { name: number; parent: number }>();
  private lastStwReason = 0;
  /** Time of the last converted event (Go time: ns from the first event, which is 0). */
  lastTs = -1;

  constructor(
    private readonly s: V1Store,
    private readonly order: Int32Array,
    private readonly tables: V1Tables,
    private readonly minor: number,
  ) {}

  /** Time of the first remaining event, or null when none remain (the reader's Peek). */
  peekTime(): number | null {
    return this.pos < this.order.length ? this.s.ts[this.order[this.pos]] : null;
  }

  next(): RawEvent | null {
    for (;;) {
      const queued = this.extra.pop();
      if (queued !== null) return this.clamp(queued);
      if (this.pos >= this.order.length) return null;
      const row = this.order[this.pos++];
      if (this.convert(row)) return this.clamp(this.cur);
    }
  }

  private clamp(ev: RawEvent): RawEvent {
    if (ev.time <= this.lastTs) ev.time = this.lastTs + 1;
    this.lastTs = ev.time;
    return ev;
  }

  /** Fills `cur` from row `i`; false when the event is dropped. */
  private convert(i: number): boolean {
    const s = this.s;
    const t = s.type[i];
    const a = 4 * i;
    const p = s.p[i];
    const ev = this.cur;
    ev.time = s.ts[i];
    ev.offset = s.off[i];
    ev.a0 = s.args[a];
    ev.a1 = s.args[a + 1];
    ev.a2 = s.args[a + 2];
    ev.a3 = s.args[a + 3];
    ev.extra0 = ev.extra1 = 0;
    let type: number;
    const reason = BLOCK_REASON[t];
    if (reason !== undefined) {
      type = reason[0];
      this.args(this.tables.builtin(reason[1]), s.stk[i]);
    } else if (DIRECT[t] !== undefined) {
      type = DIRECT[t]!;
    } else {
      switch (t) {
        case V1.Gomaxprocs:
          type = Ev.ProcsChange;
          if (this.preInit) {
            // The first Gomaxprocs ends trace start-up: goroutines created during it
            // and not otherwise described were runnable.
            this.preInit = false;
            for (const gid of this.createdPreInit) {
              this.synth(Ev.GoStatus, ev.time, -1, -1, -1, gid, -1, GoStatus.Runnable);
            }
            this.createdPreInit = new Set();
            return false;
          }
          break;
        case V1.ProcStart:
          this.procMs.set(p, s.args[a]);
          if (this.seenProcs.has(p)) {
            type = Ev.ProcStart;
            this.args(p);
          } else {
            this.seenProcs.add(p);
            type = Ev.ProcStatus;
            this.args(p, ProcStatus.Running);
          }
          break;
        case V1.ProcStop:
          if (this.seenProcs.has(p)) {
            type = Ev.ProcStop;
            this.args(p);
          } else {
            this.seenProcs.add(p);
            type = Ev.ProcStatus;
            this.args(p, ProcStatus.Idle);
          }
          break;
        case V1.STWStart: {
          const kind = s.args[a];
          let reason = 0;
          if (this.minor < 21) reason = kind === 0 || kind === 1 ? kind + 1 : 0;
          else if (kind >= 0 && kind < NUM_STW_REASONS) reason = kind;
          const sid = this.tables.builtin(B_STW_UNKNOWN + reason);
          this.lastStwReason = sid;
          type = Ev.STWBegin;
          this.args(sid);
          break;
        }
        case V1.STWDone:
          type = Ev.STWEnd;
          this.args(this.lastStwReason);
          break;
        case V1.GoCreate:
          if (this.preInit) {
            this.createdPreInit.add(s.args[a]);
            return false;
          }
          type = Ev.GoCreate;
          break;
        case V1.GoStart:
          if (this.preInit) {
            type = Ev.GoStatus;
            this.args(s.args[a], -1, GoStatus.Running);
            this.createdPreInit.delete(s.args[a]);
          } else {
            type = Ev.GoStart;
          }
          break;
        case V1.GoStartLabel: {
          // A GC worker start: GoStart, then its label, at the same time.
          const m = this.procMs.get(p) ?? -1;
          this.synth(Ev.GoLabel, ev.time, s.g[i], p, m, s.args[a + 2]);
          ev.type = Ev.GoStart;
          ev.g = s.g[i];
          ev.p = p;
          ev.m = m;
          return true;
        }
        case V1.GoSysCall:
          if (this.nextOfSameGoroutineIsSysBlock(i)) {
            type = Ev.GoSyscallBegin;
            this.args(0, s.stk[i]);
          } else {
            const m = this.procMs.get(p) ?? -1;
            ev.type = Ev.GoSyscallBegin;
            this.args(0, s.stk[i]);
            ev.g = s.g[i];
            ev.p = p;
            ev.m = m;
            this.synth(Ev.GoSyscallEnd, ev.time + 1, s.g[i], p, m);
            return true;
          }
          break;
        case V1.GoSysBlock:
          return false;
        case V1.GoWaiting:
        case V1.GoInSyscall:
          type = Ev.GoStatus;
          this.args(s.args[a], -1, t === V1.GoWaiting ? GoStatus.Waiting : GoStatus.Syscall);
          this.createdPreInit.delete(s.args[a]);
          break;
        case V1.UserTaskCreate: {
          type = Ev.UserTaskBegin;
          const parent = s.args[a + 1];
          this.args(s.args[a], parent === 0 ? -1 : parent, s.args[a + 2], s.stk[i]);
          this.tasks.set(s.args[a], { name: this.tables.stringId(s.args[a + 2]), parent });
          break;
        }
        case V1.UserTaskEnd: {
          type = Ev.UserTaskEnd;
          const task = this.tasks.get(s.args[a]);
          this.args(s.args[a], s.args[a + 1]);
          if (task !== undefined) {
            this.tasks.delete(s.args[a]);
            ev.extra0 = task.parent;
            ev.extra1 = task.name;
          } else {
            ev.extra0 = -1;
          }
          break;
        }
        case V1.UserRegion:
          // Any other mode leaves the type unset, which Go reports as a Bad event.
          type = s.args[a + 1] === 0 ? Ev.UserRegionBegin : s.args[a + 1] === 1 ? Ev.UserRegionEnd : Ev.None;
          this.args(s.args[a], s.args[a + 2], s.stk[i]);
          break;
        case V1.UserLog:
          type = Ev.UserLog;
          this.args(s.args[a], s.args[a + 1], this.tables.inlineBase + s.args[a + 3], s.stk[i]);
          break;
        case V1.CPUSample:
          type = Ev.CPUSample;
          this.args(s.stk[i], -1, p, s.g[i]);
          break;
        default:
          throw new TraceError('BAD_EVENT', s.off[i], `unexpected event type ${t} (${V1_DESCS[t]?.name ?? 'unknown'})`);
      }
    }
    if (V1_DESCS[t].stack && STACK_ARG[type] >= 0) {
      const k = STACK_ARG[type];
      if (k === 0) ev.a0 = s.stk[i];
      else if (k === 1) ev.a1 = s.stk[i];
      else if (k === 2) ev.a2 = s.stk[i];
      else ev.a3 = s.stk[i];
    }
    let m = -1;
    if (p !== -1 && t !== V1.CPUSample) m = this.procMs.get(p) ?? -1;
    if (t === V1.ProcStop) this.procMs.delete(p);
    ev.type = type;
    ev.g = s.g[i] === 0 ? -1 : s.g[i];
    ev.p = p;
    ev.m = m;
    return true;
  }

  /** Replaces the current event's arguments (unlisted ones become 0). */
  private args(a0 = 0, a1 = 0, a2 = 0, a3 = 0): void {
    const ev = this.cur;
    ev.a0 = a0;
    ev.a1 = a1;
    ev.a2 = a2;
    ev.a3 = a3;
  }

  private synth(type: Ev, time: number, g: number, p: number, m: number, a0 = 0, a1 = 0, a2 = 0): void {
    const e = this.extra.push();
    e.type = type;
    e.time = time;
    e.g = g;
    e.p = p;
    e.m = m;
    e.a0 = a0;
    e.a1 = a1;
    e.a2 = a2;
    e.a3 = e.extra0 = e.extra1 = 0;
    e.offset = this.cur.offset;
  }

  /** Did the syscall block? Look at the goroutine's next event. */
  private nextOfSameGoroutineIsSysBlock(i: number): boolean {
    const s = this.s;
    const g = s.g[i];
    for (let k = this.pos; k < this.order.length; k++) {
      const j = this.order[k];
      if (s.g[j] !== g) continue;
      return s.type[j] === V1.GoSysBlock;
    }
    return false;
  }
}
