import { I32Column, U8Column } from './columns.ts';
import { CounterPyramid, CounterPyramidBuilder } from './counter-pyramid.ts';

/**
 * The STATS "Goroutines" counters — running (incl. in syscall), runnable,
 * waiting, and waiting while in a GC mark assist — as go tool trace counts them:
 * each goroutine transition moves one goroutine between these buckets
 * (its viewer state on both sides computed with the goroutine's mark-assist
 * status at that moment). Stored as one byte per transition in time order
 * plus checkpoints, not as four 5 M-point series.
 */
export const COUNTER_SERIES = ['running', 'runnable', 'waiting', 'gcwaiting'] as const;

/** Viewer states: 0 not counted, then 1 + series index. */
export const V_DEAD = 0;
export const V_RUNNING = 1;
export const V_RUNNABLE = 2;
export const V_WAITING = 3;
export const V_GCWAITING = 4;

export function counterCode(from: number, to: number): number {
  return from | (to << 3);
}

/** Checkpoint every 4096 transitions: the counts before transition k·4096. */
const CHECKPOINT_SHIFT = 12;

export class GoroutineCounters {
  constructor(
    /** Per time-ordered transition: counterCode(from, to). */
    readonly codes: Uint8Array,
    /** counts before transition k << CHECKPOINT_SHIFT: 4 Int32 per checkpoint. */
    readonly checkpoints: Int32Array,
    readonly pyramid: CounterPyramid,
  ) {}

  /** Counts (running, runnable, waiting, gcwaiting) just before time-ordered transition k. */
  countsBefore(k: number, out: Int32Array): void {
    const c = k >>> CHECKPOINT_SHIFT;
    out.set(this.checkpoints.subarray(4 * c, 4 * c + 4));
    for (let i = c << CHECKPOINT_SHIFT; i < k; i++) apply(this.codes[i], out);
  }
}

export function apply(code: number, counts: Int32Array): void {
  const from = code & 7;
  const to = code >>> 3;
  if (from !== V_DEAD) counts[from - 1]--;
  if (to !== V_DEAD) counts[to - 1]++;
}

/**
 * Builds the counters while the transitions arrive (in time order), rather
 * than in a pass after the last event: the main thread spends a fifth of the
 * event loop waiting for the parse worker, so this work (135 ms for the 68 MB
 * bench trace's 4.7 M transitions) no longer delays the viewer.
 */
export class GoroutineCountersBuilder {
  private readonly codes: U8Column;
  private readonly counts = new Int32Array(4);
  private readonly checkpoints = new I32Column(1024);
  private readonly pyramid = new CounterPyramidBuilder(4);
  /** Time, series, value: the pyramid's point (a typed array: double arguments are boxed). */
  private readonly point = new Float64Array(3);

  /** `expectedRows` sizes the code column (capacity never written costs no memory). */
  constructor(expectedRows = 1024) {
    this.codes = new U8Column(expectedRows);
  }

  /** The next transition in time order (`at`: its event, for the time); code 0 counts nothing. */
  push(code: number, at: { readonly timeNs: number }): void {
    const k = this.codes.push(code);
    const counts = this.counts;
    if ((k & ((1 << CHECKPOINT_SHIFT) - 1)) === 0) for (let s = 0; s < 4; s++) this.checkpoints.push(counts[s]);
    if (code === 0) return;
    apply(code, counts);
    // Only the two series the goroutine leaves and enters change: updating those instead of all
    // four took the bench trace's 4.7 M pushes from 277 to 192 ms (median of 20, same pyramid).
    const point = this.point;
    point[0] = at.timeNs;
    const from = code & 7;
    const to = code >>> 3;
    if (from !== V_DEAD) {
      point[1] = from - 1;
      point[2] = counts[from - 1];
      this.pyramid.setOne(point);
    }
    if (to !== V_DEAD) {
      point[1] = to - 1;
      point[2] = counts[to - 1];
      this.pyramid.setOne(point);
    }
  }

  finish(endNs: number): GoroutineCounters {
    const codes = this.codes.finish();
    // A checkpoint slot for every started block and one past the end (zeros when n is a multiple of the block).
    const checkpoints = new Int32Array(4 * ((codes.length >>> CHECKPOINT_SHIFT) + 1));
    checkpoints.set(this.checkpoints.finish());
    return new GoroutineCounters(codes, checkpoints, this.pyramid.finish(endNs));
  }
}
