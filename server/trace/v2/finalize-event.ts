import { EventKind, MetricId, ProcState, GoState, ResourceKind } from '../event-kinds.ts';
import type { StringTable } from '../string-table.ts';
import { TraceError } from '../trace-error.ts';
import type { TraceEvent } from '../trace-event.ts';
import type { RawEvent } from './raw-event.ts';
import { Ev, GO_STATUS_TO_STATE, PROC_STATUS_TO_STATE, ProcStatus, specName, STACK_ARG, STRING_ARG0, STRING_ARG1 } from './wire-events.ts';

/** The string and stack tables an event's ids refer to (a generation's, or an old-format trace's). */
export interface IdTables {
  hasString(id: number): boolean;
  /** Trace-wide string id of a table string id. */
  stringId(id: number): number;
  hasStack(id: number): boolean;
  /** Trace-wide stack id of a table stack id (0 = none). */
  stackId(id: number): number;
  /** Trace-wide id of the stack with no frames. */
  emptyStack(): number;
}

/** Public kind of each wire type. */
const KIND = new Uint8Array(256);
for (const t of [Ev.ProcStart, Ev.ProcStop, Ev.ProcSteal, Ev.ProcStatus, Ev.GoCreate, Ev.GoCreateSyscall, Ev.GoStart, Ev.GoDestroy,
  Ev.GoDestroySyscall, Ev.GoStop, Ev.GoBlock, Ev.GoUnblock, Ev.GoSyscallBegin, Ev.GoSyscallEnd, Ev.GoSyscallEndBlocked, Ev.GoStatus,
  Ev.GoSwitch, Ev.GoSwitchDestroy, Ev.GoCreateBlocked, Ev.GoStatusStack]) KIND[t] = EventKind.StateTransition;
for (const t of [Ev.ProcsChange, Ev.HeapAlloc, Ev.HeapGoal]) KIND[t] = EventKind.Metric;
for (const t of [Ev.STWBegin, Ev.GCBegin, Ev.GCSweepBegin, Ev.GCMarkAssistBegin]) KIND[t] = EventKind.RangeBegin;
for (const t of [Ev.GCActive, Ev.GCSweepActive, Ev.GCMarkAssistActive]) KIND[t] = EventKind.RangeActive;
for (const t of [Ev.STWEnd, Ev.GCEnd, Ev.GCSweepEnd, Ev.GCMarkAssistEnd]) KIND[t] = EventKind.RangeEnd;
KIND[Ev.CPUSample] = EventKind.StackSample;
KIND[Ev.GoLabel] = EventKind.Label;
KIND[Ev.UserTaskBegin] = EventKind.TaskBegin;
KIND[Ev.UserTaskEnd] = EventKind.TaskEnd;
KIND[Ev.UserRegionBegin] = EventKind.RegionBegin;
KIND[Ev.UserRegionEnd] = EventKind.RegionEnd;
KIND[Ev.UserLog] = EventKind.Log;
for (let t = Ev.Span; t <= Ev.GoroutineStackFree; t++) KIND[t] = EventKind.Experimental;

/** Trace-wide string ids of the fixed range names, interned once per reader. */
export class RangeNames {
  readonly gcMark: number;
  readonly sweep: number;
  readonly markAssist: number;
  private readonly stw = new Map<number, number>();
  constructor(private readonly strings: StringTable) {
    this.gcMark = strings.intern('GC concurrent mark phase');
    this.sweep = strings.intern('GC incremental sweep');
    this.markAssist = strings.intern('GC mark assist');
  }
  /** "stop-the-world (<kind>)" for a trace-wide kind string id. */
  stwName(kind: number): number {
    let id = this.stw.get(kind);
    if (id === undefined) {
      id = this.strings.intern(`stop-the-world (${this.strings.get(kind)})`);
      this.stw.set(kind, id);
    }
    return id;
  }
}

/**
 * Turns an ordered wire event into the public event, the way x/exp/trace's
 * Event accessors interpret it, after checking that every stack and string it
 * names exists in its generation (as the reference reader does on return).
 */
