import { GoState } from '../event-kinds.ts';
import { MAY, MUST, MUST_NOT, type Ordering } from './ordering.ts';
import { GState, MState } from './ordering-state.ts';
import type { RawEvent } from './raw-event.ts';
import { Ev, GO_STATUS_NAMES, GoStatus, ProcStatus, PROC_STATUS_NAMES, specName } from './wire-events.ts';

/** Public goroutine state for each wire status (index 0, Bad, maps to Undetermined as in Go). */
export const GO_STATUS_TO_STATE = [GoState.Undetermined, GoState.Runnable, GoState.Running, GoState.Syscall, GoState.Waiting];

/** Goroutine lifecycle events: create, start, stop, block, unblock, syscalls, status, switch. */
export function advanceGoroutineEvent(o: Ordering, ev: RawEvent): boolean {
  switch (ev.type) {
    case Ev.GoStatus:
    case Ev.GoStatusStack:
      return goStatus(o, ev);
    case Ev.GoCreate:
    case Ev.GoCreateBlocked:
      return goCreate(o, ev);
    case Ev.GoCreateSyscall:
      return goCreateSyscall(o, ev);
    case Ev.GoStart:
      return goStart(o, ev);
    case Ev.GoDestroy:
    case Ev.GoStop:
    case Ev.GoBlock:
      return goStopExec(o, ev);
    case Ev.GoDestroySyscall:
      return goDestroySyscall(o, ev);
    case Ev.GoUnblock:
      return goUnblock(o, ev);
    case Ev.GoSyscallBegin:
      return goSyscallBegin(o, ev);
    case Ev.GoSyscallEnd:
      return goSyscallEnd(o, ev);
    case Ev.GoSyscallEndBlocked:
      return goSyscallEndBlocked(o, ev);
    default:
      return goSwitch(o, ev);
  }
}

function goStatus(o: Ordering, ev: RawEvent): boolean {
  const gid = ev.a0;
  const mid = ev.a1;
  const status = ev.a2;
  if (status < 0 || status >= GO_STATUS_TO_STATE.length) o.fail(ev, `invalid status for goroutine ${gid}: ${status}`);
  let oldState: number = GO_STATUS_TO_STATE[status];
  const s = o.gStates.get(gid);
  if (s !== undefined) {
    if (s.status !== status) {
      o.fail(ev, `inconsistent status for goroutine ${gid}: old ${GO_STATUS_NAMES[s.status]} vs. new ${GO_STATUS_NAMES[status]}`);
    }
    s.seqGen = o.gen;
    s.seqN = 0;
  } else if (o.gen === o.initialGen) {
    o.gStates.set(gid, new GState(gid, status, o.gen, 0));
    oldState = GoState.Undetermined;
  } else {
    o.fail(ev, `found goroutine status for new goroutine after the first generation: id=${gid} status=${GO_STATUS_NAMES[status]}`);
  }
  ev.extra0 = oldState;
  if (status === GoStatus.Running) {
    o.newG = gid;
  } else if (status === GoStatus.Syscall) {
    if (mid === -1) o.fail(ev, `found goroutine ${gid} in syscall without a thread`);
    if (mid === o.curM) {
      if (o.gen !== o.initialGen && o.curG !== gid) {
        o.fail(ev, `inconsistent thread for syscalling goroutine ${gid}: thread has goroutine ${o.curG}`);
      }
      o.newG = gid;
    } else {
      // A goroutine sitting in a syscall on another thread for the whole
      // generation: the event describes that thread, not the writer.
      const ms = o.mStates.get(mid);
      if (ms !== undefined) {
        if (ms.g !== gid) o.fail(ev, `inconsistent thread for syscalling goroutine ${gid}: thread has goroutine ${ms.g}`);
        o.evG = ms.g;
      } else {
        const created = new MState();
        created.g = gid;
        o.mStates.set(mid, created);
      }
      o.evM = mid;
    }
  }
  o.emit(ev);
  return true;
}

