import { BitColumn } from './bit-column.ts';
import { collectGarbage } from './collect-garbage.ts';
import { groupByKey, I32Column, lowerBound, U16OrI32Column, upperBound } from './columns.ts';
import { IntColumn } from './int-column.ts';
import { DenseIds } from './dense-ids.ts';
import { SortedTimeBuilder, type TimeReader } from './sorted-time-column.ts';

/**
 * Every goroutine state transition of the trace, the model's backbone: the
 * goroutine analysis, the blocking profiles, the goroutine lanes and the
 * goroutine counters are all computed from it.
 *
 * Rows are grouped by goroutine (in time order within a goroutine), so one
 * goroutine's history is a contiguous range found by `offsets`; `timesInOrder`
 * holds every row's time in global time order, for scans over a time window.
 * A row is 8 to 13 bytes: time (4, or 5 past 4.3 s: int-column.ts), packed
 * states/reason/flag (2, or 4 past 512 reasons) and the event's stack (2 when
 * every stack id fits 16 bits, else 4), plus about 2 for the time order (the 68 MB
 * bench trace's 4.7 M rows took 18 bytes each before); the goroutine of a row
 * follows from `offsets`, and who unblocked or created a goroutine is kept in
 * a sparse side table, since most transitions have no such actor. The side table also
 * keeps the proc and thread of those events (go tool trace draws its flow
 * arrows from them, also for unblocks by no goroutine, e.g. timers).
 */

/** `to` value of the pseudo-transition recorded when a syscalling goroutine's proc is taken away. */
export const TO_PROC_LOST = 7;

/** Flag: the event had no proc (used by the analysis for goroutines first seen in a syscall). */
export const FLAG_NO_PROC = 1;

/**
 * A row's states, flag and reason in one integer: from (bits 0-2), to (3-5),
 * the FLAG_NO_PROC flag (6) and the reason index (7 on). 16 bits hold it while
 * the trace has at most 512 distinct reasons (the runtime has about 40), so
 * the column is a Uint16Array: 9 MB less for the bench trace's 4.7 M rows.
 */
export function packTransition(from: number, to: number, reason: number, flags: number): number {
  return (from & 7) | ((to & 7) << 3) | ((flags & 1) << 6) | (reason << 7);
}
export const fromOf = (p: number): number => p & 7;
export const toOf = (p: number): number => (p >>> 3) & 7;
export const flagsOf = (p: number): number => (p >>> 6) & 1;
export const reasonOf = (p: number): number => p >>> 7;

/** goroutineOf's hint: one goroutine per 2^6 rows. */
const HINT_SHIFT = 6;

export class TransitionLog {
  constructor(
    /** Transition time, ns since trace start (4 or 5 bytes a row: 23 MB instead of 38 for the bench trace's 4.7 M rows). */
    readonly time: IntColumn,
    /** from, to, reason index and flags (see packTransition); 32-bit only past 512 reasons. */
    readonly packed: Uint16Array | Uint32Array,
    /** The event's own stack (trace-wide stack id, 0 = none); 16-bit when every id fits. */
    readonly stack: Int32Array | Uint16Array,
    /** Rows of goroutine g are offsets[g] … offsets[g+1]-1. */
    readonly offsets: Int32Array,
    /**
     * The rows' times in global time order (the k-th transition of the trace, whichever
     * goroutine's), as built: about 2 bytes a row (SortedTimeColumn). It replaces a
     * permutation of the rows into time order (4 bytes a row: 9 MB more held for the bench
     * trace's 4.7 M rows), which only the goroutine counters' fine zooms and the flow index
     * read, and the times are what they need.
     */
    readonly timesInOrder: TimeReader,
    /**
     * Sorted rows of unblocks and creations with a known actor goroutine,
     * proc or thread; the actor's goroutine index (-1 none), and the event's
     * proc and thread (-1 none; procs past 32 767 are -1).
     */
    readonly actorRows: Int32Array,
    readonly actorGoroutine: Int32Array,
    readonly actorProc: Int16Array,
    /** The thread as an index into actorThreadIds; 16-bit while there are at most 65 536 distinct ones. */
    private readonly actorThread: Uint16Array | Int32Array,
    /** Distinct thread ids of the actor side table (-1: none). */
    private readonly actorThreadIds: Int32Array,
    /** Reason strings (trace-wide string ids) by reason index; index 0 is "". */
    readonly reasons: Int32Array,
  ) {
    const n = time.length;
    this.rowHint = new Int32Array((n + (1 << HINT_SHIFT) - 1) >>> HINT_SHIFT);
    for (let g = 0, G = offsets.length - 1; g < G; g++) {
      for (let row = (((offsets[g] + (1 << HINT_SHIFT) - 1) >>> HINT_SHIFT) << HINT_SHIFT); row < offsets[g + 1]; row += 1 << HINT_SHIFT) this.rowHint[row >>> HINT_SHIFT] = g;
    }
  }

