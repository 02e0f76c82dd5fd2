import { F64Column, I32Column } from './columns.ts';
import { IntColumn } from './int-column.ts';

/** What readers of a time column need: IntColumn and SortedTimeColumn both give it. */
export interface TimeReader {
  readonly length: number;
  at(i: number): number;
  upperBound(x: number, lo?: number, hi?: number): number;
}

/** Rows per block: a block's first time is stored whole, so a random read walks at most 255 deltas. */
const BLOCK_SHIFT = 8;
/** A delta that does not fit 16 bits is stored whole, in the exception list. */
const ESCAPE = 0xffff;
const BLOCK_MASK = (1 << BLOCK_SHIFT) - 1;

/**
 * Non-decreasing integer times (a counter series' change times) in about
 * 2 bytes a row: the delta from the previous row in 16 bits, the few gaps of
 * 65 µs or more stored whole. The 68 MB bench trace's heap series has 2.4 M
 * points of which 28 000 are such gaps: 5 MB instead of IntColumn's 12.
 * Reads in order (at(i) right after at(i - 1), as the pyramid builder and
 * the chunk walks do) cost an add; a random read walks its block.
 */
export class SortedTimeColumn implements TimeReader {
  private curRow = -1;
  private curTime = 0;
  private curExc = 0;

  /** Made by `from` or a SortedTimeBuilder. */
  constructor(
    private readonly delta: Uint16Array,
    /** Times of the rows whose delta is ESCAPE, in row order. */
    private readonly excTimes: Float64Array,
    /** Time of row b << BLOCK_SHIFT, and the first exception at or after it. */
    private readonly blockTime: Float64Array,
    private readonly blockExc: Int32Array,
  ) {}

  get length(): number {
    return this.delta.length;
  }

  /**
   * The first n values, or an IntColumn when they are not all integers in
   * non-decreasing order (then the delta form does not apply).
   */
  static from(values: Float64Array, n = values.length): SortedTimeColumn | IntColumn {
    const b = new SortedTimeBuilder(n);
    for (let i = 0; i < n; i++) b.push(values[i]);
    return b.finish();
  }

  at(i: number): number {
    // Walks of two series read the same row again while the other one advances.
    if (i === this.curRow) return this.curTime;
    if (i !== this.curRow + 1 || i === 0) this.seek(i);
    else {
      this.curRow = i;
      this.curTime = this.delta[i] === ESCAPE ? this.excTimes[this.curExc++] : this.curTime + this.delta[i];
    }
    return this.curTime;
  }

  /** Positions the cursor on row i: from its block's first row. */
  private seek(i: number): void {
    const b = i >>> BLOCK_SHIFT;
    let row = b << BLOCK_SHIFT;
    let t = this.blockTime[b];
    let e = this.blockExc[b];
    if (this.delta[row] === ESCAPE) e++;
    while (row < i) {
      row++;
      t = this.delta[row] === ESCAPE ? this.excTimes[e++] : t + this.delta[row];
    }
    this.curRow = i;
    this.curTime = t;
    this.curExc = e;
  }

  /** Index of the first row in [lo, hi) with time > x. */
  upperBound(x: number, lo = 0, hi = this.length): number {
    // The last block starting at or before x holds the answer (or it is its end).
    let a = 0;
    let z = this.blockTime.length;
    while (a < z) {
      const mid = (a + z) >>> 1;
      if (this.blockTime[mid] <= x) a = mid + 1;
      else z = mid;
    }
    let i = Math.max(lo, (a > 0 ? a - 1 : 0) << BLOCK_SHIFT);
    while (i < hi && this.at(i) <= x) i++;
    return Math.min(Math.max(i, lo), hi);
  }

  /** Bytes held. */
  get byteLength(): number {
    return this.delta.byteLength + this.excTimes.byteLength + this.blockTime.byteLength + this.blockExc.byteLength;
  }
}

/**
 * Builds a SortedTimeColumn while the times arrive, 2 bytes a row instead of
 * a Float64Array read at the end: the heap series of the 68 MB bench trace
 * has 2.4 M points, 19 MB of build-time memory that are now 5. Times that are
 * not non-decreasing integers make an IntColumn instead (every time is kept
 * whole from the first such row on).
 */
export class SortedTimeBuilder {
  private delta: Uint16Array;
  private readonly exc = new F64Column(64);
  private readonly blockTime = new F64Column(64);
  private readonly blockExc = new I32Column(64);
  /** The last time pushed, then the one pushSlow takes, in a typed array (a double field or argument would be boxed). */
  private readonly lastTime = new Float64Array(2);
  /** Every time, once one did not fit the delta form. */
  private all: F64Column | null = null;
  length = 0;

  constructor(capacity = 1024) {
    this.delta = new Uint16Array(capacity);
  }

  /** Time of the last row (only when length > 0). */
  get last(): number {
    return this.lastTime[0];
  }

  push(t: number): void {
    const i = this.length;
    const d = i > 0 ? t - this.lastTime[0] : t;
    // The common row, kept small so that callers inline it (a double argument to a call that
    // is not inlined is boxed: 38 MB of garbage over the bench trace's heap points).
    if (d >= 0 && d < ESCAPE && (i & BLOCK_MASK) !== 0 && i < this.delta.length && this.all === null && Number.isInteger(t)) {
      this.delta[i] = d;
      this.lastTime[0] = t;
      this.length = i + 1;
      return;
    }
    // The time goes to the rare path through the typed array, not as an argument: with t and d
    // as arguments, the model builder's event loop, where this is inlined, boxed them for every
    // heap point, not only for the 3 % that take this path (168 MB of garbage for the bench
    // trace's 2.5 M metric events).
    this.lastTime[1] = t;
    this.pushSlow(i);
  }

  private pushSlow(i: number): void {
    const t = this.lastTime[1];
    const d = i > 0 ? t - this.lastTime[0] : t;
    this.length = i + 1;
    this.lastTime[0] = t;
    if (this.all !== null) {
      this.all.push(t);
      return;
    }
    if (!(d >= 0 && Number.isInteger(t))) {
      this.keepAll(i, t);
      return;
    }
    if ((i & BLOCK_MASK) === 0) {
      this.blockTime.push(t);
      this.blockExc.push(this.exc.length);
    }
    if (i === this.delta.length) {
      const grown = new Uint16Array(Math.max(1024, this.delta.length * 2));
      grown.set(this.delta);
      this.delta = grown;
    }
    if (d >= ESCAPE) {
      this.delta[i] = ESCAPE;
      this.exc.push(t);
    } else this.delta[i] = d;
  }

  finish(): SortedTimeColumn | IntColumn {
    if (this.all !== null) return IntColumn.from(this.all.data, this.length);
    // A view: the capacity past length was never written, so it holds no memory.
    const delta = this.delta.subarray(0, this.length);
    this.delta = new Uint16Array(0);
    return new SortedTimeColumn(delta, this.exc.finish(), this.blockTime.finish(), this.blockExc.finish());
  }

  /** Row i (time t) does not fit: rebuild rows 0 … i-1 whole and keep every time from now on. */
  private keepAll(i: number, t: number): void {
    const all = new F64Column(Math.max(1024, this.delta.length));
    const exc = this.exc.data;
    let time = 0;
    for (let r = 0, e = 0; r < i; r++) {
      time = this.delta[r] === ESCAPE ? exc[e++] : time + this.delta[r];
      all.push(time);
    }
    all.push(t);
    this.all = all;
    this.delta = new Uint16Array(0);
  }
}
