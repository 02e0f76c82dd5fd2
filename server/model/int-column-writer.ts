const WORD = 4294967296;

/** What an IntColumnWriter wrote: the words of an IntColumn (`exact` instead when a value did not fit them). */
export interface IntColumnWords {
  lo: Uint32Array;
  hi: Uint8Array | Uint16Array | null;
  exact: Float64Array | null;
  bias: number;
  length: number;
}

/**
 * Writes the words of an IntColumn row by row, in any order: the 32-bit low
 * words, plus high words once a value needs them. Every IntColumn is built
 * through one (IntColumn.fromReader, IntColumn.fromWriter), and a column
 * filled out of row order needs no Float64Array of all its rows in between:
 * for the goroutine table's creation, end and execution times that was 7.7 MB
 * per column for the bench trace's 960 000 goroutines, at the step that set
 * the load's peak.
 *
 * The smallest value is given up front (the bias: -1 for columns where -1
 * means "none", 0 for durations, or the smallest value found in a first
 * pass). A value below it, a non-integer, or one 2^48 or more above it turns
 * the column into a Float64Array, so every value reads back exactly. Each row
 * is written once; a row never written reads as the bias.
 */
export class IntColumnWriter {
  private lo: Uint32Array;
  private hi: Uint8Array | Uint16Array | null = null;
  private exact: Float64Array | null = null;
  /** The value on its way to setWide. */
  private readonly wide = new Float64Array(1);
  /** What the high words can hold: 2^40 in 8 bits, 2^48 in 16 (0 before there are any). */
  private hiLimit = 0;

  constructor(
    readonly length: number,
    private readonly bias: number,
  ) {
    this.lo = new Uint32Array(length);
  }

  set(i: number, v: number): void {
    if (this.exact !== null) {
      this.exact[i] = v;
      return;
    }
    const d = v - this.bias;
    // The common rows: a small non-negative integer (rows start at zero in both words), or, once
    // high words exist, one that fits them (most times of a trace longer than 4.3 s).
    if (d >= 0 && d < WORD && Math.floor(d) === d) this.lo[i] = d;
    else if (this.hi !== null && d >= 0 && d < this.hiLimit && Math.floor(d) === d) {
      const high = Math.floor(d / WORD);
      this.lo[i] = d - high * WORD;
      this.hi[i] = high;
    } else {
      // Through a typed array, not as an argument: inlined into a caller's loop, a double
      // argument of this call was boxed for every row (27 MB for the bench trace's goroutines).
      this.wide[0] = v;
      this.setWide(i);
    }
  }

  /** Row i takes src[k]: for loops that keep their values in a typed array (a double argument to a call that is not inlined is boxed). */
  setFrom(i: number, src: Float64Array, k: number): void {
    this.set(i, src[k]);
  }

  private setWide(i: number): void {
    const v = this.wide[0];
    const d = v - this.bias;
    if (!(d >= 0 && d < 2 ** 48 && Math.floor(d) === d)) {
      this.toExact();
      this.exact![i] = v;
      return;
    }
    const high = Math.floor(d / WORD);
    if (this.hi === null) this.hi = high < 256 ? new Uint8Array(this.length) : new Uint16Array(this.length);
    else if (high >= 256 && this.hi instanceof Uint8Array) this.hi = Uint16Array.from(this.hi);
    this.hiLimit = this.hi instanceof Uint8Array ? 2 ** 40 : 2 ** 48;
    this.lo[i] = d - high * WORD;
    this.hi[i] = high;
  }

  /** Every row so far as a double, from here on. */
  private toExact(): void {
    const exact = new Float64Array(this.length);
    const { lo, hi, bias } = this;
    for (let i = 0; i < exact.length; i++) exact[i] = (hi === null ? 0 : hi[i] * WORD) + lo[i] + bias;
    this.exact = exact;
    this.lo = new Uint32Array(0);
    this.hi = null;
    this.hiLimit = 0;
  }

  /** The words written (the writer is done with them). */
  words(): IntColumnWords {
    return { lo: this.lo, hi: this.hi, exact: this.exact, bias: this.bias, length: this.length };
  }
}
