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
  private busy: number[] = [];
  private count: number[] = [];
  private dominant: number[] = [];
  private longest: number[] = [];

  /** A goroutine (row g) ran on the lane over [startNs, endNs). */
  add(g: number, startNs: number, endNs: number): void {
    const first = Math.floor(startNs / BUCKET_NS);
    const last = Math.floor(Math.max(startNs, endNs - 1) / BUCKET_NS);
    while (this.busy.length <= last) {
      this.busy.push(0);
      this.count.push(0);
      this.dominant.push(-1);
      this.longest.push(0);
    }
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

  finish(): LaneBusy {
    const out: LaneBusy = {
      busy: [Float32Array.from(this.busy)],
      count: [Uint32Array.from(this.count)],
      dominant: [Int32Array.from(this.dominant)],
      longest: [Float32Array.from(this.longest)],
    };
    while (out.busy[out.busy.length - 1].length > 1) {
      const k = out.busy.length - 1;
      const n = Math.ceil(out.busy[k].length / 2);
      const busy = new Float32Array(n);
      const count = new Uint32Array(n);
      const dominant = new Int32Array(n).fill(-1);
      const longest = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        for (const j of [2 * i, 2 * i + 1]) {
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
