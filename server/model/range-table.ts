import { groupByKey, I32Column, U16OrI32Column, U40Column } from './columns.ts';
import { IntColumn } from './int-column.ts';
import { SortedTimeBuilder, type TimeReader } from './sorted-time-column.ts';

/**
 * Time ranges bound to a goroutine or a proc: GC mark assists, STW pauses,
 * incremental sweeps. Each row is drawn on the proc lane where it happened and,
 * when `go tool trace`'s summarizer would, counts toward a goroutine's "special
 * range" time (a sweep counts for the goroutine that was running on the proc
 * when it began, if that goroutine also ended it).
 *
 * Rows are grouped by goroutine (in the order they closed within each one),
 * then the rows that count for no goroutine: a goroutine's rows are the
 * range offsets[g] … offsets[g+1]-1, so no goroutine column or row index is
 * kept. A row is 10 bytes: name and flags (1, or 2 past 64 names), start (5),
 * duration (4, or 8 when one passes 4.3 s); the 68 MB bench trace's 2.3 M
 * ranges (1.9 M sweeps, 0.4 M assists) took 28 bytes each before. Of the proc
 * a range happened on only "none" is used (the GC lane skips attribution-only
 * rows), so only that is kept, as a flag.
 */
export class RangeTable {
  constructor(
    /** Bit 0: the range was still open when its goroutine or the trace ended; bit 1: no proc; bits 2 on: index into `names`. */
    private readonly nameFlags: Uint8Array | Uint16Array,
    /** Range names (trace-wide string ids), e.g. "GC mark assist". */
    readonly names: Int32Array,
    private readonly start: IntColumn,
    private readonly duration: Uint32Array | Float64Array,
    /** Rows of goroutine g: offsets[g] … offsets[g+1]-1; rows from offsets[goroutineCount] on count for no goroutine. */
    readonly offsets: Int32Array,
  ) {}

  get length(): number {
    return this.nameFlags.length;
  }

  /** Trace-wide string id of row r's name. */
  name(r: number): number {
    return this.names[this.nameFlags[r] >>> 2];
  }

  /**
   * The rows whose name is one of `names` (string ids), ascending: a scan of the name column
   * that tests each distinct name once (the bench trace's 2.3 M rows have 5).
   */
  rowsNamed(names: readonly number[]): Int32Array {
    const wanted = new Uint8Array(this.names.length);
    this.names.forEach((id, slot) => (wanted[slot] = names.includes(id) ? 1 : 0));
    const flags = this.nameFlags;
    const out: number[] = [];
    for (let r = 0; r < flags.length; r++) if (wanted[flags[r] >>> 2] === 1) out.push(r);
    return Int32Array.from(out);
  }

  /** True when row r was still open when its goroutine or the trace ended. */
  isOpen(r: number): boolean {
    return (this.nameFlags[r] & 1) !== 0;
  }

  /** False when the range happened on no proc (attribution-only rows of a goroutine's end). */
  hasProc(r: number): boolean {
    return (this.nameFlags[r] & 2) === 0;
  }

  startNs(r: number): number {
    return this.start.at(r);
  }

  endNs(r: number): number {
    return this.start.at(r) + this.duration[r];
  }

  /**
   * Adds goroutine g's range time inside [fromNs, toNs] to `out` (by name).
   * Only ranges of its current incarnation (begun at or after `createdNs`) count.
   */
  addGoroutineRangeTimes(g: number, createdNs: number, fromNs: number, toNs: number, out: Map<number, number>): void {
    for (let r = this.offsets[g], end = this.offsets[g + 1]; r < end; r++) {
      const s = this.start.at(r);
      if (s < createdNs) continue;
      const e = s + this.duration[r];
      const lo = s > fromNs ? s : fromNs;
      const hi = e < toNs ? e : toNs;
      const name = this.names[this.nameFlags[r] >>> 2];
      // Zero-length ranges still make the name appear, as they do on go tool trace's page.
      out.set(name, (out.get(name) ?? 0) + (hi > lo ? hi - lo : 0));
    }
  }
}

