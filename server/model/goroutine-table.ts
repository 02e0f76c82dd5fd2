import { denseIndex, I32Column, lowerBound } from './columns.ts';
import type { TransitionLog } from './transition-log.ts';
import { fromOf, reasonOf, toOf, TO_PROC_LOST } from './transition-log.ts';
import { IdIndex } from './id-index.ts';
import { IntColumn } from './int-column.ts';
import { IntColumnWriter } from './int-column-writer.ts';

/**
 * One row per goroutine seen in the trace (dense index in order of first
 * appearance): its id, start function, creator, lifetime and label.
 */
export class GoroutineTable {
  constructor(
    private readonly ids: IntColumn,
    /** Index into `startFunctions` of each goroutine's start function: 16-bit up to 65 536 distinct ones (2 MB less for a million goroutines). */
    private readonly nameIndex: Uint16Array | Int32Array,
    /** Distinct start functions (string ids), in order of first appearance: the goroutine groups. */
    readonly startFunctions: Int32Array,
    private readonly created: IntColumn,
    private readonly ended: IntColumn,
    private readonly exec: IntColumn,
    /** Last label (GC worker mode) by goroutine row, string id; most goroutines have none. */
    readonly labels: Map<number, number>,
    private readonly index: IdIndex,
  ) {}

  get count(): number {
    return this.ids.length;
  }

  /** Start function (outermost frame of the first stack seen), string id; 0 if never seen. */
  name(g: number): number {
    return this.startFunctions[this.nameIndex[g]];
  }

  /** Index of the goroutine's start function in `startFunctions`. */
  startFunctionOf(g: number): number {
    return this.nameIndex[g];
  }

  /** The goroutine's id in the trace. */
  id(g: number): number {
    return this.ids.at(g);
  }

  /** When the goroutine was created (or the Sync before it was first seen). */
  createdNs(g: number): number {
    return this.created.at(g);
  }

  /** When it ended (exit, or blocked forever), or -1 if alive at the end of the trace. */
  endNs(g: number): number {
    return this.ended.at(g);
  }

  /**
   * Its execution time over the whole trace (goroutineStats(model, g, 0,
   * endNs).execNs): the goroutine groups are sorted by it when the server loads.
   */
  execNs(g: number): number {
    return this.exec.at(g);
  }

  /** When it ended, or `traceEndNs` if it was alive at the end of the trace. */
  endOr(g: number, traceEndNs: number): number {
    const e = this.ended.at(g);
    return e >= 0 ? e : traceEndNs;
  }

  /** Row of goroutine `id`, or -1. */
  indexOf(id: number): number {
    return this.index.get(id);
  }

  label(g: number): number {
    return this.labels.get(g) ?? 0;
  }
}

/**
 * The transition row that began goroutine g's current incarnation (its last
 * NotExist→ or Undetermined→ transition), or -1. Creator, creation stack and
 * first start are read from the log rather than stored for a million goroutines.
 */
export function creationRow(log: TransitionLog, g: number): number {
  for (let row = log.offsets[g + 1] - 1; row >= log.offsets[g]; row--) {
    const from = fromOf(log.packed[row]);
    if (from <= 1) return row; // GoState.Undetermined = 0, NotExist = 1
  }
  return -1;
}

/** Goroutine index of g's creator (from its creation transition), or -1. */
export function creatorOf(log: TransitionLog, g: number): number {
  const row = creationRow(log, g);
  return row >= 0 && fromOf(log.packed[row]) === 1 ? log.actor(row) : -1;
}

export class GoroutineTableBuilder {
  readonly index = new IdIndex();
  readonly name = new I32Column();
  readonly labels = new Map<number, number>();

  // Consecutive events mostly name the same one or two goroutines: remember them.
  private lastId = Number.NaN;
  private lastRow = -1;
  private prevId = Number.NaN;
  private prevRow = -1;

  /** Row of goroutine `id`, added (with defaults) if new. */
  row(id: number): number {
    if (id === this.lastId) return this.lastRow;
    if (id === this.prevId) {
      this.prevId = this.lastId;
      this.lastId = id;
      const r = this.prevRow;
      this.prevRow = this.lastRow;
      this.lastRow = r;
      return r;
    }
    const r = this.lookup(id);
    this.prevId = this.lastId;
    this.prevRow = this.lastRow;
    this.lastId = id;
    this.lastRow = r;
    return r;
  }

  private lookup(id: number): number {
    const before = this.index.size;
    const g = this.index.intern(id);
    if (g === before) this.name.push(0);
    return g;
  }

