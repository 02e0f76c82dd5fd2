import { grow } from './columns.ts';

/**
 * Min/max of step series over time buckets, at every power-of-two bucket size
 * from 2^BASE_SHIFT ns up: answers "min and max per pixel" for zoomed-out
 * views in O(pixels), whatever the number of points (heap alloc changes
 * 2.4 M times in a 60 MB GC-heavy trace). Finer views walk the raw points.
 */

/** 2^17 ns ≈ 131 µs buckets: a 30 s trace has 229 k of them per series; finer views walk raw points (≤ 260 ms of trace per 2000 px). */
export const BASE_SHIFT = 17;
const BUCKET_NS = 2 ** BASE_SHIFT;

/** Levels kept: every third (buckets of 2^17, 2^20, 2^23 … ns); a pixel of a level in between reads 2 or 4 buckets of the kept level below. */
const KEEP_EVERY = 3;

/** One series at one kept level: integers up to 65 535 (goroutine and thread counts) in 16 bits, others (heap bytes) in float32. */
export type PyramidColumn = Uint16Array | Float32Array;

export class CounterPyramid {
  /**
   * mins[i][s][b], maxs[i][s][b]: series s over bucket b of level
   * i × KEEP_EVERY (buckets of 2^(BASE_SHIFT + i × KEEP_EVERY) ns), down to
   * one bucket. Float32 is exact enough to draw byte sizes (7 digits). For the
   * 68 MB bench trace's three pyramids this is 8.7 MB; every level in float32
   * was 24 MB.
   */
  constructor(
    readonly seriesCount: number,
    readonly mins: PyramidColumn[][],
    readonly maxs: PyramidColumn[][],
    /** Number of levels there would be if every one were kept (the last one holds the whole trace in a bucket). */
    readonly levelCount: number,
  ) {}

  /**
   * The kept level to read when a pixel is nsPerPx wide, and how many of its
   * buckets make a pixel; null when nsPerPx is finer than the base, not a
   * power of two, or past the top level (the caller walks the points).
   */
  levelFor(nsPerPx: number): PyramidLevel | null {
    const k = Math.round(Math.log2(nsPerPx)) - BASE_SHIFT;
    if (!(k >= 0 && k < this.levelCount && 2 ** (k + BASE_SHIFT) === nsPerPx)) return null;
    const index = Math.floor(k / KEEP_EVERY);
    return { index, stride: 2 ** (k - index * KEEP_EVERY) };
  }

  /** Number of pixels (buckets of the requested level) the trace spans at `at`. */
  pixelCount(at: PyramidLevel): number {
    return Math.ceil(this.mins[at.index][0].length / at.stride);
  }

  /** Min and max of every series over pixel b of the level `at` (from levelFor), into lo and hi. */
  pixel(at: PyramidLevel, b: number, lo: Float64Array, hi: Float64Array): void {
    const mins = this.mins[at.index];
    const maxs = this.maxs[at.index];
    const from = b * at.stride;
    const to = Math.min(mins[0].length, from + at.stride);
    for (let s = 0; s < this.seriesCount; s++) {
      const mn = mins[s];
      const mx = maxs[s];
      let l = mn[from];
      let h = mx[from];
      for (let k = from + 1; k < to; k++) {
        if (mn[k] < l) l = mn[k];
        if (mx[k] > h) h = mx[k];
      }
      lo[s] = l;
      hi[s] = h;
    }
  }
}

/** A level as levelFor gives it: the kept level's index and how many of its buckets make a pixel. */
export interface PyramidLevel {
  index: number;
  stride: number;
}

/** Feed points in time order (the values right after each change), then `finish`. */
export class CounterPyramidBuilder {
  private readonly cur: Float64Array;
  // Typed columns per series, grown by doubling: arrays of numbers boxed
  // values past the small-integer range (heap sizes), 100 MB of garbage while
  // building the 68 MB bench trace's pyramids. Float32, as the finished
  // levels: the bucket's min and max are rounded once, when written, which is
  // what rounding them at the finish gave (12 MB less at the build's peak for
  // the bench trace's three pyramids than Float64 columns).
  private min: Float32Array[];
  private max: Float32Array[];
  /**
   * The open bucket's min and max per series, written to min/max when it closes: a point then
   * updates two small arrays instead of a column per series (5 M points of 4 series: 171-178
   * -> 125-129 ms, warm).
   */
  private readonly curMin: Float64Array;
  private readonly curMax: Float64Array;
  private bucket = 0;
  /** Start of the next bucket: most points fall in the current one. */
  private nextStart = BUCKET_NS;