function goCreate(o: Ordering, ev: RawEvent): boolean {
  o.validateCtx(ev, MUST, MUST, MAY);
  const creator = o.gStates.get(o.curG);
  if (creator !== undefined && creator.status !== GoStatus.Running) o.fail(ev, `${specName(ev.type)} event for goroutine that's not Running`);
  const newgid = ev.a0;
  if (o.gStates.has(newgid)) o.fail(ev, `tried to create goroutine (${newgid}) that already exists`);
  const status = ev.type === Ev.GoCreateBlocked ? GoStatus.Waiting : GoStatus.Runnable;
  o.gStates.set(newgid, new GState(newgid, status, o.gen, 0));
  o.emit(ev);
  return true;
}

function goStopExec(o: Ordering, ev: RawEvent): boolean {
  o.validateUser(ev);
  const state = o.gStates.get(o.curG);
  if (state === undefined) o.fail(ev, `event ${specName(ev.type)} for goroutine (${o.curG}) that doesn't exist`);
  if (state.status !== GoStatus.Running) o.fail(ev, `${specName(ev.type)} event for goroutine that's not Running`);
  if (ev.type === Ev.GoDestroy) o.gStates.delete(o.curG);
  else state.status = ev.type === Ev.GoStop ? GoStatus.Runnable : GoStatus.Waiting;
  o.newG = -1;
  o.emit(ev);
  return true;
}

function goStart(o: Ordering, ev: RawEvent): boolean {
  const gid = ev.a0;
  const state = o.gStates.get(gid);
  if (state === undefined || state.status !== GoStatus.Runnable || !o.succeeds(ev.a1, state.seqGen, state.seqN)) return false;
  o.validateCtx(ev, MUST, MUST, MUST_NOT);
  state.status = GoStatus.Running;
  state.seqGen = o.gen;
  state.seqN = ev.a1;
  o.newG = gid;
  o.emit(ev);
  return true;
}

function goUnblock(o: Ordering, ev: RawEvent): boolean {
  const gid = ev.a0;
  const state = o.gStates.get(gid);
  if (state === undefined || state.status !== GoStatus.Waiting || !o.succeeds(ev.a1, state.seqGen, state.seqN)) return false;
  // Anything may unblock a goroutine (sysmon, the netpoller): no context check.
  state.status = GoStatus.Runnable;
  state.seqGen = o.gen;
  state.seqN = ev.a1;
  o.emit(ev);
  return true;
}

/** GoSwitch/GoSwitchDestroy: unblock the target, block or end the current goroutine, start the target. */
function goSwitch(o: Ordering, ev: RawEvent): boolean {
  o.validateUser(ev);
  const cur = o.gStates.get(o.curG);
  if (cur === undefined) o.fail(ev, `event ${specName(ev.type)} for goroutine (${o.curG}) that doesn't exist`);
  if (cur.status !== GoStatus.Running) o.fail(ev, `${specName(ev.type)} event for goroutine that's not Running`);
  const nextg = ev.a0;
  const next = o.gStates.get(nextg);
  if (next === undefined || next.status !== GoStatus.Waiting || !o.succeeds(ev.a1, next.seqGen, next.seqN)) return false;
  o.emit(ev);
  if (ev.type === Ev.GoSwitch) {
    cur.status = GoStatus.Waiting;
    o.emitSynthetic(ev, Ev.GoBlock, o.curG, o.curP, o.curM); // no reason, no stack
  } else {
    o.gStates.delete(o.curG);
    o.emitSynthetic(ev, Ev.GoDestroy, o.curG, o.curP, o.curM);
  }
  next.status = GoStatus.Running;
  next.seqGen = o.gen;
  next.seqN = ev.a1;
  o.newG = nextg;
  o.emitSynthetic(ev, Ev.GoStart, -1, o.curP, o.curM, nextg, ev.a1);
  return true;
}

function goSyscallBegin(o: Ordering, ev: RawEvent): boolean {
  o.validateUser(ev);
  const state = o.gStates.get(o.curG);
  if (state === undefined) o.fail(ev, `event GoSyscallBegin for goroutine (${o.curG}) that doesn't exist`);
  if (state.status !== GoStatus.Running) o.fail(ev, `GoSyscallBegin event for goroutine that's not Running`);
  state.status = GoStatus.Syscall;
  const p = o.pStates.get(o.curP);
  if (p === undefined) o.fail(ev, `uninitialized proc ${o.curP} found during GoSyscallBegin`);
  p.status = ProcStatus.Syscall;
  // The proc sequence number disambiguates which syscall a later ProcSteal took
  // the proc from; a running proc must have exactly the next number.
  if (!o.succeeds(ev.a0, p.seqGen, p.seqN)) {
    o.fail(ev, `failed to advance GoSyscallBegin: can't make sequence: ${p.seqN} (gen=${p.seqGen}) -> ${ev.a0} (gen=${o.gen})`);
  }
  p.seqGen = o.gen;
  p.seqN = ev.a0;
  o.emit(ev);
  return true;
}