export function finalizeEvent(raw: RawEvent, g: IdTables, names: RangeNames, out: TraceEvent, validate = true): void {
  const t = raw.type;
  if (validate && t !== Ev.CPUSample) validateIds(raw, g);
  // Only the fields of the event's kind are set: consumers read fields by kind,
  // and this runs for every one of millions of events.
  const kind = KIND[t];
  out.kind = kind;
  out.type = t;
  out.timeNs = raw.time;
  out.g = raw.g;
  out.p = raw.p;
  out.m = raw.m;
  out.offset = raw.offset;
  const stackArg = t === Ev.CPUSample ? 0 : STACK_ARG[t];
  out.stack = stackArg >= 0 ? g.stackId(argAt(raw, stackArg)) : 0;
  switch (kind) {
    case EventKind.StateTransition:
      transition(raw, g, out);
      break;
    case EventKind.Metric:
      out.name = t === Ev.ProcsChange ? MetricId.Gomaxprocs : t === Ev.HeapAlloc ? MetricId.HeapAlloc : MetricId.HeapGoal;
      out.value = raw.a0;
      break;
    case EventKind.Label:
      out.name = g.stringId(raw.a0);
      out.resourceKind = ResourceKind.Goroutine;
      out.resourceId = raw.g;
      break;
    case EventKind.RangeBegin:
    case EventKind.RangeActive:
    case EventKind.RangeEnd:
      range(raw, g, names, out);
      break;
    case EventKind.TaskBegin:
      out.taskId = raw.a0;
      out.parentTaskId = raw.a1;
      out.name = g.stringId(raw.a2);
      break;
    case EventKind.TaskEnd:
      out.taskId = raw.a0;
      out.parentTaskId = raw.extra0;
      out.name = raw.extra1;
      break;
    case EventKind.RegionBegin:
    case EventKind.RegionEnd:
      out.taskId = raw.a0;
      out.name = g.stringId(raw.a1);
      break;
    case EventKind.Log:
      out.taskId = raw.a0;
      out.name = g.stringId(raw.a1);
      out.message = g.stringId(raw.a2);
      break;
    case EventKind.Experimental:
      out.a0 = raw.a0;
      out.a1 = raw.a1;
      out.a2 = raw.a2;
      out.a3 = raw.a3;
      break;
  }
}

function argAt(raw: RawEvent, i: number): number {
  return i === 0 ? raw.a0 : i === 1 ? raw.a1 : i === 2 ? raw.a2 : raw.a3;
}

function validateIds(raw: RawEvent, g: IdTables): void {
  const t = raw.type;
  const s = STACK_ARG[t];
  if (s >= 0 && !g.hasStack(argAt(raw, s))) {
    throw new TraceError('BAD_TABLE', raw.offset, `found invalid stack ID ${argAt(raw, s)} for event ${specName(t)}`);
  }
  if ((t === Ev.GoCreate || t === Ev.GoCreateBlocked) && !g.hasStack(raw.a1)) {
    throw new TraceError('BAD_TABLE', raw.offset, `found invalid stack ID ${raw.a1} for event ${specName(t)}`);
  }
  const s0 = STRING_ARG0[t];
  if (s0 >= 0) {
    checkString(raw, g, s0);
    const s1 = STRING_ARG1[t];
    if (s1 >= 0) checkString(raw, g, s1);
  }
}

function checkString(raw: RawEvent, g: IdTables, i: number): void {
  if (!g.hasString(argAt(raw, i))) {
    throw new TraceError('BAD_TABLE', raw.offset, `found invalid string ID ${argAt(raw, i)} for event ${specName(raw.type)}`);
  }
}

