import { GoState } from '../event-kinds.ts';
import { MAY, MUST, MUST_NOT, type Ordering } from './ordering.ts';
import { MState } from './ordering-state.ts';
import type { RawEvent } from './raw-event.ts';
import { Ev, GO_STATUS_NAMES, GO_STATUS_TO_STATE, GoStatus, ProcStatus, PROC_STATUS_NAMES, specName } from './wire-events.ts';


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
  const gs = o.gs;
  const s = gs.find(gid);
  if (s >= 0) {
    if (gs.status[s] !== status) {
      o.fail(ev, `inconsistent status for goroutine ${gid}: old ${GO_STATUS_NAMES[gs.status[s]]} vs. new ${GO_STATUS_NAMES[status]}`);
    }
    gs.seqGen[s] = o.gen;
    gs.seqN[s] = 0;
  } else if (o.gen === o.initialGen) {
    gs.insert(gid, status, o.gen, 0);
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
  if (o.curM === -1 || o.curP === -1) o.validateCtx(ev, MUST, MUST, MAY);
  const gs = o.gs;
  if (o.curG !== -1) {
    const creator = gs.find(o.curG);
    if (creator >= 0 && gs.status[creator] !== GoStatus.Running) o.fail(ev, `${specName(ev.type)} event for goroutine that's not Running`);
  }
  const newgid = ev.a0;
  if (gs.find(newgid) >= 0) o.fail(ev, `tried to create goroutine (${newgid}) that already exists`);
  gs.insert(newgid, ev.type === Ev.GoCreateBlocked ? GoStatus.Waiting : GoStatus.Runnable, o.gen, 0);
  o.emit(ev);
  return true;
}

function goStopExec(o: Ordering, ev: RawEvent): boolean {
  o.validateUser(ev);
  const gs = o.gs;
  const s = gs.find(o.curG);
  if (s < 0) o.fail(ev, `event ${specName(ev.type)} for goroutine (${o.curG}) that doesn't exist`);
  if (gs.status[s] !== GoStatus.Running) o.fail(ev, `${specName(ev.type)} event for goroutine that's not Running`);
  if (ev.type === Ev.GoDestroy) gs.remove(o.curG);
  else gs.status[s] = ev.type === Ev.GoStop ? GoStatus.Runnable : GoStatus.Waiting;
  o.newG = -1;
  o.emit(ev);
  return true;
}

function goStart(o: Ordering, ev: RawEvent): boolean {
  const gid = ev.a0;
  const gs = o.gs;
  const s = gs.find(gid);
  if (s < 0 || gs.status[s] !== GoStatus.Runnable || !o.succeeds(ev.a1, gs.seqGen[s], gs.seqN[s])) return false;
  if (o.curM === -1 || o.curP === -1 || o.curG !== -1) o.validateCtx(ev, MUST, MUST, MUST_NOT);
  gs.status[s] = GoStatus.Running;
  gs.seqGen[s] = o.gen;
  gs.seqN[s] = ev.a1;
  o.newG = gid;
  o.emit(ev);
  return true;
}

function goUnblock(o: Ordering, ev: RawEvent): boolean {
  const gid = ev.a0;
  const gs = o.gs;
  const s = gs.find(gid);
  if (s < 0 || gs.status[s] !== GoStatus.Waiting || !o.succeeds(ev.a1, gs.seqGen[s], gs.seqN[s])) return false;
  // Anything may unblock a goroutine (sysmon, the netpoller): no context check.
  gs.status[s] = GoStatus.Runnable;
  gs.seqGen[s] = o.gen;
  gs.seqN[s] = ev.a1;
  o.emit(ev);
  return true;
}

