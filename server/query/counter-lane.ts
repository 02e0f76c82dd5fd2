import type { LaneChunk } from '../../shared/chunk-codec.ts';
import { grow } from '../model/columns.ts';
import type { CounterPyramid, PyramidLevel } from '../model/counter-pyramid.ts';
import { apply, COUNTER_SERIES } from '../model/goroutine-counters.ts';
import type { CounterSeries } from '../model/metric-series.ts';
import { nextGcBytes, walkPair } from '../model/stats-series.ts';
import type { TraceModel } from '../model/trace-model.ts';

/**
 * Per-pixel min/max of step series: bucket b covers
 * [b·nsPerPx, (b+1)·nsPerPx). Coarse views read the precomputed pyramid
 * (O(pixels)); fine ones walk the points in the window. The columns are typed
 * arrays sized for the window's pixels up front: growing arrays of numbers
 * point by point made 0.6 MB of garbage per 2000-px STATS chunk of the bench
 * trace (the young-generation collections it caused were about a fifth of a
 * chunk's time).
 */
class BucketSink {
  private t: Float64Array;
  private min: Float64Array[];
  private max: Float64Array[];
  private n = 0;
  private bucket = Number.NaN;
  constructor(
    private readonly series: number,
    private readonly nsPerPx: number,
    startNs: number,
    endNs: number,
  ) {
    // Points lie in [startNs, endNs] (a pyramid's from the bucket holding startNs): one bucket per pixel, plus the edges.
    const buckets = Math.floor(endNs / nsPerPx) - Math.floor(startNs / nsPerPx) + 2;
    const capacity = Math.max(4, Math.min(buckets, 1 << 16));
    this.t = new Float64Array(capacity);
    this.min = Array.from({ length: series }, () => new Float64Array(capacity));
    this.max = Array.from({ length: series }, () => new Float64Array(capacity));
  }
  /** The values hold from time t on. */
  point(t: number, values: ArrayLike<number>): void {
    const b = Math.floor(t / this.nsPerPx);
    if (b !== this.bucket) {
      this.bucket = b;
      const k = this.n++;
      if (k === this.t.length) {
        // Only when points fall outside the window (the capacity covers its pixels).
        this.t = grow(this.t, k + 1);
        this.min = this.min.map((a) => grow(a, k + 1));
        this.max = this.max.map((a) => grow(a, k + 1));
      }
      this.t[k] = b * this.nsPerPx;
      for (let s = 0; s < this.series; s++) this.min[s][k] = this.max[s][k] = values[s];
      return;
    }
    const k = this.n - 1;
    for (let s = 0; s < this.series; s++) {
      if (values[s] < this.min[s][k]) this.min[s][k] = values[s];
      if (values[s] > this.max[s][k]) this.max[s][k] = values[s];
    }
  }
  finish(id: string, names: readonly string[]): LaneChunk {
    const n = this.n;
    const arrays: LaneChunk['arrays'] = { timeNs: this.t.slice(0, n) };
    names.forEach((name, s) => {
      arrays[`${name}.min`] = narrowest(this.min[s].subarray(0, n));
      arrays[`${name}.max`] = narrowest(this.max[s].subarray(0, n));
    });
    return { id, kind: 'counter', count: n, arrays, meta: { series: [...names] } };
  }
}

/**
 * The values in the narrowest array that holds each exactly: counts in 32-bit
 * integers, heap sizes (float32 in the model) in 32-bit floats, anything else
 * in 64 bits. A 2000-pixel chunk of the STATS lanes took 278 KB in Float64
 * arrays, 160 KB so (the codec names each array's type).
 */
export function narrowest(values: ArrayLike<number>): Float64Array | Float32Array | Uint32Array {
  let ints = true;
  let floats = true;
  for (let i = 0; i < values.length && (ints || floats); i++) {
    const v = values[i];
    if (ints && !(Number.isInteger(v) && v >= 0 && v <= 0xffffffff)) ints = false;
    if (floats && Math.fround(v) !== v) floats = false;
  }
  return ints ? Uint32Array.from(values) : floats ? Float32Array.from(values) : Float64Array.from(values);
}