  get length(): number {
    return this.time.length;
  }

  /**
   * The goroutine of every 64th row: goroutineOf searches offsets only
   * between two of them (a few goroutines) instead of all of them, 20 cache
   * misses for the bench trace's 960 000 goroutines; proc lanes ask it once
   * per slice. 0.3 MB for its 4.7 M rows.
   */
  private readonly rowHint: Int32Array;

  /** The goroutine a row belongs to (rows are grouped by goroutine). */
  goroutineOf(row: number): number {
    const k = row >>> HINT_SHIFT;
    const lo = this.rowHint[k];
    const hi = k + 1 < this.rowHint.length ? this.rowHint[k + 1] + 1 : this.offsets.length;
    return upperBound(this.offsets, row, lo, hi) - 1;
  }

  /** Goroutine index that unblocked or created the goroutine at this row, or -1. */
  actor(row: number): number {
    const i = this.actorIndex(row);
    return i >= 0 ? this.actorGoroutine[i] : -1;
  }

  /** Thread id of actor entry e (from actorIndex), or -1. */
  actorThreadId(e: number): number {
    return this.actorThreadIds[this.actorThread[e]];
  }

  /** Index of the row in the actor side table, or -1. */
  actorIndex(row: number): number {
    const i = lowerBound(this.actorRows, row);
    return i < this.actorRows.length && this.actorRows[i] === row ? i : -1;
  }
}

/** Appends transitions in time order; `finish` regroups them by goroutine. */
export class TransitionLogBuilder {
  /**
   * 16-bit deltas while building (SortedTimeBuilder: rows come in time order, 5 µs apart on
   * average in the bench trace): 2 bytes a row and a few escapes, instead of U40Column's 5.
   */
  private readonly time: SortedTimeBuilder;
  private readonly goroutine: I32Column;
  /** 16-bit while they fit, as in the finished log: 19 MB less at the build's peak for the bench trace. */
  private readonly packed: U16OrI32Column;
  private readonly stack: U16OrI32Column;
  /**
   * Per row: set when it has a cause entry. Causes are appended in row order, so
   * a row's entry is the number of flagged rows before it (a bit a row
   * instead of a 4-byte index while building).
   */
  private readonly hasCause: BitColumn;
  /** Actor goroutine, proc and thread of the rows that have one of them (unblocks and creations). */
  private readonly causeActor: I32Column;
  /** Proc + 1 (0: none), and the thread as a dense index into causeThreadIds: 16 bits each (5.6 MB less for the bench trace's 1.4 M causes). */
  private readonly causeProc: U16OrI32Column;
  private readonly causeThread: U16OrI32Column;
  private readonly causeThreadIds = new DenseIds();

  /** `expectedRows` sizes the columns up front (growing 40 MB columns costs copies). */
  constructor(expectedRows = 1 << 16) {
    this.time = new SortedTimeBuilder(expectedRows);
    this.goroutine = new I32Column(expectedRows);
    this.packed = new U16OrI32Column(expectedRows);
    this.stack = new U16OrI32Column(expectedRows);
    this.hasCause = new BitColumn(expectedRows);
    // Causes (creations, unblocks) are 0.3 of the rows on the GC-heavy bench trace (1.4 M of 4.7 M);
    // expectedRows overestimates the rows (6.8 M there), so a quarter of it is room enough.
    const causes = Math.max(1024, expectedRows >> 2);
    this.causeActor = new I32Column(causes);
    this.causeProc = new U16OrI32Column(causes);
    this.causeThread = new U16OrI32Column(causes);
  }
  private readonly reasonIndex = new Map<number, number>([[0, 0]]);
  private readonly reasons: number[] = [0];

  get length(): number {
    return this.time.length;
  }

  /** Index of a reason string id in the reason table. */
  reason(stringId: number): number {
    let r = this.reasonIndex.get(stringId);
    if (r === undefined) {
      r = this.reasons.length;
      this.reasons.push(stringId);
      this.reasonIndex.set(stringId, r);
    }
    return r;
  }