/** GoSwitch/GoSwitchDestroy: unblock the target, block or end the current goroutine, start the target. */
function goSwitch(o: Ordering, ev: RawEvent): boolean {
  o.validateUser(ev);
  const gs = o.gs;
  const cur = gs.find(o.curG);
  if (cur < 0) o.fail(ev, `event ${specName(ev.type)} for goroutine (${o.curG}) that doesn't exist`);
  if (gs.status[cur] !== GoStatus.Running) o.fail(ev, `${specName(ev.type)} event for goroutine that's not Running`);
  const nextg = ev.a0;
  if (gs.find(nextg) < 0 || gs.status[gs.find(nextg)] !== GoStatus.Waiting || !o.succeeds(ev.a1, gs.seqGen[gs.find(nextg)], gs.seqN[gs.find(nextg)])) {
    return false;
  }
  o.emit(ev);
  if (ev.type === Ev.GoSwitch) {
    gs.status[cur] = GoStatus.Waiting;
    o.emitSynthetic(ev, Ev.GoBlock, o.curG, o.curP, o.curM); // no reason, no stack
  } else {
    gs.remove(o.curG); // may move other slots: look the target up again below
    o.emitSynthetic(ev, Ev.GoDestroy, o.curG, o.curP, o.curM);
  }
  const next = gs.find(nextg);
  gs.status[next] = GoStatus.Running;
  gs.seqGen[next] = o.gen;
  gs.seqN[next] = ev.a1;
  o.newG = nextg;
  o.emitSynthetic(ev, Ev.GoStart, -1, o.curP, o.curM, nextg, ev.a1);
  return true;
}

function goSyscallBegin(o: Ordering, ev: RawEvent): boolean {
  o.validateUser(ev);
  const gs = o.gs;
  const s = gs.find(o.curG);
  if (s < 0) o.fail(ev, `event GoSyscallBegin for goroutine (${o.curG}) that doesn't exist`);
  if (gs.status[s] !== GoStatus.Running) o.fail(ev, `GoSyscallBegin event for goroutine that's not Running`);
  gs.status[s] = GoStatus.Syscall;
  const p = o.ps.get(o.curP);
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
  const gs = o.gs;
  const s = gs.find(o.curG);
  if (s < 0) o.fail(ev, `event GoSyscallEnd for goroutine (${o.curG}) that doesn't exist`);
  if (gs.status[s] !== GoStatus.Syscall) o.fail(ev, `GoSyscallEnd event for goroutine that's not Syscall`);
  gs.status[s] = GoStatus.Running;
  const p = o.ps.get(o.curP);
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
    const p = o.ps.get(o.curP);
    if (p === undefined) o.fail(ev, `uninitialized proc ${o.curP} found during GoSyscallEndBlocked`);
    if (p.status === ProcStatus.Syscall) return false;
  }
  o.validateCtx(ev, MUST, MAY, MUST);
  const gs = o.gs;
  const s = gs.find(o.curG);
  if (s < 0) o.fail(ev, `event GoSyscallEndBlocked for goroutine (${o.curG}) that doesn't exist`);
  if (gs.status[s] !== GoStatus.Syscall) o.fail(ev, `GoSyscallEndBlocked event for goroutine that's not Syscall`);
  o.newG = -1;
  gs.status[s] = GoStatus.Runnable;
  o.emit(ev);
  return true;
}

function goCreateSyscall(o: Ordering, ev: RawEvent): boolean {
  // A cgo callback on a C thread: the goroutine appears already in a syscall.
  o.validateCtx(ev, MUST, MAY, MUST_NOT);
  const newgid = ev.a0;
  if (o.gs.find(newgid) >= 0) o.fail(ev, `tried to create goroutine (${newgid}) in syscall that already exists`);
  o.gs.insert(newgid, GoStatus.Syscall, o.gen, 0);
  o.newG = newgid;
  o.emit(ev);
  return true;
}

function goDestroySyscall(o: Ordering, ev: RawEvent): boolean {
  o.validateCtx(ev, MUST, MAY, MUST);
  const s = o.gs.find(o.curG);
  if (s < 0) o.fail(ev, `event GoDestroySyscall for goroutine (${o.curG}) that doesn't exist`);
  if (o.gs.status[s] !== GoStatus.Syscall) o.fail(ev, `GoDestroySyscall event for goroutine that's not Syscall`);
  o.gs.remove(o.curG);
  o.newG = -1;
  // The C thread's id may be reused: drop the proc now so a later thread with
  // the same id cannot appear to steal it back from itself.
  if (o.curP !== -1) {
    const p = o.ps.get(o.curP);
    if (p === undefined) o.fail(ev, `found invalid proc ${o.curP} during GoDestroySyscall`);
    if (p.status !== ProcStatus.Syscall) o.fail(ev, `proc ${o.curP} in unexpected state ${PROC_STATUS_NAMES[p.status]} during GoDestroySyscall`);
    p.status = ProcStatus.SyscallAbandoned;
    o.newP = -1;
    o.emitSynthetic(ev, Ev.ProcSteal, o.curG, o.curP, o.curM, o.curP, 0, ProcStatus.Syscall);
  }
  o.emit(ev);
  return true;
}
