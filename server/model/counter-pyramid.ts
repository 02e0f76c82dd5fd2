/**
 * Min/max of step series over time buckets, at every power-of-two bucket size
 * from 2^BASE_SHIFT ns up: answers "min and max per pixel" for zoomed-out
 * views in O(pixels), whatever the number of points (heap alloc changes
 * 2.4 M times in a 60 MB GC-heavy trace). Finer views walk the raw points.
 */

/** 2^17 ns ≈ 131 µs buckets: a 30 s trace has 229 k of them per series; finer views walk raw points (≤ 260 ms of trace per 2000 px). */
export const BASE_SHIFT = 17;
const BUCKET_NS = 2 ** BASE_SHIFT;

export class CounterPyramid {
  /** levels[k]: bucket size 2^(BASE_SHIFT+k); mins[k][s][b], maxs[k][s][b] (float32: counts and byte sizes to 7 digits are plenty to draw). */
  constructor(
    readonly seriesCount: number,
    readonly mins: Float32Array[][],
    readonly maxs: Float32Array[][],
  ) {}

  /** Level whose bucket is exactly nsPerPx, or -1 when nsPerPx is finer than the base. */
  levelFor(nsPerPx: number): number {
    const k = Math.round(Math.log2(nsPerPx)) - BASE_SHIFT;
    return k >= 0 && k < this.mins.length && 2 ** (k + BASE_SHIFT) === nsPerPx ? k : -1;
  }
}

/** Feed points in time order (the values right after each change), then `finish`. */
export class CounterPyramidBuilder {
  private readonly cur: Float64Array;
  // Typed columns per series, grown by doubling: arrays of numbers boxed
  // values past the small-integer range (heap sizes), 100 MB of garbage while
  // building the 68 MB bench trace's pyramids.
  private min: Float64Array[];
  private max: Float64Array[];
  private bucket = 0;
  /** Start of the next bucket: most points fall in the current one. */
  private nextStart = BUCKET_NS;

  constructor(readonly seriesCount: number) {
    this.cur = new Float64Array(seriesCount);
    this.min = Array.from({ length: seriesCount }, () => new Float64Array(1024));
    this.max = Array.from({ length: seriesCount }, () => new Float64Array(1024));
    this.openBucket();
  }

  private openBucket(): void {
    const b = this.bucket;
    if (b >= this.min[0].length) this.grow(b + 1);
    for (let s = 0; s < this.seriesCount; s++) {
      this.min[s][b] = this.cur[s];
      this.max[s][b] = this.cur[s];
    }
  }

  private grow(need: number): void {
    const n = Math.max(need, this.min[0].length * 2);
    const widen = (a: Float64Array): Float64Array => {
      const w = new Float64Array(n);
      w.set(a);
      return w;
    };
    this.min = this.min.map(widen);
    this.max = this.max.map(widen);
  }

  private advanceTo(timeNs: number): void {
    if (timeNs < this.nextStart) return;
    const b = Math.floor(timeNs / BUCKET_NS);
    while (this.bucket < b) {
      this.bucket++;
      this.openBucket();
    }
    this.nextStart = (b + 1) * BUCKET_NS;
  }

  /** Series s has value v from timeNs on. */
  set(timeNs: number, s: number, v: number): void {
    this.advanceTo(timeNs);
    this.cur[s] = v;
    const b = this.bucket;
    if (v < this.min[s][b]) this.min[s][b] = v;
    if (v > this.max[s][b]) this.max[s][b] = v;
  }

  finish(endNs: number): CounterPyramid {
    this.advanceTo(endNs);
    const n = this.bucket + 1;
    const mins: Float32Array[][] = [this.min.map((a) => Float32Array.from(a.subarray(0, n)))];
    const maxs: Float32Array[][] = [this.max.map((a) => Float32Array.from(a.subarray(0, n)))];
    while (mins[mins.length - 1][0].length > 1) {
      const pm = mins[mins.length - 1];
      const px = maxs[maxs.length - 1];
      mins.push(pm.map((a) => halve(a, false)));
      maxs.push(px.map((a) => halve(a, true)));
    }
    return new CounterPyramid(this.seriesCount, mins, maxs);
  }
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