  constructor(readonly seriesCount: number) {
    this.cur = new Float64Array(seriesCount);
    this.curMin = new Float64Array(seriesCount);
    this.curMax = new Float64Array(seriesCount);
    this.min = Array.from({ length: seriesCount }, () => new Float32Array(1024));
    this.max = Array.from({ length: seriesCount }, () => new Float32Array(1024));
  }

  /** Writes the open bucket's min and max out, and opens the next one at the current values. */
  private closeBucket(): void {
    const b = this.bucket;
    if (b >= this.min[0].length) {
      this.min = this.min.map((a) => grow(a, b + 1));
      this.max = this.max.map((a) => grow(a, b + 1));
    }
    for (let s = 0; s < this.seriesCount; s++) {
      this.min[s][b] = this.curMin[s];
      this.max[s][b] = this.curMax[s];
      this.curMin[s] = this.curMax[s] = this.cur[s];
    }
    this.bucket = b + 1;
  }

  private advanceTo(timeNs: number): void {
    if (timeNs < this.nextStart) return;
    const b = Math.floor(timeNs / BUCKET_NS);
    while (this.bucket < b) this.closeBucket();
    this.nextStart = (b + 1) * BUCKET_NS;
  }

  /**
   * Every series changes at once: `point[0]` is the time, `point[1 + s]` the value of
   * series s. One typed array rather than double arguments, which are boxed when the
   * call is not inlined (the heap pyramid's 2.4 M points made 77 MB of garbage).
   */
  setAll(point: Float64Array): void {
    this.advanceTo(point[0]);
    const cur = this.cur;
    const lo = this.curMin;
    const hi = this.curMax;
    for (let s = 0; s < this.seriesCount; s++) {
      const v = point[1 + s];
      cur[s] = v;
      if (v < lo[s]) lo[s] = v;
      if (v > hi[s]) hi[s] = v;
    }
  }

  /**
   * One series changes: `point` is [time, series, value]. The goroutine counters
   * move a goroutine between two series per transition, so they update those two
   * instead of all four (setting a series to its current value changes nothing:
   * the open bucket's min and max already include it).
   */
  setOne(point: Float64Array): void {
    this.advanceTo(point[0]);
    const s = point[1];
    const v = point[2];
    this.cur[s] = v;
    if (v < this.curMin[s]) this.curMin[s] = v;
    if (v > this.curMax[s]) this.curMax[s] = v;
  }

  /** Series s has value v from timeNs on (setOne with the point given as numbers). */
  set(timeNs: number, s: number, v: number): void {
    const p = this.scratch;
    p[0] = timeNs;
    p[1] = s;
    p[2] = v;
    this.setOne(p);
  }
  private readonly scratch = new Float64Array(3);

  finish(endNs: number): CounterPyramid {
    this.advanceTo(endNs);
    // Close the last bucket (its successor, opened by closeBucket, is not kept).
    this.closeBucket();
    const n = this.bucket;
    let mins: Float32Array[] = this.min.map((a) => a.slice(0, n));
    let maxs: Float32Array[] = this.max.map((a) => a.slice(0, n));
    this.min = this.max = [];
    const small = mins.map((a, s) => fitsUint16(a) && fitsUint16(maxs[s]));
    const keep = (cols: Float32Array[]): PyramidColumn[] => cols.map((a, s) => (small[s] ? Uint16Array.from(a) : a));
    const keptMins: PyramidColumn[][] = [keep(mins)];
    const keptMaxs: PyramidColumn[][] = [keep(maxs)];
    let levelCount = 1;
    while (mins[0].length > 1) {
      mins = mins.map((a) => halve(a, false));
      maxs = maxs.map((a) => halve(a, true));
      if (levelCount % KEEP_EVERY === 0) {
        keptMins.push(keep(mins));
        keptMaxs.push(keep(maxs));
      }
      levelCount++;
    }
    return new CounterPyramid(this.seriesCount, keptMins, keptMaxs, levelCount);
  }
}

function fitsUint16(a: Float32Array): boolean {
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (!(v >= 0 && v <= 0xffff && Number.isInteger(v))) return false;
  }
  return true;
}

/** The next level: bucket pairs merged by min (or max). A loop, not Float32Array.from with a callback (150 ms on the 68 MB bench trace). */
function halve(a: Float32Array, max: boolean): Float32Array {
  const n = Math.ceil(a.length / 2);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const x = a[2 * i];
    if (2 * i + 1 >= a.length) out[i] = x;
    else {
      const y = a[2 * i + 1];
      out[i] = max ? (y > x ? y : x) : y < x ? y : x;
    }
  }
  return out;
}
