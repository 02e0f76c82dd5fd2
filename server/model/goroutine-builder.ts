import { GoState, ProcState } from '../trace/event-kinds.ts';
import type { StackTable } from '../trace/stack-table.ts';
import type { TraceEvent } from '../trace/trace-event.ts';
import { F64Column, I32Column, U16OrI32Column } from './columns.ts';
import { counterCode, GoroutineCountersBuilder, V_DEAD, V_GCWAITING, V_RUNNABLE, V_RUNNING, V_WAITING } from './goroutine-counters.ts';
import { LaneBusyBuilder } from './lane-busy.ts';
import { OpenSlices } from './open-slices.ts';
import { DenseIds } from './dense-ids.ts';
import { RowFlags } from './row-flags.ts';
import { GoroutineTableBuilder } from './goroutine-table.ts';
import { buildLanes, type BuiltLanes } from './proc-lanes.ts';
import { FLAG_NO_PROC, TO_PROC_LOST, TransitionLogBuilder, type TransitionLog } from './transition-log.ts';

/**
 * Turns goroutine and proc state transitions into the transition log and the
 * goroutine table, recording what `go tool trace`'s summarizer needs beyond
 * the transitions themselves: the creation time (the Sync time for goroutines
 * that existed before the trace), the start function, and the moment a
 * syscalling goroutine's proc was taken away (a pseudo-transition).
 */
export class GoroutineBuilder {
  readonly goroutines = new GoroutineTableBuilder();
  readonly transitions: TransitionLogBuilder;
  /** Execution starts per proc and per thread: (lane, transition row) pairs in time order. */
  readonly execLane: U16OrI32Column;
  readonly execRow: I32Column;
  readonly execThread: U16OrI32Column;
  /** The proc and thread ids behind execLane's and execThread's dense indices. */
  readonly procLaneIds = new DenseIds();
  readonly threadLaneIds = new DenseIds();
  /** Per transition row (time order): how it moves the STATS goroutine counters. */
  readonly counters: GoroutineCountersBuilder;
  /** Goroutines inside a GC mark assist (their waits count as "GC waiting"). */
  readonly inMarkAssist = new RowFlags();
  /** Busy time per proc and per thread lane, for zoomed-out drawing. */
  readonly procBusy = new Map<number, LaneBusyBuilder>();
  readonly threadBusy = new Map<number, LaneBusyBuilder>();
  /** The open execution slices: start, proc (-1: cut at P loss), thread, by goroutine row. */
  private readonly slices = new OpenSlices();
  /** A slice's [start, end) ns for the busy lanes. */
  private readonly span = new Float64Array(2);
  /** Proc → goroutine index in a syscall on it (the summarizer's syscallingP). */
  private readonly syscallingP = new Map<number, number>();
  /** Goroutine index → proc of its syscall (syscallingG). */
  private readonly syscallingG = new Map<number, number>();
  /** Times of the Sync events (creation time of goroutines first seen after one), as events' times read. */
  readonly syncNs = new F64Column(64);

  /** `fileBytes` sizes the columns (a GC-heavy trace has one transition per ~14 bytes). */
  constructor(
    private readonly stacks: StackTable,
    fileBytes = 0,
  ) {
    // Generous: spare capacity of these big columns is never written, so it costs address space, not RSS
    // (columns.ts trims them to views); growing them meant copying (the 68 MB trace has a row per 14 bytes).
    const rows = Math.max(1 << 16, Math.ceil(fileBytes / 10));
    this.transitions = new TransitionLogBuilder(rows);
    // Sized up front: growing by copying cost 0.4 s on the 68 MB bench trace.
    this.counters = new GoroutineCountersBuilder(rows);
    // About one execution start per three transitions.
    const execs = Math.max(1 << 16, Math.ceil(rows / 3));
    this.execLane = new U16OrI32Column(execs);
    this.execRow = new I32Column(execs);
    this.execThread = new U16OrI32Column(execs);
  }

  /**
   * The finished transition log, and the proc and thread lanes built from the execution columns
   * (their rows remapped into the log), which are dropped then.
   */
  finishLog(): { log: TransitionLog; procLanes: BuiltLanes; threadLanes: BuiltLanes } {
    const { log, newRow } = this.transitions.finish(this.goroutines.index.size);
    const procLanes = buildLanes(this.execLane, this.procLaneIds, this.execRow, newRow);
    const threadLanes = buildLanes(this.execThread, this.threadLaneIds, this.execRow, newRow);
    this.execLane.data = this.execThread.data = new Uint16Array(0);
    this.execLane.length = this.execThread.length = 0;
    this.execRow.data = new Int32Array(0);
    this.execRow.length = 0;
    return { log, procLanes, threadLanes };
  }

