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
/** For the builder (sorted-time-builder.ts). */
export const SORTED_BLOCK_SHIFT = BLOCK_SHIFT;
export const SORTED_ESCAPE = ESCAPE;

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

  private constructor(
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

  /** A column from its parts, as SortedTimeBuilder makes them (the same parts `from` makes). */
  static fromParts(delta: Uint16Array, excTimes: Float64Array, blockTime: Float64Array, blockExc: Int32Array): SortedTimeColumn {
    return new SortedTimeColumn(delta, excTimes, blockTime, blockExc);
  }

  /**
   * The first n values, or an IntColumn when they are not all integers in
   * non-decreasing order (then the delta form does not apply).
   */
  static from(values: Float64Array, n = values.length): SortedTimeColumn | IntColumn {
    let escapes = 0;
    for (let i = 0; i < n; i++) {
      const d = values[i] - (i > 0 ? values[i - 1] : 0);
      if (!(d >= 0 && Number.isInteger(values[i]))) return IntColumn.from(values, n);
      if (d >= ESCAPE) escapes++;
    }
    const delta = new Uint16Array(n);
    const excTimes = new Float64Array(escapes);
    const blocks = (n + (1 << BLOCK_SHIFT) - 1) >>> BLOCK_SHIFT;
    const blockTime = new Float64Array(blocks);
    const blockExc = new Int32Array(blocks);
    let e = 0;
    for (let i = 0; i < n; i++) {
      if ((i & ((1 << BLOCK_SHIFT) - 1)) === 0) {
        blockTime[i >>> BLOCK_SHIFT] = values[i];
        blockExc[i >>> BLOCK_SHIFT] = e;
      }
      const d = values[i] - (i > 0 ? values[i - 1] : 0);
      if (d >= ESCAPE) {
        delta[i] = ESCAPE;
        excTimes[e++] = values[i];
      } else delta[i] = d;
    }
    return new SortedTimeColumn(delta, excTimes, blockTime, blockExc);
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