  /**
   * The finished table: ids, creation, end and execution times as IntColumns
   * (4 or 5 bytes instead of 8: 25 → 13 MB for the bench trace's 960 000
   * goroutines). The times are replayed from the finished transition log (see
   * replayGoroutines) rather than kept while building: 9.6 MB less at the
   * build's peak for the bench trace. `endNs`: the trace's end.
   */
  finish(log: TransitionLog, syncNs: Float64Array, foreverReason: number, endNs: number): GoroutineTable {
    const n = this.index.size;
    const ids = this.index.idsByIndex();
    this.index.freeze(ids);
    // Written straight into the columns' words in one pass over the log. This step set the load's
    // peak with two Float64Arrays for the times (15 MB for the bench trace) and a third pass over the
    // log at the query context's build (93-138 ms) for the execution times.
    const created = new IntColumnWriter(n, -1);
    const ended = new IntColumnWriter(n, -1);
    const exec = new IntColumnWriter(n, 0);
    replayGoroutines(log, syncNs, foreverReason, endNs, created, ended, exec);
    const { index: nameIndex, values: names } = denseIndex(this.name.data, this.name.length);
    this.name.data = new Int32Array(0);
    return new GoroutineTable(ids, nameIndex, names, IntColumn.fromWriter(created), IntColumn.fromWriter(ended), IntColumn.fromWriter(exec), this.labels, this.index);
  }
}

/**
 * Each goroutine's creation and end times (-1: none) and execution time,
 * replayed from its rows of the transition log (in time order) the way the
 * model builder's event loop would have recorded them: a transition out of
 * NotExist (creation) or out of Undetermined (first seen: created at the
 * latest Sync before it) starts a new incarnation that has not ended; a
 * transition to NotExist, or to Waiting for the "forever" reason
 * (`foreverReason`, 0: none), ends it. Repeats (from = to) change nothing.
 * Event times strictly increase (both readers force it), so "the latest Sync
 * before a row" is the last Sync time (`syncNs`, ascending) below the row's;
 * before any, the trace's start.
 *
 * The execution time is goroutineStats' over [0, endNs], reduced to the
 * running intervals of the last incarnation: a goroutine first seen running
 * ran since its creation time; the pseudo-transition of a syscall losing its
 * proc changes nothing. A test checks the two agree for every goroutine of
 * every fixture.
 */
function replayGoroutines(
  log: TransitionLog,
  syncNs: Float64Array,
  foreverReason: number,
  endNs: number,
  createdOut: IntColumnWriter,
  endedOut: IntColumnWriter,
  execOut: IntColumnWriter,
): void {
  // The times live in a typed array, not in locals: this loop runs once, and its
  // on-stack-replaced code boxed every double kept in a local across rows or passed to the
  // writers (80 MB of garbage for the bench trace's 960 000 goroutines; 3.5 MB this way).
  const io = new Float64Array(5);
  io[END] = endNs;
  for (let g = 0; g < createdOut.length; g++) {
    replayGoroutine(log, g, syncNs, foreverReason, io);
    createdOut.setFrom(g, io, CREATED);
    endedOut.setFrom(g, io, ENDED);
    execOut.setFrom(g, io, EXEC);
  }
}

// Slots of replayGoroutine's typed array.
const CREATED = 0;
const ENDED = 1;
const EXEC = 2;
const LAST_START = 3;
const END = 4;

/** Goroutine g's creation, end and execution times into io[CREATED], io[ENDED], io[EXEC] (io[END]: the trace's end). */
function replayGoroutine(log: TransitionLog, g: number, syncNs: Float64Array, foreverReason: number, io: Float64Array): void {
  const { offsets, packed, time } = log;
  io[CREATED] = -1;
  io[ENDED] = -1;
  io[EXEC] = 0;
  io[LAST_START] = -1;
  for (let row = offsets[g], end = offsets[g + 1]; row < end; row++) {
    const p = packed[row];
    const from = fromOf(p);
    const to = toOf(p);
    if (from === to || to === TO_PROC_LOST) continue;
    const t = time.at(row);
    if (from <= 1) {
      // GoState.Undetermined = 0, NotExist = 1: a new incarnation.
      if (from === 1) io[CREATED] = t;
      else {
        const s = lowerBound(syncNs, t) - 1;
        io[CREATED] = s >= 0 ? syncNs[s] : 0;
      }
      io[ENDED] = -1;
      io[EXEC] = from === 0 && to === 3 ? clipWhole(io[CREATED], t, io[END]) : 0; // Undetermined → Running
      io[LAST_START] = -1;
    } else if (from === 3 && io[LAST_START] !== -1) {
      io[EXEC] += clipWhole(io[LAST_START], t, io[END]);
      io[LAST_START] = -1;
    }
    // A creation can also end (created blocked forever).
    const ends = to === 1 || (to === 4 && foreverReason !== 0 && reasonOf(p) === foreverReason); // NotExist, Waiting
    if (to === 3) io[LAST_START] = t;
    else if (ends && io[LAST_START] !== -1) {
      io[EXEC] += clipWhole(io[LAST_START], t, io[END]);
      io[LAST_START] = -1;
    }
    if (ends) io[ENDED] = t;
  }
  if (io[LAST_START] !== -1) io[EXEC] += clipWhole(io[LAST_START], io[END], io[END]);
}

/** The part of [a, b) inside the whole trace [0, endNs]. */
function clipWhole(a: number, b: number, endNs: number): number {
  const lo = a > 0 ? a : 0;
  const hi = b < endNs ? b : endNs;
  return hi > lo ? hi - lo : 0;
}
