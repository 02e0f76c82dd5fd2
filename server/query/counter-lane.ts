import type { LaneChunk } from '../../shared/chunk-codec.ts';
import type { CounterPyramid, PyramidLevel } from '../model/counter-pyramid.ts';
import { apply, COUNTER_SERIES } from '../model/goroutine-counters.ts';
import type { CounterSeries } from '../model/metric-series.ts';
import { heapValues, walkPair } from '../model/stats-series.ts';
import type { TraceModel } from '../model/trace-model.ts';

/**
 * Per-pixel min/max of step series: bucket b covers
 * [b·nsPerPx, (b+1)·nsPerPx). Coarse views read the precomputed pyramid
 * (O(pixels)); fine ones walk the points in the window.
 */
class BucketSink {
  readonly t: number[] = [];
  readonly min: number[][];
  readonly max: number[][];
  private bucket = Number.NaN;
  constructor(
    private readonly series: number,
    private readonly nsPerPx: number,
  ) {
    this.min = Array.from({ length: series }, () => []);
    this.max = Array.from({ length: series }, () => []);
  }
  /** The values hold from time t on. */
  point(t: number, values: ArrayLike<number>): void {
    const b = Math.floor(t / this.nsPerPx);
    if (b !== this.bucket) {
      this.bucket = b;
      this.t.push(b * this.nsPerPx);
      for (let s = 0; s < this.series; s++) {
        this.min[s].push(values[s]);
        this.max[s].push(values[s]);
      }
      return;
    }
    const k = this.t.length - 1;
    for (let s = 0; s < this.series; s++) {
      if (values[s] < this.min[s][k]) this.min[s][k] = values[s];
      if (values[s] > this.max[s][k]) this.max[s][k] = values[s];
    }
  }
  finish(id: string, names: readonly string[]): LaneChunk {
    const arrays: LaneChunk['arrays'] = { timeNs: Float64Array.from(this.t) };
    names.forEach((n, s) => {
      arrays[`${n}.min`] = narrowest(this.min[s]);
      arrays[`${n}.max`] = narrowest(this.max[s]);
    });
    return { id, kind: 'counter', count: this.t.length, arrays, meta: { series: [...names] } };
  }
}

/**
 * The values in the narrowest array that holds each exactly: counts in 32-bit
 * integers, heap sizes (float32 in the model) in 32-bit floats, anything else
 * in 64 bits. A 2000-pixel chunk of the STATS lanes took 278 KB in Float64
 * arrays, 160 KB so (the codec names each array's type).
 */
export function narrowest(values: readonly number[]): Float64Array | Float32Array | Uint32Array {
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
  const sink = new BucketSink(p.seriesCount, nsPerPx);
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
  const sink = new BucketSink(4, nsPerPx);
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

function pairChunk(pyramid: CounterPyramid, a: CounterSeries, b: CounterSeries, values: (x: number, y: number) => [number, number], id: string, names: readonly string[], startNs: number, endNs: number, nsPerPx: number): LaneChunk {
  const level = pyramid.levelFor(nsPerPx);
  if (level !== null) return fromPyramid(pyramid, level, id, names, startNs, endNs, nsPerPx);
  const sink = new BucketSink(2, nsPerPx);
  const ia = a.time.upperBound(startNs);
  const ib = b.time.upperBound(startNs);
  sink.point(startNs, values(ia > 0 ? a.value[ia - 1] : 0, ib > 0 ? b.value[ib - 1] : 0));
  walkPair(a, b, ia, ib, endNs, (t, va, vb) => sink.point(t, values(va, vb)));
  return sink.finish(id, names);
}

export function heapChunk(model: TraceModel, id: string, startNs: number, endNs: number, nsPerPx: number): LaneChunk {
  const m = model.metrics;
  return pairChunk(model.heapPyramid, m.heapAlloc, m.heapGoal, heapValues, id, ['allocated', 'nextGC'], startNs, endNs, nsPerPx);
}

export function threadsChunk(model: TraceModel, id: string, startNs: number, endNs: number, nsPerPx: number): LaneChunk {
  const m = model.metrics;
  return pairChunk(model.threadsPyramid, m.threadsRunning, m.threadsInSyscall, (x, y) => [x, y], id, ['running', 'insyscall'], startNs, endNs, nsPerPx);
}