  /** Records a goroutine transition; returns the goroutine's row. */
  goroutine(ev: TraceEvent): number {
    const from = ev.fromState;
    const to = ev.toState;
    const gb = this.goroutines;
    const g = gb.row(ev.resourceId);
    const actor = ev.g === -1 ? -1 : gb.row(ev.g);
    const reason = ev.reason === 0 ? 0 : this.transitions.reason(ev.reason);
    const flags = ev.p === -1 ? FLAG_NO_PROC : 0;
    // Unblocks and creations keep who caused them: the goroutine, and (not for status repeats) the proc and thread of the event.
    const cause = from === GoState.Waiting || from === GoState.NotExist;
    const where = cause && from !== to;
    const row = this.transitions.add(ev, g, from, to, reason, flags, ev.stack, cause ? actor : -1, where ? ev.p : -1, where ? ev.m : -1);
    if (from === to) {
      this.counters.push(0, ev);
      return g;
    }
    this.trackSlice(g, from, to, ev);
    const assist = this.inMarkAssist.has(g);
    this.counters.push(counterCode(viewerState(from, assist), viewerState(to, assist)), ev);
    if (from === GoState.Undetermined || from === GoState.NotExist) {
      // A new incarnation (the summarizer starts a fresh summary, name included).
      // (Its creation time is read back from the log: GoroutineTableBuilder.finish.)
      gb.name.data[g] = 0;
    }
    if (from === GoState.Syscall && this.syscallingG.has(g)) {
      this.syscallingP.delete(this.syscallingG.get(g)!);
      this.syscallingG.delete(g);
    }
    if (gb.name.data[g] === 0 && ev.transitionStack !== 0) {
      // The outermost frame of the first stack seen: the goroutine's start function.
      const frames = this.stacks.frames(ev.transitionStack);
      if (frames.length > 0) {
        const f = frames[frames.length - 1];
        gb.name.data[g] = this.stacks.funcId(f);
      }
    }
    switch (to) {
      case GoState.Running:
        if (ev.p !== -1) {
          this.execLane.push(this.procLaneIds.indexOf(ev.p));
          this.execRow.push(row);
          this.execThread.push(this.threadLaneIds.indexOf(ev.m));
        }
        break;
      case GoState.Syscall:
        this.syscallingP.set(ev.p, g);
        this.syscallingG.set(g, ev.p);
        break;
    }
    return g;
  }

  private lane(map: Map<number, LaneBusyBuilder>, id: number): LaneBusyBuilder {
    let b = map.get(id);
    if (!b) map.set(id, (b = new LaneBusyBuilder()));
    return b;
  }

  /** Opens and closes execution slices (running, and in a syscall while holding the proc). */
  private trackSlice(g: number, from: number, to: number, ev: TraceEvent): void {
    const wasExecuting = from === GoState.Running || from === GoState.Syscall;
    const isExecuting = to === GoState.Running || to === GoState.Syscall;
    const slices = this.slices;
    if (wasExecuting && !isExecuting) {
      const k = slices.find(g);
      if (k >= 0) {
        const span = slices.spanTo(k, ev, this.span);
        if (slices.procOf(k) >= 0) this.lane(this.procBusy, slices.procOf(k)).add(g, span);
        if (slices.threadOf(k) >= 0) this.lane(this.threadBusy, slices.threadOf(k)).add(g, span);
        slices.close(k);
      }
    }
    if (to === GoState.Running && !wasExecuting && ev.p !== -1) slices.open(g, ev, ev.p, ev.m);
  }

  proc(ev: TraceEvent): void {
    if (ev.fromState !== ev.toState && ev.toState === ProcState.Idle) {
      const g = this.syscallingP.get(ev.resourceId);
      if (g !== undefined) {
        this.transitions.add(ev, g, GoState.Syscall, TO_PROC_LOST, 0, 0, ev.stack, -1);
        this.counters.push(0, ev);
        // The proc view's slice ends when the syscall loses its proc; the thread's goes on.
        const k = this.slices.find(g);
        if (k >= 0 && this.slices.procOf(k) >= 0) {
          this.lane(this.procBusy, this.slices.procOf(k)).add(g, this.slices.spanTo(k, ev, this.span));
          this.slices.dropProc(k);
        }
        this.syscallingP.delete(ev.resourceId);
      }
    }
  }
}

/** go tool trace's viewer state of a goroutine state, for the STATS counters. */
function viewerState(state: number, inMarkAssist: boolean): number {
  switch (state) {
    case GoState.Runnable:
      return V_RUNNABLE;
    case GoState.Running:
    case GoState.Syscall:
      return V_RUNNING;
    case GoState.Waiting:
      return inMarkAssist ? V_GCWAITING : V_WAITING;
    default:
      return V_DEAD;
  }
}
