import { lowerBound } from './columns.ts';

/**
 * 2^18 ns ≈ 262 µs base buckets (the counter pyramids start at 2^17): finer
 * views walk the slices. A 131 µs level was half of these pyramids (11.5 MB
 * for the bench trace's 2 procs and 4 threads) and drew a proc lane at
 * 2^17 ns/px in 1.3 ms instead of the slices' 2.9 ms.
 */
export const BUSY_BASE_SHIFT = 18;
const BUCKET_NS = 2 ** BUSY_BASE_SHIFT;

/**
 * Per proc (or thread) lane, what ran in each ~262 µs bucket and coarser: busy
 * time, number of execution slices, and the goroutine with the longest piece
 * in the bucket. A zoomed-out lane is drawn from these in O(pixels) instead of
 * walking 800 000 slices (one proc of a 60 MB GC-heavy trace).
 *
 * Sparse: only buckets in which something ran are kept. A dense pyramid cost
 * 16 bytes × 2 per 131 µs of trace for every lane, busy or not: 5.9 MB per
 * lane of a 24 s trace, so a program with 200 threads (blocking syscalls and
 * cgo calls each pin one) would have held 1.2 GB of mostly empty buckets.
 */
export interface LaneBusyLevel {
  /** Numbers of the non-empty buckets of this level (buckets of 2^(BUSY_BASE_SHIFT+level) ns), ascending. */
  bucket: Uint32Array;
  /** Busy ns in the bucket. */
  busy: Float32Array;
  /** Execution slices (or pieces of them) in the bucket. */
  count: Uint32Array;
  /** Goroutine index of the longest piece. */
  dominant: Int32Array;
}

export interface LaneBusy {
  /** levels[k]: buckets of 2^(BUSY_BASE_SHIFT+k) ns, down to one bucket holding the whole lane. */
  levels: LaneBusyLevel[];
}

/** Index of the first entry of `level` at or after bucket `first`. */
export function firstEntryAt(level: LaneBusyLevel, first: number): number {
  return lowerBound(level.bucket, first);
}

export class LaneBusyBuilder {
  // Typed, grown by doubling: plain arrays of doubles boxed every store here
  // (140 MB of garbage while building the model of a 68 MB trace).
  private bucket = new Uint32Array(256);
  private busy = new Float64Array(256);
  private count = new Uint32Array(256);
  private dominant = new Int32Array(256);
  private longest = new Float64Array(256);
  private n = 0;

  /**
   * A goroutine (row g) ran on the lane over [span[0], span[1]) ns: a typed pair rather than two
   * arguments, since a double passed to a call that is not inlined is boxed (72 MB of garbage for
   * the bench trace's 1.6 M slices when the model builder's inlining changed around this call).
   */
  add(g: number, span: Float64Array): void {
    const startNs = span[0];
    const endNs = span[1];
    const first = Math.floor(startNs / BUCKET_NS);
    const last = Math.floor(Math.max(startNs, endNs - 1) / BUCKET_NS);
    for (let b = first; b <= last; b++) {
      const lo = Math.max(startNs, b * BUCKET_NS);
      const hi = Math.min(endNs, (b + 1) * BUCKET_NS);
      const i = this.slot(b);
      const d = Math.max(0, hi - lo);
      this.busy[i] += d;
      this.count[i]++;
      if (d >= this.longest[i]) {
        this.longest[i] = d;
        this.dominant[i] = g;
      }
    }
  }

  /** The entry of bucket b, made when missing. Slices of a lane arrive in time order, so almost always the last or a new last one. */
  private slot(b: number): number {
    const n = this.n;
    if (n > 0 && this.bucket[n - 1] === b) return n - 1;
    if (n === 0 || this.bucket[n - 1] < b) return this.insert(n, b);
    // Out of order (not seen in real traces; kept correct all the same).
    const i = lowerBound(this.bucket.subarray(0, n), b);
    return this.bucket[i] === b ? i : this.insert(i, b);
  }

  private insert(i: number, b: number): number {
    if (this.n === this.bucket.length) this.grow();
    if (i < this.n) {
      this.bucket.copyWithin(i + 1, i, this.n);
      this.busy.copyWithin(i + 1, i, this.n);
      this.count.copyWithin(i + 1, i, this.n);
      this.dominant.copyWithin(i + 1, i, this.n);
      this.longest.copyWithin(i + 1, i, this.n);
    }
    this.bucket[i] = b;
    this.busy[i] = 0;
    this.count[i] = 0;
    this.dominant[i] = -1;
    this.longest[i] = 0;
    this.n++;
    return i;
  }

  private grow(): void {
    const n = this.bucket.length * 2;
    const bucket = new Uint32Array(n);
    bucket.set(this.bucket);
    const busy = new Float64Array(n);
    busy.set(this.busy);
    const count = new Uint32Array(n);
    count.set(this.count);
    const dominant = new Int32Array(n);
    dominant.set(this.dominant);
    const longest = new Float64Array(n);
    longest.set(this.longest);
    this.bucket = bucket;
    this.busy = busy;
    this.count = count;
    this.dominant = dominant;
    this.longest = longest;
  }

  finish(): LaneBusy {
    const n = this.n;
    let level: LaneBusyLevel = {
      bucket: this.bucket.slice(0, n),
      busy: Float32Array.from(this.busy.subarray(0, n)),
      count: this.count.slice(0, n),
      dominant: this.dominant.slice(0, n),
    };
    // `longest` only decides the dominant goroutine of the coarser levels: kept while they are built.
    let longest: Float32Array = Float32Array.from(this.longest.subarray(0, n));
    // The build columns go now: the model keeps the builder until it is finished.
    this.bucket = new Uint32Array(0);
    this.busy = new Float64Array(0);
    this.count = new Uint32Array(0);
    this.dominant = new Int32Array(0);
    this.longest = new Float64Array(0);
    this.n = 0;
    const out: LaneBusy = { levels: [level] };
    while (level.bucket.length > 1 || (level.bucket.length === 1 && level.bucket[0] > 0)) {
      const next = coarser(level, longest);
      level = next.level;
      longest = next.longest;
      out.levels.push(level);
    }
    return out;
  }
}

/** The next level: bucket pairs (2k, 2k+1) merged into k. */
function coarser(fine: LaneBusyLevel, fineLongest: Float32Array): { level: LaneBusyLevel; longest: Float32Array } {
  const m = fine.bucket.length;
  let n = 0;
  for (let i = 0; i < m; i++) if (i === 0 || fine.bucket[i] >>> 1 !== fine.bucket[i - 1] >>> 1) n++;
  const level: LaneBusyLevel = { bucket: new Uint32Array(n), busy: new Float32Array(n), count: new Uint32Array(n), dominant: new Int32Array(n).fill(-1) };
  const longest = new Float32Array(n);
  let k = -1;
  for (let i = 0; i < m; i++) {
    const b = fine.bucket[i] >>> 1;
    if (k < 0 || level.bucket[k] !== b) level.bucket[++k] = b;
    level.busy[k] += fine.busy[i];
    level.count[k] += fine.count[i];
    if (fine.dominant[i] >= 0 && fineLongest[i] >= longest[k]) {
      longest[k] = fineLongest[i];
      level.dominant[k] = fine.dominant[i];
    }
  }
  return { level, longest };
}