function goSyscallEnd(o: Ordering, ev: RawEvent): boolean {
  o.validateUser(ev);
  const state = o.gStates.get(o.curG);
  if (state === undefined) o.fail(ev, `event GoSyscallEnd for goroutine (${o.curG}) that doesn't exist`);
  if (state.status !== GoStatus.Syscall) o.fail(ev, `GoSyscallEnd event for goroutine that's not Syscall`);
  state.status = GoStatus.Running;
  const p = o.pStates.get(o.curP);
  if (p === undefined) o.fail(ev, `uninitialized proc ${o.curP} found during GoSyscallEnd`);
  if (p.status !== ProcStatus.Syscall) o.fail(ev, `expected proc ${o.curP} in state Syscall, but got ${PROC_STATUS_NAMES[p.status]} instead`);
  p.status = ProcStatus.Running;
  o.emit(ev);
  return true;
}

function goSyscallEndBlocked(o: Ordering, ev: RawEvent): boolean {
  // Wait while this thread still holds its proc in the syscall state: the
  // event says the proc was lost, so a ProcSteal/ProcStop must come first.
  if (o.curP !== -1) {
    const p = o.pStates.get(o.curP);
    if (p === undefined) o.fail(ev, `uninitialized proc ${o.curP} found during GoSyscallEndBlocked`);
    if (p.status === ProcStatus.Syscall) return false;
  }
  o.validateCtx(ev, MUST, MAY, MUST);
  const state = o.gStates.get(o.curG);
  if (state === undefined) o.fail(ev, `event GoSyscallEndBlocked for goroutine (${o.curG}) that doesn't exist`);
  if (state.status !== GoStatus.Syscall) o.fail(ev, `GoSyscallEndBlocked event for goroutine that's not Syscall`);
  o.newG = -1;
  state.status = GoStatus.Runnable;
  o.emit(ev);
  return true;
}

function goCreateSyscall(o: Ordering, ev: RawEvent): boolean {
  // A cgo callback on a C thread: the goroutine appears already in a syscall.
  o.validateCtx(ev, MUST, MAY, MUST_NOT);
  const newgid = ev.a0;
  if (o.gStates.has(newgid)) o.fail(ev, `tried to create goroutine (${newgid}) in syscall that already exists`);
  o.gStates.set(newgid, new GState(newgid, GoStatus.Syscall, o.gen, 0));
  o.newG = newgid;
  o.emit(ev);
  return true;
}

function goDestroySyscall(o: Ordering, ev: RawEvent): boolean {
  o.validateCtx(ev, MUST, MAY, MUST);
  const state = o.gStates.get(o.curG);
  if (state === undefined) o.fail(ev, `event GoDestroySyscall for goroutine (${o.curG}) that doesn't exist`);
  if (state.status !== GoStatus.Syscall) o.fail(ev, `GoDestroySyscall event for goroutine that's not Syscall`);
  o.gStates.delete(o.curG);
  o.newG = -1;
  // The C thread's id may be reused: drop the proc now so a later thread with
  // the same id cannot appear to steal it back from itself.
  if (o.curP !== -1) {
    const p = o.pStates.get(o.curP);
    if (p === undefined) o.fail(ev, `found invalid proc ${o.curP} during GoDestroySyscall`);
    if (p.status !== ProcStatus.Syscall) o.fail(ev, `proc ${o.curP} in unexpected state ${PROC_STATUS_NAMES[p.status]} during GoDestroySyscall`);
    p.status = ProcStatus.SyscallAbandoned;
    o.newP = -1;
    const steal = o.emitSynthetic(ev, Ev.ProcSteal, o.curG, o.curP, o.curM, o.curP);
    steal.extra0 = ProcStatus.Syscall;
  }
  o.emit(ev);
  return true;
}