function transition(raw: RawEvent, g: IdTables, out: TraceEvent): void {
  const t = raw.type;
  out.reason = 0;
  out.transitionStack = 0;
  switch (t) {
    case Ev.ProcStart:
      proc(out, raw.a0, ProcState.Idle, ProcState.Running);
      return;
    case Ev.ProcStop:
      proc(out, raw.p, ProcState.Running, ProcState.Idle);
      return;
    case Ev.ProcSteal:
      // A steal that advanced on SyscallAbandoned lost the Running half of the story.
      proc(out, raw.a0, raw.extra0 === ProcStatus.SyscallAbandoned ? ProcState.Idle : ProcState.Running, ProcState.Idle);
      return;
    case Ev.ProcStatus:
      proc(out, raw.a0, raw.extra0, PROC_STATUS_TO_STATE[raw.a1]);
      return;
    case Ev.GoCreate:
    case Ev.GoCreateBlocked:
      go(out, raw.a0, GoState.NotExist, t === Ev.GoCreateBlocked ? GoState.Waiting : GoState.Runnable);
      // Go builds this stack handle directly from the id, so id 0 is an empty
      // stack rather than "no stack" (unlike every other transition stack).
      out.transitionStack = raw.a1 === 0 ? g.emptyStack() : g.stackId(raw.a1);
      return;
    case Ev.GoCreateSyscall:
      go(out, raw.a0, GoState.NotExist, GoState.Syscall);
      return;
    case Ev.GoStart:
      go(out, raw.a0, GoState.Runnable, GoState.Running);
      return;
    case Ev.GoDestroy:
      go(out, raw.g, GoState.Running, GoState.NotExist);
      return;
    case Ev.GoDestroySyscall:
      go(out, raw.g, GoState.Syscall, GoState.NotExist);
      return;
    case Ev.GoStop:
    case Ev.GoBlock:
      go(out, raw.g, GoState.Running, t === Ev.GoStop ? GoState.Runnable : GoState.Waiting);
      out.reason = g.stringId(raw.a0);
      out.transitionStack = out.stack;
      return;
    case Ev.GoUnblock:
    case Ev.GoSwitch:
    case Ev.GoSwitchDestroy:
      go(out, raw.a0, GoState.Waiting, GoState.Runnable);
      return;
    case Ev.GoSyscallBegin:
      go(out, raw.g, GoState.Running, GoState.Syscall);
      out.transitionStack = out.stack;
      return;
    case Ev.GoSyscallEnd:
      go(out, raw.g, GoState.Syscall, GoState.Running);
      return;
    case Ev.GoSyscallEndBlocked:
      go(out, raw.g, GoState.Syscall, GoState.Runnable);
      return;
    default: // GoStatus, GoStatusStack
      go(out, raw.a0, raw.extra0, GO_STATUS_TO_STATE[raw.a2]);
      out.transitionStack = out.stack;
  }
}

function proc(out: TraceEvent, id: number, from: number, to: number): void {
  out.resourceKind = ResourceKind.Proc;
  out.resourceId = id;
  out.fromState = from;
  out.toState = to;
}

function go(out: TraceEvent, id: number, from: number, to: number): void {
  out.resourceKind = ResourceKind.Goroutine;
  out.resourceId = id;
  out.fromState = from;
  out.toState = to;
}

function range(raw: RawEvent, g: IdTables, names: RangeNames, out: TraceEvent): void {
  out.hasAttrs = false;
  switch (raw.type) {
    case Ev.STWBegin:
    case Ev.STWEnd:
      // STWEnd carries its begin's kind id, which may be from an earlier generation's table.
      out.name = names.stwName(g.hasString(raw.a0) ? g.stringId(raw.a0) : 0);
      out.scopeKind = ResourceKind.Goroutine;
      out.scopeId = raw.g;
      return;
    case Ev.GCBegin:
    case Ev.GCActive:
    case Ev.GCEnd:
      out.name = names.gcMark;
      out.scopeKind = ResourceKind.None;
      out.scopeId = 0;
      return;
    case Ev.GCSweepBegin:
    case Ev.GCSweepActive:
    case Ev.GCSweepEnd:
      out.name = names.sweep;
      out.scopeKind = ResourceKind.Proc;
      out.scopeId = raw.type === Ev.GCSweepActive ? raw.a0 : raw.p;
      if (raw.type === Ev.GCSweepEnd) {
        out.hasAttrs = true;
        out.value = raw.a0;
        out.value2 = raw.a1;
      }
      return;
    default:
      out.name = names.markAssist;
      out.scopeKind = ResourceKind.Goroutine;
      out.scopeId = raw.type === Ev.GCMarkAssistActive ? raw.a0 : raw.g;
  }
}
