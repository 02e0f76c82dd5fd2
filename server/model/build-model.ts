import { EventKind, MetricId, ResourceKind, GoState } from '../trace/event-kinds.ts';
import { openTrace, type OpenedTrace } from '../trace/open-trace.ts';
import { openTracePipelined } from '../trace/pipeline/pipelined-source.ts';
import { salvageReport, type SalvageReport } from '../trace/salvage.ts';
import { phaseTimer } from '../trace/phase-timer.ts';
import { TraceError } from '../trace/trace-error.ts';
import type { TraceEvent } from '../trace/trace-event.ts';
import { GoroutineBuilder } from './goroutine-builder.ts';
import { collectGarbage, GarbagePacer } from './collect-garbage.ts';
import { CounterBuilder } from './metric-series.ts';
import { MarkerListBuilder } from './marker-list.ts';
import type { LaneBusy, LaneBusyBuilder } from './lane-busy.ts';
import { PairPyramidBuilder } from './stats-series.ts';
import { RangeBuilder } from './range-builder.ts';
import { RowFlags } from './row-flags.ts';
import { SampleTableBuilder } from './sample-table.ts';
import { TaskTablesBuilder } from './task-tables.ts';
import type { TraceModel } from './trace-model.ts';

export interface BuildOptions {
  /** Called every 64 Ki events with the bytes read so far. */
  onProgress?: (bytesRead: number, size: number) => void;
  /**
   * dist/server/parse-worker.mjs: parse in that worker thread while the
   * model is built here (a file input only; a damaged trace's second pass
   * runs here).
   */
  parseWorker?: string;
}

/**
 * Reads a trace and builds its model in one pass. A damaged trace keeps every
 * complete generation before the damage, as `go tool trace` does: the model is
 * rebuilt from the events up to the last Sync (errors are rare; a second pass
 * is simpler than undoing half a generation), and `salvage` says what was lost.
 * Throws the TraceError when not even one generation is complete.
 */
export function buildModel(input: string | Uint8Array, opts: BuildOptions = {}): TraceModel {
  return startModelBuild(input, opts).finish();
}

/** A model build whose trace is open (its parse worker, if any, already reading). */
export interface ModelBuild {
  /** Builds the model (buildModel's work from here on). */
  finish(): TraceModel;
  /** Closes the trace without building. */
  abandon(): void;
}

/**
 * Opens the trace, starting the parse worker, and returns the rest of the
 * build: the caller can do other work while the worker starts up (about
 * 80 ms before its first events).
 */
export function startModelBuild(input: string | Uint8Array, opts: BuildOptions = {}): ModelBuild {
  const file = typeof input === 'string' ? input : undefined;
  const pacer = new GarbagePacer();
  const first = file !== undefined && opts.parseWorker ? openTracePipelined(file, opts.parseWorker, (bytes) => pacer.idle(bytes)) : openTrace(input, file);
  return { finish: () => finishBuild(input, file, opts, pacer, first), abandon: () => first.close() };
}

function finishBuild(input: string | Uint8Array, file: string | undefined, opts: BuildOptions, pacer: GarbagePacer, first: OpenedTrace): TraceModel {
  try {
    return buildFrom(first, Infinity, null, opts, pacer);
  } catch (e) {
    if (!(e instanceof DamagedTrace)) throw e;
    const report = e.report;
    if (report.keptGenerations === 0) {
      e.error.file ??= file;
      throw e.error;
    }
    const again = openTrace(input, file);
    try {
      return buildFrom(again, report.keptEvents, report, opts, new GarbagePacer());
    } finally {
      again.close();
    }
  } finally {
    first.close();
  }
}

class DamagedTrace extends Error {
  constructor(
    readonly error: TraceError,
    readonly report: SalvageReport,
  ) {
    super(error.message);
  }
}

