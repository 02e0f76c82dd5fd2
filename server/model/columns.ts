/**
 * Growable typed-array columns: the model stores millions of spans as rows of
 * parallel columns (struct of arrays), never as objects. Growth doubles until
 * 1 M rows, then adds 50 %, so a 10 M-row column wastes at most a third.
 *
 * One class per element type, each with its own `push`, rather than a shared
 * base class: a shared `push` stores into several kinds of typed array and V8's
 * store becomes polymorphic (pushing 5 M rows into four columns took 168 ms at
 * best instead of 140 in a microbenchmark).
 */

type TypedArray = Float64Array | Int32Array | Uint8Array | Uint16Array | Uint32Array | Float32Array;

/** A copy of `a` with room for at least `need` elements: doubling, then adding 50 % past 1 M. */
export function grow<T extends TypedArray>(a: T, need: number): T {
  let n = a.length;
  while (n < need) n = n < 1 << 20 ? n * 2 : Math.ceil(n * 1.5);
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

/** Buffers from this size on are mmapped (the bin sets MALLOC_MMAP_THRESHOLD_=16384, bin/node-env.mjs): pages never written cost no RSS. */
const LAZY_PAGES_BYTES = 1 << 20;

/**
 * The first n elements. A small column is copied to its size; a big one is
 * a view of its buffer: the spare capacity was never written, so its pages
 * were never committed, and a copy would briefly double the column (for the
 * 68 MB bench trace the copies were 175 MB of the load's peak).
 */
function trim<T extends TypedArray>(a: T, n: number): T {
  if (n === a.length) return a;
  return (a.byteLength >= LAZY_PAGES_BYTES ? a.subarray(0, n) : a.slice(0, n)) as T;
}

export class F64Column {
  data: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }
  push(v: number): number {
    if (this.length === this.data.length) this.data = grow(this.data, this.length + 1);
    this.data[this.length] = v;
    return this.length++;
  }
  /** The filled part (copied when the spare capacity is worth releasing). */
  finish(): Float64Array {
    return trim(this.data, this.length);
  }
}

export class F32Column {
  data: Float32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float32Array(capacity);
  }
  push(v: number): number {
    if (this.length === this.data.length) this.data = grow(this.data, this.length + 1);
    this.data[this.length] = v;
    return this.length++;
  }
  finish(): Float32Array {
    return trim(this.data, this.length);
  }
}

export class I32Column {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): number {
    if (this.length === this.data.length) this.data = grow(this.data, this.length + 1);
    this.data[this.length] = v;
    return this.length++;
  }
  finish(): Int32Array {
    return trim(this.data, this.length);
  }
}

/**
 * Integers in unsigned 16 bits until one does not fit, then in signed 32: the
 * transition log's packed states and stack ids, 4.7 M rows each on the bench
 * trace, nearly always fit, and halving them lowers the build's peak.
 */
export class U16OrI32Column {
  data: Uint16Array | Int32Array;
  length = 0;
  private min = 0;
  private max = 0xffff;
  constructor(capacity = 1024) {
    this.data = new Uint16Array(capacity);
  }
  push(v: number): number {
    if (this.length === this.data.length) this.data = grow(this.data, this.length + 1);
    if (v > this.max || v < this.min) this.widen();
    this.data[this.length] = v;
    return this.length++;
  }
  private widen(): void {
    const wide = new Int32Array(this.data.length);
    wide.set(this.data.subarray(0, this.length));
    this.data = wide;
    this.min = -0x80000000;
    this.max = 0x7fffffff;
  }
}

/**
 * Integers in [0, 2^40) as a 32-bit low word and an 8-bit high word, 5 bytes
 * instead of 8 (the range table's durations while building: 2.3 M rows on
 * the bench trace); at the first other value (negative, fractional, or 18
 * minutes of ns and more) every row moves to `exact`, a Float64Array.
 */
export class U40Column {
  lo: Uint32Array;
  hi: Uint8Array;
  exact: Float64Array | null = null;
  length = 0;
  constructor(capacity = 1024) {
    this.lo = new Uint32Array(capacity);
    this.hi = new Uint8Array(capacity);
  }
  push(v: number): number {
    if (this.exact === null && !(v >= 0 && v < 2 ** 40 && Math.floor(v) === v)) this.toExact();
    if (this.exact !== null) {
      if (this.length === this.exact.length) this.exact = grow(this.exact, this.length + 1);
      this.exact[this.length] = v;
      return this.length++;
    }
    if (this.length === this.lo.length) {
      this.lo = grow(this.lo, this.length + 1);
      this.hi = grow(this.hi, this.length + 1);
    }
    const high = Math.floor(v / 4294967296);
    this.lo[this.length] = v - high * 4294967296;
    this.hi[this.length] = high;
    return this.length++;
  }
  /** Value of row i. */
  at(i: number): number {
    return this.exact !== null ? this.exact[i] : this.lo[i] + this.hi[i] * 4294967296;
  }
  /** Drops the rows (once they have been copied into their finished column). */
  release(): void {
    this.exact = null;
    this.lo = new Uint32Array(0);
    this.hi = new Uint8Array(0);
  }
  private toExact(): void {
    const exact = new Float64Array(Math.max(1024, this.lo.length));
    for (let i = 0; i < this.length; i++) exact[i] = this.at(i);
    this.exact = exact;
    this.lo = new Uint32Array(0);
    this.hi = new Uint8Array(0);
  }
}

export class U8Column {
  data: Uint8Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint8Array(capacity);
  }
  push(v: number): number {
    if (this.length === this.data.length) this.data = grow(this.data, this.length + 1);
    this.data[this.length] = v;
    return this.length++;
  }
  finish(): Uint8Array {
    return trim(this.data, this.length);
  }
}

/** Index of the first element of sorted `a[lo, hi)` that is >= x. */
export function lowerBound(a: ArrayLike<number>, x: number, lo = 0, hi = a.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element of sorted `a[lo, hi)` that is > x. */
export function upperBound(a: ArrayLike<number>, x: number, lo = 0, hi = a.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A stable counting sort of rows 0 … n-1 by key[row] in [0, keyCount): where
 * each key's rows go (offsets: keyCount + 1 prefix sums) and each row's new
 * position. Rows keep their order within a key (time order, for the tables
 * regrouped by goroutine).
 */
export function groupByKey(key: ArrayLike<number>, n: number, keyCount: number): { offsets: Int32Array; newRow: Int32Array } {
  const offsets = new Int32Array(keyCount + 1);
  for (let i = 0; i < n; i++) offsets[key[i] + 1]++;
  for (let k = 0; k < keyCount; k++) offsets[k + 1] += offsets[k];
  const next = offsets.slice(0, keyCount);
  const newRow = new Int32Array(n);
  for (let i = 0; i < n; i++) newRow[i] = next[key[i]]++;
  return { offsets, newRow };
}

/**
 * Each of the first n values as an index into its distinct values (in order
 * of first appearance): 16-bit indices while there are at most 65 536.
 */
export function denseIndex(values: ArrayLike<number>, n: number): { index: Uint16Array | Int32Array; values: Int32Array } {
  const slot = new Map<number, number>();
  const distinct: number[] = [];
  const wide = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let k = slot.get(values[i]);
    if (k === undefined) {
      k = distinct.length;
      distinct.push(values[i]);
      slot.set(values[i], k);
    }
    wide[i] = k;
  }
  return { index: distinct.length <= 0x10000 ? Uint16Array.from(wide) : wide, values: Int32Array.from(distinct) };
}
