import { BASE_SHIFT } from './counter-pyramid.ts';

const BUCKET_NS = 2 ** BASE_SHIFT;

/**
 * Per proc (or thread) lane, what ran in each ~131 µs bucket and coarser: busy
 * time, number of execution slices, and the goroutine with the longest piece
 * in the bucket. A zoomed-out lane is drawn from these in O(pixels) instead of
 * walking 800 000 slices (one proc of a 60 MB GC-heavy trace).
 */
export interface LaneBusy {
  /** levels[k]: buckets of 2^(BASE_SHIFT+k) ns. */
  busy: Float32Array[];
  count: Uint32Array[];
  /** Goroutine index of the longest piece, -1 for an empty bucket. */
  dominant: Int32Array[];
  longest: Float32Array[];
}

export class LaneBusyBuilder {
  // Typed, grown by doubling: plain arrays of doubles boxed every store here
  // (140 MB of garbage while building the model of a 68 MB trace).
  private busy = new Float64Array(256);
  private count = new Uint32Array(256);
  private dominant = new Int32Array(256).fill(-1);
  private longest = new Float64Array(256);
  private buckets = 0;

  /** A goroutine (row g) ran on the lane over [startNs, endNs). */
  add(g: number, startNs: number, endNs: number): void {
    const first = Math.floor(startNs / BUCKET_NS);
    const last = Math.floor(Math.max(startNs, endNs - 1) / BUCKET_NS);
    if (last >= this.busy.length) this.grow(last + 1);
    if (last >= this.buckets) this.buckets = last + 1;
    for (let b = first; b <= last; b++) {
      const lo = Math.max(startNs, b * BUCKET_NS);
      const hi = Math.min(endNs, (b + 1) * BUCKET_NS);
      const d = Math.max(0, hi - lo);
      this.busy[b] += d;
      this.count[b]++;
      if (d >= this.longest[b]) {
        this.longest[b] = d;
        this.dominant[b] = g;
      }
    }
  }

  private grow(min: number): void {
    const n = Math.max(min, this.busy.length * 2);
    const busy = new Float64Array(n);
    busy.set(this.busy);
    const count = new Uint32Array(n);
    count.set(this.count);
    const dominant = new Int32Array(n).fill(-1);
    dominant.set(this.dominant);
    const longest = new Float64Array(n);
    longest.set(this.longest);
    this.busy = busy;
    this.count = count;
    this.dominant = dominant;
    this.longest = longest;
  }

  finish(): LaneBusy {
    const out: LaneBusy = {
      busy: [Float32Array.from(this.busy.subarray(0, this.buckets))],
      count: [this.count.slice(0, this.buckets)],
      dominant: [this.dominant.slice(0, this.buckets)],
      longest: [Float32Array.from(this.longest.subarray(0, this.buckets))],
    };
    while (out.busy[out.busy.length - 1].length > 1) {
      const k = out.busy.length - 1;
      const n = Math.ceil(out.busy[k].length / 2);
      const busy = new Float32Array(n);
      const count = new Uint32Array(n);
      const dominant = new Int32Array(n).fill(-1);
      const longest = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        for (let j = 2 * i; j <= 2 * i + 1; j++) {
          if (j >= out.busy[k].length) continue;
          busy[i] += out.busy[k][j];
          count[i] += out.count[k][j];
          if (out.dominant[k][j] >= 0 && out.longest[k][j] >= longest[i]) {
            longest[i] = out.longest[k][j];
            dominant[i] = out.dominant[k][j];
          }
        }
      }
      out.busy.push(busy);
      out.count.push(count);
      out.dominant.push(dominant);
      out.longest.push(longest);
    }
    return out;
  }
}