  /**
   * `at.timeNs`: the time, read from the event rather than passed (a double passed to a call that
   * is not inlined is boxed: 75 MB of garbage over the bench trace's 4.7 M transitions).
   * `actor`, `proc`, `thread`: who caused it (unblocks and creations), -1 when unknown or not a cause.
   */
  add(at: { readonly timeNs: number }, g: number, from: number, to: number, reasonIdx: number, flags: number, stack: number, actor: number, proc = -1, thread = -1): number {
    const row = this.time.length;
    this.time.push(at.timeNs);
    this.goroutine.push(g);
    this.packed.push(packTransition(from, to, reasonIdx, flags));
    this.stack.push(stack);
    if (actor < 0 && proc < 0 && thread < 0) this.hasCause.push(false);
    else {
      this.hasCause.push(true);
      this.causeActor.push(actor);
      this.causeProc.push(proc + 1);
      this.causeThread.push(this.causeThreadIds.indexOf(thread));
    }
    return row;
  }

  /**
   * Groups rows by goroutine with a stable counting sort (time order kept
   * within each goroutine), one column at a time so the peak is the old
   * columns plus one new one. Returns the log and the old-row → new-row map.
   */
  finish(goroutineCount: number): { log: TransitionLog; newRow: Int32Array } {
    const n = this.time.length;
    const { offsets, newRow } = groupByKey(this.goroutine.data, n, goroutineCount);
    const scatter = <T extends Float64Array | Int32Array | Uint32Array | Uint16Array>(src: ArrayLike<number>, out: T): T => {
      for (let i = 0; i < n; i++) out[newRow[i]] = src[i];
      return out;
    };
    // Each new column is made once the old ones before it are collected, and the biggest (the
    // times, 4 bytes a row) last: the finish's peak is then the old columns plus the regrouping
    // map and one new 2-byte column (it had risen 7 MB above the event loop's on the bench trace).
    const packed = scatter(this.packed.data, this.reasons.length <= 512 ? new Uint16Array(n) : new Uint32Array(n));
    this.packed.data = new Uint16Array(0);
    collectGarbage();
    // Stack ids in 16 bits when they fit (the 68 MB bench trace has a few thousand stacks): 9 MB less for its 4.7 M rows.
    const stack = scatter(this.stack.data, this.stack.data instanceof Uint16Array ? new Uint16Array(n) : new Int32Array(n));
    this.stack.data = new Uint16Array(0);
    // The actor side table, in a method of its own so that no local here holds the old columns.
    const actors = this.actorTable(newRow, n);
    // The cause columns and the goroutine column (30 MB) go before the times are regrouped.
    collectGarbage();
    const timesInOrder = this.time.finish();
    const time = IntColumn.fromReader(timesInOrder, n, newRow, 0);
    const { actorRows, actorGoroutine, actorProc, actorThread, actorThreadIds } = actors;
    const log = new TransitionLog(time, packed, stack, offsets, timesInOrder, actorRows, actorGoroutine, actorProc, actorThread, actorThreadIds, Int32Array.from(this.reasons));
    return { log, newRow };
  }

  /** The actor side table in regrouped row order; drops the goroutine and cause build columns. */
  private actorTable(newRow: Int32Array, n: number) {
    // Cause entry of each new row (-1 none): entries were appended in old-row order. The goroutine
    // column (n Int32s, no longer needed) holds it: a new array would sit beside it until collected.
    const cause = this.goroutine.data.subarray(0, n).fill(-1);
    this.goroutine.data = new Int32Array(0);
    for (let i = 0, c = 0, flags = this.hasCause; i < n; i++) if (flags.get(i)) cause[newRow[i]] = c++;
    this.hasCause.release();
    const causes = this.causeActor.length;
    const actorRows = new Int32Array(causes);
    const actorGoroutine = new Int32Array(causes);
    const actorProc = new Int16Array(causes);
    const [who, procs] = [this.causeActor.data, this.causeProc.data];
    // Thread ids (-1 none) as indices into the distinct ones (in order of first appearance): a few
    // threads, ids up to 4 M (Linux pid_max).
    const threadOf = this.causeThread.data;
    const actorThreadIds = Int32Array.from(this.causeThreadIds.ids);
    const actorThread = threadOf instanceof Uint16Array ? new Uint16Array(causes) : new Int32Array(causes);
    for (let i = 0, k = 0; i < n; i++) {
      const c = cause[i];
      if (c < 0) continue;
      actorRows[k] = i;
      actorGoroutine[k] = who[c];
      const p = procs[c] - 1;
      actorProc[k] = p <= 0x7fff ? p : -1;
      actorThread[k++] = threadOf[c];
    }
    this.causeActor.data = new Int32Array(0);
    this.causeProc.data = this.causeThread.data = new Uint16Array(0);
    return { actorRows, actorGoroutine, actorProc, actorThread, actorThreadIds };
  }
}
