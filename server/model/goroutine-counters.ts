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
 * `timeNs[k]`: time of the k-th transition in time order. Built from the
 * log builder's own time column, before rows are regrouped by goroutine: read
 * through timeOrder from the regrouped column, every read was a cache miss
 * (200 → 120 ms for the 68 MB bench trace's 4.7 M transitions).
 */
export function buildGoroutineCounters(codes: Uint8Array, timeNs: Float64Array, endNs: number): GoroutineCounters {
  const n = codes.length;
  const counts = new Int32Array(4);
  const checkpoints = new Int32Array(4 * ((n >>> CHECKPOINT_SHIFT) + 1));
  const pyramid = new CounterPyramidBuilder(4);
  for (let k = 0; k < n; k++) {
    if ((k & ((1 << CHECKPOINT_SHIFT) - 1)) === 0) checkpoints.set(counts, 4 * (k >>> CHECKPOINT_SHIFT));
    const code = codes[k];
    if (code === 0) continue;
    apply(code, counts);
    const t = timeNs[k];
    const from = code & 7;
    const to = code >>> 3;
    if (from !== V_DEAD) pyramid.set(t, from - 1, counts[from - 1]);
    if (to !== V_DEAD) pyramid.set(t, to - 1, counts[to - 1]);
  }
  return new GoroutineCounters(codes, checkpoints, pyramid.finish(endNs));
}
