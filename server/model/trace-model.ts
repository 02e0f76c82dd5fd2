import type { TraceHeader } from '../trace/header.ts';
import type { SalvageReport } from '../trace/salvage.ts';
import type { StackTable } from '../trace/stack-table.ts';
import type { StringTable } from '../trace/string-table.ts';
import type { CounterPyramid } from './counter-pyramid.ts';
import type { GoroutineCounters } from './goroutine-counters.ts';
import type { GoroutineTable } from './goroutine-table.ts';
import type { LaneBusy } from './lane-busy.ts';
import type { MarkerList } from './marker-list.ts';
import type { MetricSeries } from './metric-series.ts';
import type { ProcLanes } from './proc-lanes.ts';
import type { RangeTable } from './range-table.ts';
import type { SampleTable } from './sample-table.ts';
import type { TaskTables } from './task-tables.ts';
import type { TransitionLog } from './transition-log.ts';

/**
 * Everything the viewer and the analyses read, built in one pass over the
 * events and frozen: typed-array columns and interned strings and stacks,
 * no object per event or span. Times are ns since the first event.
 */
export interface TraceModel {
  header: TraceHeader;
  /** Path of the trace file, when read from one. */
  file?: string;
  fileBytes: number;
  /** Time of the last event (the final Sync), ns. */
  endNs: number;
  eventCount: number;
  generations: number;
  strings: StringTable;
  stacks: StackTable;
  goroutines: GoroutineTable;
  transitions: TransitionLog;
  /** Reason index of "forever" in transitions.reasons (0 if the trace never blocks forever). */
  foreverReason: number;
  ranges: RangeTable;
  /** GC concurrent mark phases and other global ranges: name, start, end. */
  globalRanges: { name: Int32Array; startNs: Float64Array; endNs: Float64Array };
  procs: ProcLanes;
  /** Busy time per ~262 µs bucket and coarser, by proc id and by thread id (zoomed-out lanes). */
  procBusy: Map<number, LaneBusy>;
  threadBusy: Map<number, LaneBusy>;
  metrics: MetricSeries;
  /** Network unblocks and exits from blocked syscalls, for the Network and Syscalls lanes. */
  markers: { net: MarkerList; syscall: MarkerList };
  /** STATS goroutine counters (running, runnable, waiting, gcwaiting). */
  goroutineCounters: GoroutineCounters;
  /** STATS heap: allocated, next GC (goal minus allocated, never negative), per time bucket. */
  heapPyramid: CounterPyramid;
  /** STATS threads: running, in syscall. */
  threadsPyramid: CounterPyramid;
  tasks: TaskTables;
  samples: SampleTable;
  /** What was lost when the trace was damaged (null for a complete trace). */
  salvage: SalvageReport | null;
}