function buildFrom(trace: OpenedTrace, maxEvents: number, salvage: SalvageReport | null, opts: BuildOptions, pacer: GarbagePacer): TraceModel {
  const { strings, stacks } = trace;
  const phase = phaseTimer('model');
  const forever = strings.intern('forever');
  const markAssist = strings.intern('GC mark assist');
  const network = strings.intern('network');
  /** Goroutines whose current wait is on the network (their unblock goes on the Network lane). */
  const lastBlockNetwork = new RowFlags();
  const netMarks = new MarkerListBuilder();
  const syscallMarks = new MarkerListBuilder();
  const gb = new GoroutineBuilder(stacks, trace.size);
  const foreverReason = gb.transitions.reason(forever);
  // Capacities from the file size: the GC-heavy bench trace has a range per 29 bytes and a heap point
  // per 28 (either grows past these when a trace has more).
  const perBytes = (bytes: number) => Math.max(1024, Math.ceil(trace.size / bytes));
  const ranges = new RangeBuilder(gb.goroutines, perBytes(16));
  const tasks = new TaskTablesBuilder();
  const samples = new SampleTableBuilder();
  const gomaxprocs = new CounterBuilder();
  // Heap sizes are only drawn: float32 keeps them within 1 part in 16 million.
  const heapAlloc = new CounterBuilder(perBytes(16), true);
  const heapGoal = new CounterBuilder(perBytes(64), true);
  const threadsRunning = new CounterBuilder();
  const threadsInSyscall = new CounterBuilder();
  const heapPair = new PairPyramidBuilder(true);
  const threadsPair = new PairPyramidBuilder(false);
  const names = gb.goroutines.name;
  const isSystem = (g: number): boolean => {
    const n = strings.get(names.data[g]);
    return n === '' || (n !== 'runtime.main' && n.startsWith('runtime.'));
  };
  let syncs = 0;
  let events = 0;
  let keptEvents = 0;
  let keptSyncs = 0;
  let validBytes = 0;
  // The time of the latest event lives in a typed array, not in a local of the loop below.
  const lastNs = new Float64Array(1);
  // One event. The time is read from the event where it is used, never kept in a local: a
  // double local that reaches calls which are not inlined was boxed once per event, 16 bytes
  // each (180 MB of garbage for the bench trace's 11.9 M events), first in the once-run,
  // on-stack-replaced loop and then here.
  const handle = (ev: TraceEvent): void => {
    lastNs[0] = ev.timeNs;
    switch (ev.kind) {
      case EventKind.Sync:
        // Fields, not arguments: a double passed to a call that is not inlined is boxed (one allocation per event).
        gb.syncNs.push(ev.timeNs);
        ranges.syncNs = ev.timeNs;
        syncs++;
        keptEvents = events;
        keptSyncs = syncs;
        validBytes = trace.events.validBytes;
        if (opts.onProgress && (syncs & 3) === 0) opts.onProgress(trace.events.bytesRead, trace.size);
        pacer.sync(trace.events.bytesRead);
        break;
      case EventKind.StateTransition:
        if (ev.resourceKind === ResourceKind.Goroutine) {
          const from = ev.fromState;
          const to = ev.toState;
          const g = gb.goroutine(ev);
          if (from === to) break;
          if (from === GoState.Waiting && lastBlockNetwork.has(g)) netMarks.add(ev.timeNs, ev.resourceId);
          if (to === GoState.Waiting) {
            if (ev.reason === network) lastBlockNetwork.add(g);
            else lastBlockNetwork.delete(g);
          }
          if (from === GoState.Syscall && to === GoState.Runnable) syscallMarks.add(ev.timeNs, ev.resourceId);
          if (from === GoState.Syscall && threadsInSyscall.add(ev.timeNs, -1)) threadsPair.change(ev, 1, threadsInSyscall);
          if (to === GoState.Syscall && threadsInSyscall.add(ev.timeNs, +1)) threadsPair.change(ev, 1, threadsInSyscall);
          if (from === GoState.NotExist) tasks.goroutineCreated(g, ev.g === -1 ? -1 : gb.goroutines.row(ev.g), ev);
          if (to === GoState.NotExist || (to === GoState.Waiting && ev.reason === forever)) {
            ranges.goroutineEnded(g, ev);
            tasks.goroutineEnded(g, ev, isSystem);
          }
        } else {
          gb.proc(ev);
          if (ev.fromState !== ev.toState) {
            if (ev.toState === 2 /* Running */) {
              if (threadsRunning.add(ev.timeNs, +1)) threadsPair.change(ev, 0, threadsRunning);
            } else if (ev.fromState === 2 && threadsRunning.add(ev.timeNs, -1)) threadsPair.change(ev, 0, threadsRunning);
          }
        }
        break;
      case EventKind.RangeBegin:
      case EventKind.RangeActive:
      case EventKind.RangeEnd:
        ranges.event(ev);
        if (ev.name === markAssist && ev.scopeKind === ResourceKind.Goroutine) {
          const g = gb.goroutines.row(ev.scopeId);
          if (ev.kind === EventKind.RangeEnd) gb.inMarkAssist.delete(g);
          else gb.inMarkAssist.add(g);
        }
        break;
      case EventKind.Metric:
        if (ev.name === MetricId.HeapAlloc) {
          if (heapAlloc.setAt(ev)) heapPair.change(ev, 0, heapAlloc);
        } else if (ev.name === MetricId.HeapGoal) {
          if (heapGoal.setAt(ev)) heapPair.change(ev, 1, heapGoal);
        } else gomaxprocs.setAt(ev);
        break;
      case EventKind.Label:
        gb.goroutines.labels.set(gb.goroutines.row(ev.resourceId), ev.name);
        break;
      case EventKind.TaskBegin:
      case EventKind.TaskEnd:
        tasks.taskEvent(ev.kind === EventKind.TaskBegin, ev.taskId, ev.parentTaskId, ev.name, ev.timeNs, ev.g, ev.stack);
        break;
      case EventKind.RegionBegin:
        tasks.regionBegin(gb.goroutines.row(ev.g), ev.taskId, ev.name, ev.timeNs, ev.stack);
        break;
      case EventKind.RegionEnd:
        tasks.regionEnd(gb.goroutines.row(ev.g), ev.taskId, ev.name, ev.timeNs, ev.stack);
        break;
      case EventKind.Log:
        tasks.log(ev.g === -1 ? -1 : gb.goroutines.row(ev.g), ev.taskId, ev.name, ev.message, ev.timeNs, ev.stack);
        break;
      case EventKind.StackSample:
        samples.add(ev.timeNs, ev.g === -1 ? -1 : gb.goroutines.row(ev.g), ev.p, ev.m, ev.stack);
        break;
    }
  };
  try {
    // The count is checked before asking for the next event: on the salvage pass, reading past
    // the kept events would reach the damaged generation again.
    while (events < maxEvents) {
      const ev = trace.events.next();
      if (ev === null) break;
      events++;
      handle(ev);
      if (opts.onProgress && (events & 0xffff) === 0) opts.onProgress(trace.events.bytesRead, trace.size);
    }
  } catch (e) {
    if (!(e instanceof TraceError)) throw e;
    e.file ??= trace.file;
    throw new DamagedTrace(e, salvageReport(e, keptEvents, keptSyncs, validBytes, trace.size));
  }
  const endNs = lastNs[0];
  phase('event loop');
  ranges.finish(endNs);
  // The finish steps run in the order that keeps each one below the event loop's peak. The parse
  // worker's memory is gone by now, and a collection after a step frees the build columns it
  // dropped (7 ms each, with the bin's --expose-gc). The busy lanes, the STATS pyramids and the
  // range table go first, while there is the most room: finished later, the lanes' levels and the
  // range table's regrouping each rose above the loop's peak on the bench trace (by 7 and 17 MB).
  const procBusy = finishBusy(gb.procBusy);
  const threadBusy = finishBusy(gb.threadBusy);
  const heapPyramid = heapPair.finish(endNs);
  const threadsPyramid = threadsPair.finish(endNs);
  collectGarbage();
  phase('busy lanes, stats pyramids');
  const rangeTable = ranges.table.finish(gb.goroutines.index.size);
  collectGarbage();
  phase('range table');
  const goroutineCounters = gb.counters.finish(endNs);
  phase('goroutine counters');
  // The log, and the proc and thread lanes that remap their rows into it: the regrouping map and
  // the execution columns (28 MB for the bench trace) die inside finishLog and are collected
  // before the goroutine table is finished.
  const { log, procLanes, threadLanes } = gb.finishLog();
  collectGarbage();
  phase('transition log');
  // After the log: creation, end and execution times are replayed from it.
  const goroutines = gb.goroutines.finish(log, gb.syncNs.finish(), foreverReason, endNs);
  phase('goroutine table');
  const metrics = {
    gomaxprocs: gomaxprocs.finish(),
    heapAlloc: heapAlloc.finish(),
    heapGoal: heapGoal.finish(),
    threadsRunning: threadsRunning.finish(),
    threadsInSyscall: threadsInSyscall.finish(),
  };
  return {
    header: trace.header,
    file: trace.file,
    fileBytes: trace.size,
    endNs,
    eventCount: events,
    generations: Math.max(0, syncs - 1),
    strings,
    stacks,
    goroutines,
    transitions: log,
    foreverReason,
    ranges: rangeTable,
    globalRanges: { name: Int32Array.from(ranges.globalName), startNs: Float64Array.from(ranges.globalStart), endNs: Float64Array.from(ranges.globalEnd) },
    procBusy,
    threadBusy,
    procs: {
      procIds: procLanes.ids,
      procOffsets: procLanes.offsets,
      procRows: procLanes.rows,
      threadIds: threadLanes.ids,
      threadOffsets: threadLanes.offsets,
      threadRows: threadLanes.rows,
    },
    metrics,
    markers: { net: netMarks.finish(), syscall: syscallMarks.finish() },
    goroutineCounters,
    heapPyramid,
    threadsPyramid,
    tasks: tasks.finish(),
    samples: samples.finish(),
    salvage,
  };
}

function finishBusy(m: Map<number, LaneBusyBuilder>): Map<number, LaneBusy> {
  return new Map([...m].map(([id, b]) => [id, b.finish()]));
}
