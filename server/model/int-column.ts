import { IntColumnWriter } from './int-column-writer.ts';

/**
 * A read-only column of integers (times in ns since trace start, goroutine
 * ids) in 4 or 5 bytes per row instead of a Float64Array's 8.
 *
 * Values are stored minus the column's smallest value (the bias; -1 when the
 * column uses -1 as "none"), as a 32-bit low word plus, when the span passes
 * 2^32 ns (4.3 s), an 8-bit high word (up to 2^40 ns, 18 min) or a 16-bit one
 * (2^48 ns, 3 days). The 68 MB bench trace lasts 24 s: its 4.7 M transition
 * times take 23 MB instead of 38. A column holding a non-integer, or spanning
 * more than 2^48, stays a Float64Array, so every value reads back exactly.
 *
 * The high word changes rarely from row to row in the model's columns: times
 * grouped by goroutine, in time order within each, goroutines in order of
 * first appearance. Then only the rows where it changes are kept (with its
 * value from there on), when that takes at most an eighth of the bytes: the
 * bench trace's 2.3 M range starts change high word 16 700 times, 0.1 MB
 * instead of 2.3; its goroutines' creation and end times 6 and 420 times.
 * Not its 4.7 M transition times, 114 000 times (goroutines alive across a
 * 4.3 s boundary): reads that miss the last run search the runs, and the
 * query context's build over every goroutine's rows took 100 ms more.
 */
export class IntColumn {
  private constructor(
    private readonly lo: Uint32Array,
    private readonly hi: Uint8Array | Uint16Array | null,
    private readonly exact: Float64Array | null,
    private readonly bias: number,
    readonly length: number,
    /** Instead of `hi`: the rows where the high word changes (ascending, the first is row 0)… */
    private readonly runRows: Int32Array | null = null,
    /** … and the high word from each of them on. */
    private readonly runHigh: Uint16Array | null = null,
  ) {}

  /** The run of the last read (reads cluster: a binary search runs on a miss only). */
  private run = 0;

  /** A column of lo (+ hi) words, with hi as runs when those take at most an eighth of its bytes (6 bytes a run). */
  private static withHigh(lo: Uint32Array, hi: Uint8Array | Uint16Array | null, bias: number, n: number): IntColumn {
    if (hi === null) return new IntColumn(lo, null, null, bias, n);
    let runs = 1;
    for (let i = 1; i < n; i++) if (hi[i] !== hi[i - 1]) runs++;
    if (runs * 6 * 8 > hi.byteLength) return new IntColumn(lo, hi, null, bias, n);
    const runRows = new Int32Array(runs);
    const runHigh = new Uint16Array(runs);
    runHigh[0] = hi[0];
    for (let i = 1, k = 1; i < n; i++) {
      if (hi[i] === hi[i - 1]) continue;
      runRows[k] = i;
      runHigh[k++] = hi[i];
    }
    return new IntColumn(lo, null, null, bias, n, runRows, runHigh);
  }

  /** The column an IntColumnWriter wrote. */
  static fromWriter(w: IntColumnWriter): IntColumn {
    const { lo, hi, exact, bias, length } = w.words();
    return exact !== null ? new IntColumn(new Uint32Array(0), null, exact, 0, length) : IntColumn.withHigh(lo, hi, bias, length);
  }

  /**
   * The first n values of `values` (which may be a longer growable buffer);
   * with `to`, value i goes to row to[i] (a permutation of 0 … n-1).
   */
  static from(values: Float64Array, n = values.length, to?: Int32Array): IntColumn {
    return IntColumn.fromReader(new ArrayReader(values), n, to);
  }

  /**
   * The first n values of a column read in order (`at(i)` for i = 0 … n-1: a
   * SortedTimeColumn adds one delta per row), value i in row to[i] (row i
   * without `to`), so a regrouped column is built without an n-row
   * Float64Array in between (38 MB of the build's peak for the bench trace's
   * transition times, built as 16-bit deltas and regrouped by goroutine here).
   * `lowerBound`, when the values are known to be at least that (times are
   * never negative), saves the pass that finds the smallest value: the bench
   * trace's 4.7 M transition times regrouped in 78 ms instead of 138.
   */
  static fromReader(times: { at(i: number): number }, n: number, to?: Int32Array, lowerBound?: number): IntColumn {
    if (n === 0) return new IntColumn(new Uint32Array(0), null, null, 0, 0);
    let bias = lowerBound;
    if (bias === undefined) {
      // The minimum lives in a typed array, not in a local: this loop runs once per column over
      // millions of rows, in on-stack-replaced code, where V8 boxes a double loop variable on
      // every update (a 16-byte allocation per row of an ascending column: 73 MB for the bench
      // trace's 4.7 M transition times).
      const min = new Float64Array([Infinity]);
      for (let i = 0; i < n; i++) {
        const v = times.at(i);
        if (v < min[0]) min[0] = v;
      }
      bias = min[0];
    }
    // Values that are not integers, or span 2^48 or more, turn the writer to exact doubles.
    const w = new IntColumnWriter(n, bias);
    for (let i = 0; i < n; i++) w.set(to === undefined ? i : to[i], times.at(i));
    return IntColumn.fromWriter(w);
  }

  /** Value of row i. */
  at(i: number): number {
    if (this.exact !== null) return this.exact[i];
    const runs = this.runRows;
    if (runs !== null) {
      let k = this.run;
      if (i < runs[k] || (k + 1 < runs.length && i >= runs[k + 1])) k = this.run = runOf(runs, i);
      return this.runHigh![k] * 4294967296 + this.lo[i] + this.bias;
    }
    const hi = this.hi;
    return (hi === null ? this.lo[i] : hi[i] * 4294967296 + this.lo[i]) + this.bias;
  }

  /** Bytes held (for the memory report). */
  get byteLength(): number {
    return this.lo.byteLength + (this.hi?.byteLength ?? 0) + (this.exact?.byteLength ?? 0) + (this.runRows?.byteLength ?? 0) + (this.runHigh?.byteLength ?? 0);
  }

  /** Index of the first row in [lo, hi) with value >= x; the rows must be sorted. */
  lowerBound(x: number, lo = 0, hi = this.length): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.at(mid) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first row in [lo, hi) with value > x; the rows must be sorted. */
  upperBound(x: number, lo = 0, hi = this.length): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.at(mid) <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** A copy of the values as a Float64Array (for tests and small columns). */
  toFloat64(): Float64Array {
    const out = new Float64Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.at(i);
    return out;
  }
}

/** Index of the last run starting at or before row i. */
function runOf(runs: Int32Array, i: number): number {
  let lo = 0;
  let hi = runs.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (runs[mid] <= i) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** An array read as a column (IntColumn.from). */
class ArrayReader {
  constructor(private readonly values: Float64Array) {}

  at(i: number): number {
    return this.values[i];
  }
}
