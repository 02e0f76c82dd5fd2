import { MAY, MUST, type Ordering } from './ordering.ts';
import { GC_NOT_RUNNING, GC_RUNNING, GC_UNDETERMINED } from './ordering-state.ts';
import type { RawEvent } from './raw-event.ts';
import { Ev } from './wire-events.ts';

/** GC, sweep, mark assist, STW, metrics, labels and user annotations. */
export function advanceOtherEvent(o: Ordering, ev: RawEvent): boolean {
  switch (ev.type) {
    case Ev.ProcsChange:
    case Ev.GoLabel:
    case Ev.UserLog:
      o.validateUser(ev);
      o.emit(ev);
      return true;
    case Ev.HeapAlloc:
    case Ev.HeapGoal:
      o.validateCtx(ev, MUST, MUST, MAY);
      o.emit(ev);
      return true;
    case Ev.GCActive:
      return gcActive(o, ev);
    case Ev.GCBegin:
      return gcBegin(o, ev);
    case Ev.GCEnd:
      return gcEnd(o, ev);
    case Ev.GCSweepBegin:
      return sweepBegin(o, ev);
    case Ev.GCSweepActive:
      return sweepActive(o, ev);
    case Ev.GCSweepEnd:
      return sweepEnd(o, ev);
    case Ev.STWBegin:
      return goRangeBegin(o, ev);
    case Ev.STWEnd:
      return goRangeEnd(o, ev);
    case Ev.GCMarkAssistBegin:
      return assistBegin(o, ev);
    case Ev.GCMarkAssistActive:
      return assistActive(o, ev);
    case Ev.GCMarkAssistEnd:
      return assistEnd(o, ev);
    case Ev.UserTaskBegin:
      return taskBegin(o, ev);
    case Ev.UserTaskEnd:
      return taskEnd(o, ev);
    case Ev.UserRegionBegin:
    case Ev.UserRegionEnd:
      return region(o, ev);
    default:
      if (ev.type >= Ev.Span && ev.type <= Ev.GoroutineStackFree) {
        o.validateCtx(ev, MUST, MAY, MAY);
        o.emit(ev);
        return true;
      }
      return o.fail(ev, `bad event type found while ordering: ${ev.type}`);
  }
}

// The GC mark phase carries sequence numbers on begin, end and "active" so a
// GCEnd can never close the wrong cycle, even with broken time stamps.

function gcActive(o: Ordering, ev: RawEvent): boolean {
  const seq = ev.a0;
  if (o.gen === o.initialGen) {
    if (o.gcState !== GC_UNDETERMINED) o.fail(ev, 'GCActive in the first generation isn\'t first GC event');
    o.gcSeq = seq;
    o.gcState = GC_RUNNING;
    o.emit(ev);
    return true;
  }
  if (seq !== o.gcSeq + 1) return false;
  if (o.gcState !== GC_RUNNING) o.fail(ev, 'encountered GCActive while GC was not in progress');
  o.gcSeq = seq;
  o.validateUser(ev);
  o.emit(ev);
  return true;
}

function gcBegin(o: Ordering, ev: RawEvent): boolean {
  const seq = ev.a0;
  if (o.gcState === GC_UNDETERMINED) {
    o.gcSeq = seq;
    o.gcState = GC_RUNNING;
    o.emit(ev);
    return true;
  }
  if (seq !== o.gcSeq + 1) return false;
  if (o.gcState === GC_RUNNING) o.fail(ev, 'encountered GCBegin while GC was already in progress');
  o.gcSeq = seq;
  o.gcState = GC_RUNNING;
  o.validateUser(ev);
  o.emit(ev);
  return true;
}

function gcEnd(o: Ordering, ev: RawEvent): boolean {
  const seq = ev.a0;
  if (seq !== o.gcSeq + 1) return false;
  if (o.gcState === GC_NOT_RUNNING) o.fail(ev, 'encountered GCEnd when GC was not in progress');
  if (o.gcState === GC_UNDETERMINED) o.fail(ev, 'encountered GCEnd when GC was in an undetermined state');
  o.gcSeq = seq;
  o.gcState = GC_NOT_RUNNING;
  o.validateUser(ev);
  o.emit(ev);
  return true;
}

function sweepBegin(o: Ordering, ev: RawEvent): boolean {
  o.validateCtx(ev, MUST, MUST, MAY);
  const p = o.ps.get(o.curP);
  if (p === undefined) o.fail(ev, `GCSweepBegin on unknown proc ${o.curP}`);
  if (p.sweeping) o.fail(ev, 'discovered event already in-flight for when starting event GCSweepBegin');
  p.sweeping = true;
  o.emit(ev);
  return true;
}

function sweepActive(o: Ordering, ev: RawEvent): boolean {
  const pid = ev.a0;
  const p = o.ps.get(pid);
  if (p === undefined) o.fail(ev, `encountered GCSweepActive for unknown proc ${pid}`);
  if (o.gen === o.initialGen) {
    if (p.sweeping) o.fail(ev, 'found named active range already in first gen: GCSweepBegin');
    p.sweeping = true;
  } else if (!p.sweeping) {
    o.fail(ev, 'resource is missing active range: GCSweepBegin');
  }
  o.emit(ev);
  return true;
}