export class RangeTableBuilder {
  /**
   * Name slot and flags as the finished table keeps them (slot << 2 | noProc << 1 | open): 16 bits
   * while there are at most 2^14 names, instead of the slot plus a byte per flag (4.7 MB less while
   * building the bench trace).
   */
  private readonly nameFlags: U16OrI32Column;
  private readonly names: number[] = [];
  private readonly nameSlot = new Map<number, number>();
  /**
   * End times, about 2 bytes a row: rows are added as ranges end, in time order (a 16-bit
   * delta per row, SortedTimeBuilder). Starts are end minus duration. Starts kept in a
   * U40Column were 5 bytes a row: 7 MB more at the build's peak for the bench trace.
   */
  private readonly endNs: SortedTimeBuilder;
  /** End minus start: 5 bytes a row (U40Column) instead of an 8-byte time. */
  private readonly durationNs: U40Column;
  private readonly goroutine: I32Column;

  /**
   * `expectedRows` sizes the columns up front: the GC-heavy bench trace has
   * 2.3 M ranges (sweeps, assists), and growing six columns there from 1024
   * rows copied them 14 times (74 ms of the build). Capacity never written
   * costs no memory (columns.ts).
   */
  constructor(expectedRows = 1024) {
    this.nameFlags = new U16OrI32Column(expectedRows);
    this.endNs = new SortedTimeBuilder(expectedRows);
    this.durationNs = new U40Column(expectedRows);
    this.goroutine = new I32Column(expectedRows);
  }

  /**
   * `span` holds the range's start and end ns: a typed pair rather than two
   * arguments, since a double passed to a call that is not inlined is boxed
   * (two allocations for each of the bench trace's 2.3 M ranges).
   */
  add(name: number, span: Float64Array, proc: number, goroutine: number, open: boolean): void {
    let slot = this.nameSlot.get(name);
    if (slot === undefined) {
      slot = this.names.length;
      if (slot >= 1 << 14) throw new Error('more than 16 384 distinct range names');
      this.names.push(name);
      this.nameSlot.set(name, slot);
    }
    this.nameFlags.push((slot << 2) | (proc === -1 ? 2 : 0) | (open ? 1 : 0));
    this.endNs.push(span[1]);
    this.durationNs.push(span[1] - span[0]);
    this.goroutine.push(goroutine);
  }

  /** Regroups the rows by goroutine (stable: closing order kept within each goroutine). */
  finish(goroutineCount: number): RangeTable {
    const n = this.nameFlags.length;
    // Rows that count for no goroutine go last, under key goroutineCount.
    const goroutine = this.goroutine.data;
    for (let r = 0; r < n; r++) if (goroutine[r] < 0) goroutine[r] = goroutineCount;
    const { offsets, newRow } = groupByKey(goroutine, n, goroutineCount + 1);
    this.goroutine.data = new Int32Array(0);
    const built = this.nameFlags.data;
    // The runtime names a handful of ranges (5 in the bench trace): a byte holds name and flags.
    const nameFlags = this.names.length <= 64 ? new Uint8Array(n) : new Uint16Array(n);
    for (let r = 0; r < n; r++) nameFlags[newRow[r]] = built[r];
    // Durations in 32 bits when every one is an integer in [0, 2^32) (4.3 s; the bench trace's longest is 0.5 s).
    const durations = this.durationNs;
    let fits32 = durations.exact === null;
    for (let r = 0; r < n && fits32; r++) fits32 = durations.hi[r] === 0;
    const duration = fits32 ? new Uint32Array(n) : new Float64Array(n);
    for (let r = 0; r < n; r++) duration[newRow[r]] = durations.at(r);
    this.nameFlags.data = new Uint16Array(0);
    // Regrouped straight into the integer column (no n-row Float64Array in between).
    const startNs = IntColumn.fromReader(new RangeStarts(this.endNs.finish(), durations), n, newRow, 0);
    this.durationNs.release();
    return new RangeTable(nameFlags, Int32Array.from(this.names), startNs, duration, offsets);
  }
}

/** Start of row i while building: its end minus its duration, read in row order by IntColumn.fromReader. */
class RangeStarts {
  constructor(
    private readonly ends: TimeReader,
    private readonly durations: U40Column,
  ) {}

  at(i: number): number {
    return this.ends.at(i) - this.durations.at(i);
  }
}