function fromPyramid(p: CounterPyramid, at: PyramidLevel, id: string, names: readonly string[], startNs: number, endNs: number, nsPerPx: number): LaneChunk {
  const sink = new BucketSink(p.seriesCount, nsPerPx, startNs, endNs);
  const first = Math.max(0, Math.floor(startNs / nsPerPx));
  const last = Math.min(p.pixelCount(at) - 1, Math.floor(endNs / nsPerPx));
  const lo = new Float64Array(p.seriesCount);
  const hi = new Float64Array(p.seriesCount);
  for (let b = first; b <= last; b++) {
    p.pixel(at, b, lo, hi);
    sink.point(b * nsPerPx, lo);
    sink.point(b * nsPerPx, hi);
  }
  return sink.finish(id, names);
}

export function goroutineCountersChunk(model: TraceModel, id: string, startNs: number, endNs: number, nsPerPx: number): LaneChunk {
  const gc = model.goroutineCounters;
  const level = gc.pyramid.levelFor(nsPerPx);
  if (level !== null) return fromPyramid(gc.pyramid, level, id, COUNTER_SERIES, startNs, endNs, nsPerPx);
  const times = model.transitions.timesInOrder;
  // First time-ordered transition at or after startNs: past those after it, back over any at it.
  let lo = times.upperBound(startNs);
  while (lo > 0 && times.at(lo - 1) === startNs) lo--;
  const counts = new Int32Array(4);
  gc.countsBefore(lo, counts);
  const sink = new BucketSink(4, nsPerPx, startNs, endNs);
  sink.point(startNs, counts);
  for (let k = lo; k < times.length; k++) {
    const t = times.at(k);
    if (t > endNs) break;
    const code = gc.codes[k];
    if (code === 0) continue;
    apply(code, counts);
    sink.point(t, counts);
  }
  return sink.finish(id, COUNTER_SERIES);
}

function pairChunk(pyramid: CounterPyramid, a: CounterSeries, b: CounterSeries, values: (x: number, y: number, out: Float64Array) => void, id: string, names: readonly string[], startNs: number, endNs: number, nsPerPx: number): LaneChunk {
  const level = pyramid.levelFor(nsPerPx);
  if (level !== null) return fromPyramid(pyramid, level, id, names, startNs, endNs, nsPerPx);
  const sink = new BucketSink(2, nsPerPx, startNs, endNs);
  const ia = a.time.upperBound(startNs);
  const ib = b.time.upperBound(startNs);
  // One pair for every point (a new array per point was 12 MB of garbage over bench:serve's 200 chunks).
  const pair = new Float64Array(2);
  values(ia > 0 ? a.value[ia - 1] : 0, ib > 0 ? b.value[ib - 1] : 0, pair);
  sink.point(startNs, pair);
  walkPair(a, b, ia, ib, endNs, (t, va, vb) => {
    values(va, vb, pair);
    sink.point(t, pair);
  });
  return sink.finish(id, names);
}

export function heapChunk(model: TraceModel, id: string, startNs: number, endNs: number, nsPerPx: number): LaneChunk {
  const m = model.metrics;
  const values = (alloc: number, goal: number, out: Float64Array) => {
    out[0] = alloc;
    out[1] = nextGcBytes(alloc, goal);
  };
  return pairChunk(model.heapPyramid, m.heapAlloc, m.heapGoal, values, id, ['allocated', 'nextGC'], startNs, endNs, nsPerPx);
}

export function threadsChunk(model: TraceModel, id: string, startNs: number, endNs: number, nsPerPx: number): LaneChunk {
  const m = model.metrics;
  return pairChunk(model.threadsPyramid, m.threadsRunning, m.threadsInSyscall, threadValues, id, ['running', 'insyscall'], startNs, endNs, nsPerPx);
}

/** The threads pair as it is drawn: running, in syscall. */
function threadValues(running: number, inSyscall: number, out: Float64Array): void {
  out[0] = running;
  out[1] = inSyscall;
}