function sweepEnd(o: Ordering, ev: RawEvent): boolean {
  o.validateCtx(ev, MUST, MUST, MAY);
  const p = o.ps.get(o.curP);
  if (p === undefined) o.fail(ev, `GCSweepEnd on unknown proc ${o.curP}`);
  if (!p.sweeping) o.fail(ev, 'tried to end event GCSweepBegin, but not in-flight');
  p.sweeping = false;
  o.emit(ev);
  return true;
}

function goRangeBegin(o: Ordering, ev: RawEvent): boolean {
  o.validateUser(ev);
  const desc = ev.type === Ev.STWBegin ? ev.a0 : 0;
  if (o.gs.find(o.curG) < 0) o.fail(ev, `encountered event of type ${ev.type} without known state for current goroutine ${o.curG}`);
  o.gs.extra(o.curG).begin(ev.type, desc, ev.offset);
  o.emit(ev);
  return true;
}

// GC mark assists are the goroutine range of a GC-heavy program (800 k events
// in a 57 MB trace): a flag per goroutine instead of a range list.

function assistBegin(o: Ordering, ev: RawEvent): boolean {
  o.validateUser(ev);
  const s = o.gs.find(o.curG);
  if (s < 0) o.fail(ev, `encountered event of type ${ev.type} without known state for current goroutine ${o.curG}`);
  if (o.gs.assist[s] !== 0) o.fail(ev, 'discovered event already in-flight for when starting event GCMarkAssistBegin');
  o.gs.assist[s] = 1;
  o.emit(ev);
  return true;
}

function assistActive(o: Ordering, ev: RawEvent): boolean {
  // Like a status event, this may name a goroutine that is not running here.
  const gid = ev.a0;
  const s = o.gs.find(gid);
  if (s < 0) o.fail(ev, `uninitialized goroutine ${gid} found during GCMarkAssistActive`);
  if (o.gen === o.initialGen) {
    if (o.gs.assist[s] !== 0) o.fail(ev, 'found named active range already in first gen: GCMarkAssistBegin');
    o.gs.assist[s] = 1;
  } else if (o.gs.assist[s] === 0) {
    o.fail(ev, 'resource is missing active range: GCMarkAssistBegin');
  }
  o.emit(ev);
  return true;
}

function assistEnd(o: Ordering, ev: RawEvent): boolean {
  o.validateUser(ev);
  const s = o.gs.find(o.curG);
  if (s < 0) o.fail(ev, `encountered event of type ${ev.type} without known state for current goroutine ${o.curG}`);
  if (o.gs.assist[s] === 0) o.fail(ev, 'tried to end event GCMarkAssistBegin, but not in-flight');
  o.gs.assist[s] = 0;
  o.emit(ev);
  return true;
}

function goRangeEnd(o: Ordering, ev: RawEvent): boolean {
  o.validateUser(ev);
  if (o.gs.find(o.curG) < 0) o.fail(ev, `encountered event of type ${ev.type} without known state for current goroutine ${o.curG}`);
  const desc = o.gs.extra(o.curG).end(ev.type, ev.offset);
  // STWEnd reports the kind its STWBegin had (as a string id of the begin's generation).
  if (ev.type === Ev.STWEnd) ev.a0 = desc;
  o.emit(ev);
  return true;
}

function taskBegin(o: Ordering, ev: RawEvent): boolean {
  const id = ev.a0;
  if (o.activeTasks.has(id)) o.fail(ev, `task ID conflict: ${id}`);
  // Parent 0 on the wire means "no parent", not the background task.
  if (ev.a1 === 0) ev.a1 = -1;
  const table = o.table!;
  if (!table.hasString(ev.a2)) o.fail(ev, `invalid string ID ${ev.a2} for UserTaskBegin event`);
  o.activeTasks.set(id, { name: table.stringId(ev.a2), parent: ev.a1 });
  o.validateUser(ev);
  o.emit(ev);
  return true;
}

function taskEnd(o: Ordering, ev: RawEvent): boolean {
  const id = ev.a0;
  const ts = o.activeTasks.get(id);
  // The end may be in a later generation than the begin: carry the type as text.
  if (ts !== undefined) {
    ev.extra0 = ts.parent;
    ev.extra1 = ts.name;
    o.activeTasks.delete(id);
  } else {
    ev.extra0 = -1;
    ev.extra1 = 0;
  }
  o.validateUser(ev);
  o.emit(ev);
  return true;
}

function region(o: Ordering, ev: RawEvent): boolean {
  o.validateUser(ev);
  const table = o.table!;
  if (!table.hasString(ev.a1)) o.fail(ev, `invalid string ID ${ev.a1} for region event`);
  const name = table.stringId(ev.a1);
  if (o.gs.find(o.curG) < 0) o.fail(ev, `encountered region event without known state for current goroutine ${o.curG}`);
  const r = o.gs.extra(o.curG).regions;
  if (ev.type === Ev.UserRegionBegin) {
    r.push(ev.a0, name);
  } else if (r.length > 0) {
    // An end with no begin is a region that began before the trace: accepted.
    const n = r.length;
    if (r[n - 2] !== ev.a0 || r[n - 1] !== name) {
      o.fail(ev, `misuse of region in goroutine ${o.curG}: region end (task ${ev.a0}) does not match the innermost active region (task ${r[n - 2]})`);
    }
    r.length = n - 2;
  }
  o.emit(ev);
  return true;
}
