import { ProcState } from '../event-kinds.ts';
import { MAY, MUST, MUST_NOT, type Ordering } from './ordering.ts';
import { PState } from './ordering-state.ts';
import type { RawEvent } from './raw-event.ts';
import { Ev, PROC_STATUS_NAMES, PROC_STATUS_TO_STATE, ProcStatus } from './wire-events.ts';


/** ProcStart, ProcStop, ProcSteal, ProcStatus. */
export function advanceProcEvent(o: Ordering, ev: RawEvent): boolean {
  switch (ev.type) {
    case Ev.ProcStatus:
      return procStatus(o, ev);
    case Ev.ProcStart:
      return procStart(o, ev);
    case Ev.ProcStop:
      return procStop(o, ev);
    default:
      return procSteal(o, ev);
  }
}

function procStatus(o: Ordering, ev: RawEvent): boolean {
  const pid = ev.a0;
  const status = ev.a1;
  if (status < 0 || status >= PROC_STATUS_TO_STATE.length) o.fail(ev, `invalid status for proc ${pid}: ${status}`);
  let oldState: number = PROC_STATUS_TO_STATE[status];
  const s = o.ps.get(pid);
  if (s !== undefined) {
    if (status === ProcStatus.SyscallAbandoned && s.status === ProcStatus.Syscall) {
      // Abandoned is a weaker Syscall: nothing was lost, so promote it.
      oldState = ProcState.Running;
      ev.a1 = ProcStatus.Syscall;
    } else if (status === ProcStatus.SyscallAbandoned && s.status === ProcStatus.SyscallAbandoned) {
      oldState = ProcState.Idle;
      ev.a1 = ProcStatus.SyscallAbandoned;
    } else if (s.status !== status) {
      o.fail(ev, `inconsistent status for proc ${pid}: old ${PROC_STATUS_NAMES[s.status]} vs. new ${PROC_STATUS_NAMES[status] ?? status}`);
    }
    s.seqGen = o.gen;
    s.seqN = 0;
  } else {
    o.ps.set(pid, new PState(pid, status, o.gen, 0));
    oldState = o.gen === o.initialGen ? ProcState.Undetermined : ProcState.NotExist;
  }
  ev.extra0 = oldState;
  if (status === ProcStatus.Running || status === ProcStatus.Syscall) o.newP = pid;
  // A promoted SyscallAbandoned status describes the thread the proc is bound to,
  // which is usually not the one writing it: report it in that thread's context.
  if (status === ProcStatus.SyscallAbandoned && oldState === ProcState.Running) {
    let found = false;
    for (const [mid, ms] of o.mStates) {
      if (ms.p === pid) {
        o.evM = mid;
        o.evP = pid;
        o.evG = ms.g;
        found = true;
      }
    }
    if (!found) o.fail(ev, `failed to find sched context for proc ${pid} that's about to be stolen`);
  }
  o.emit(ev);
  return true;
}

function procStart(o: Ordering, ev: RawEvent): boolean {
  const pid = ev.a0;
  const state = o.ps.get(pid);
  // Not yet: the proc's status is not known, it is not idle, an earlier start
  // or steal has not been seen, or this thread still holds a proc in a syscall.
  if (state === undefined || state.status !== ProcStatus.Idle || !o.succeeds(ev.a1, state.seqGen, state.seqN) || o.curP !== -1) {
    return false;
  }
  o.validateCtx(ev, MUST, MUST_NOT, MAY);
  state.status = ProcStatus.Running;
  state.seqGen = o.gen;
  state.seqN = ev.a1;
  o.newP = pid;
  o.emit(ev);
  return true;
}

function procStop(o: Ordering, ev: RawEvent): boolean {
  const state = o.ps.get(o.curP);
  if (state === undefined) o.fail(ev, `event ProcStop for proc (${o.curP}) that doesn't exist`);
  if (state.status !== ProcStatus.Running && state.status !== ProcStatus.Syscall) {
    o.fail(ev, `ProcStop event for proc that's not Running or Syscall`);
  }
  o.validateCtx(ev, MUST, MUST, MAY);
  state.status = ProcStatus.Idle;
  o.newP = -1;
  o.emit(ev);
  return true;
}

function procSteal(o: Ordering, ev: RawEvent): boolean {
  const pid = ev.a0;
  const state = o.ps.get(pid);
  if (
    state === undefined ||
    (state.status !== ProcStatus.Syscall && state.status !== ProcStatus.SyscallAbandoned) ||
    !o.succeeds(ev.a1, state.seqGen, state.seqN)
  ) {
    return false;
  }
  o.validateCtx(ev, MUST, MAY, MAY);
  const oldStatus = state.status;
  ev.extra0 = oldStatus;
  state.status = ProcStatus.Idle;
  state.seqGen = o.gen;
  state.seqN = ev.a1;
  // Stolen from an abandoned syscall: the thread may have moved on; leave it alone.
  if (oldStatus === ProcStatus.SyscallAbandoned) {
    o.emit(ev);
    return true;
  }
  const mid = ev.a2;
  if (mid === o.curM) {
    // Stealing from ourselves behaves like ProcStop.
    if (o.curP !== pid) o.fail(ev, `tried to self-steal proc ${pid} (thread ${mid}), but got proc ${o.curP} instead`);
    o.newP = -1;
    o.emit(ev);
    return true;
  }
  const victim = o.mStates.get(mid);
  if (victim === undefined) o.fail(ev, `stole proc from non-existent thread ${mid}`);
  if (victim.p !== pid) o.fail(ev, `tried to steal proc ${pid} from thread ${mid}, but got proc ${victim.p} instead`);
  // The victim is in a syscall and will find its proc gone when it returns.
  victim.p = -1;
  o.emit(ev);
  return true;
}
