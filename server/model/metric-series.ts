import { F32Column, F64Column } from './columns.ts';
import { SortedTimeBuilder, type TimeReader } from './sorted-time-column.ts';

/** A counter over time: the value changes at each point and holds until the next. */
export interface CounterSeries {
  /** Change times, in order (about 2 bytes a point: the bench trace's 2.4 M heap points take 5 MB instead of 20). */
  time: TimeReader;
  /** Float32 when the series is only drawn (heap bytes: 2.4 M points in a GC-heavy trace), else Float64. */
  value: Float64Array | Float32Array;
}

/** The runtime metrics and thread counts of the STATS lanes. */
export interface MetricSeries {
  gomaxprocs: CounterSeries;
  heapAlloc: CounterSeries;
  heapGoal: CounterSeries;
  /** Procs running (go tool trace's "Threads: Running"). */
  threadsRunning: CounterSeries;
  /** Goroutines in a syscall, each holding a thread ("Threads: InSyscall"). */
  threadsInSyscall: CounterSeries;
}

export class CounterBuilder {
  /** Times in their finished delta form from the start (2 bytes a point instead of 8). */
  private readonly t: SortedTimeBuilder;
  private readonly v: F64Column | F32Column;
  /**
   * The latest value (NaN before the first), in a typed array: PairPyramidBuilder.change reads it
   * without a call. Through a getter, which V8 sometimes did not inline into the model builder's
   * event loop, the double it returned was boxed per heap point (166 MB in a quarter of loads).
   */
  readonly latest = new Float64Array([Number.NaN]);

  /**
   * `expectedPoints` sizes the columns up front: the heap series of the GC-heavy
   * bench trace has 2.4 M points, and growing from 1024 copied it 14 times
   * (70 ms of the build). Capacity never written costs no memory (columns.ts).
   * `float32`: values kept in 32 bits from the start (heap bytes are only drawn:
   * 9.6 MB less while building the bench trace).
   */
  constructor(expectedPoints = 1024, float32 = false) {
    this.t = new SortedTimeBuilder(expectedPoints);
    this.v = float32 ? new F32Column(expectedPoints) : new F64Column(expectedPoints);
  }

  /**
   * Records `at.value` at `at.timeNs` (a metric event), only if it changed (the viewer draws
   * steps); true when it did. The event rather than two numbers: the model builder's call is
   * not inlined, and a double passed to such a call is boxed (40 MB of garbage for the bench
   * trace's 2.5 M metric events).
   */
  setAt(at: { readonly timeNs: number; readonly value: number }): boolean {
    const value = at.value;
    if (value === this.latest[0]) return false;
    const n = this.t.length;
    if (n > 0 && this.t.last === at.timeNs) {
      this.v.data[n - 1] = value;
    } else {
      this.t.push(at.timeNs);
      this.v.push(value);
    }
    this.latest[0] = value;
    return true;
  }

  /** A value at time t, only if it changed; true when it did. */
  set(timeNs: number, value: number): boolean {
    const p = this.point;
    p.timeNs = timeNs;
    p.value = value;
    return this.setAt(p);
  }
  private readonly point = { timeNs: 0, value: 0 };

  add(timeNs: number, delta: number): boolean {
    const last = this.latest[0];
    return this.set(timeNs, (Number.isNaN(last) ? 0 : last) + delta);
  }

  finish(): CounterSeries {
    return { time: this.t.finish(), value: this.v.finish() };
  }
}
