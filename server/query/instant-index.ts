import type { TraceModel } from '../model/trace-model.ts';
import { KeyOffsets } from './key-offsets.ts';

/**
 * Rows of a time-ordered table grouped by a key (a goroutine, proc or thread
 * index): a counting sort, stable, so each key's rows stay in time order.
 * Built once: 4 bytes per row, plus 4 per key when most keys have rows
 * (key-offsets.ts).
 */
export interface KeyedRows {
  /** Rows of key k are rows[offsets.begin(k) .. offsets.end(k)). */
  offsets: KeyOffsets;
  rows: Int32Array;
}

/** Groups rows 0..n-1 by keyOf(row) in [0, keys); rows with a key outside it are left out. */
export function keyedRows(n: number, keys: number, keyOf: (row: number) => number): KeyedRows {
  if (n * 2 < keys) return sortedKeyedRows(n, keys, keyOf);
  const offsets = new Int32Array(keys + 1);
  for (let i = 0; i < n; i++) {
    const k = keyOf(i);
    if (k >= 0 && k < keys) offsets[k + 1]++;
  }
  for (let k = 0; k < keys; k++) offsets[k + 1] += offsets[k];
  const rows = new Int32Array(offsets[keys]);
  const fill = offsets.slice(0, keys);
  for (let i = 0; i < n; i++) {
    const k = keyOf(i);
    if (k >= 0 && k < keys) rows[fill[k]++] = i;
  }
  return { offsets: KeyOffsets.from(offsets), rows };
}

/**
 * keyedRows for fewer rows than half the keys (samples or logs of a few of a
 * million goroutines, or none): the rows are sorted by key instead of
 * counted into per-key prefix sums, so the cost follows the rows, not the
 * keys. For the bench trace's 960 000 goroutines and no samples, the four
 * tables had taken 24 ms of every load.
 */
function sortedKeyedRows(n: number, keys: number, keyOf: (row: number) => number): KeyedRows {
  const keyOfRow = new Int32Array(n);
  const kept: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = keyOf(i);
    keyOfRow[i] = k;
    if (k >= 0 && k < keys) kept.push(i);
  }
  // By key, then by row: each key's rows stay in table (time) order.
  const rows = Int32Array.from(kept).sort((a, b) => keyOfRow[a] - keyOfRow[b] || a - b);
  const runKeys: number[] = [];
  const starts: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const k = keyOfRow[rows[i]];
    if (i === 0 || k !== runKeys[runKeys.length - 1]) {
      runKeys.push(k);
      starts.push(i);
    }
  }
  starts.push(rows.length);
  return { offsets: KeyOffsets.fromRuns(Int32Array.from(runKeys), Int32Array.from(starts), keys), rows };
}

/** [lo, hi) of key k's rows whose time is in [startNs, endNs] (the rows of a key are in time order). */
export function rowsInWindow(index: KeyedRows, timeNs: Float64Array, k: number, startNs: number, endNs: number): [number, number] {
  const search = (t: number, inclusive: boolean): number => {
    let lo = index.offsets.begin(k);
    let hi = index.offsets.end(k);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const v = timeNs[index.rows[mid]];
      if (v < t || (inclusive && v === t)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [search(startNs, false), search(endNs, true)];
}

/**
 * CPU samples by goroutine, proc and thread, and user logs by goroutine: the
 * instants each lane shows. The model's sample and log tables are in time
 * order (events are read in order), so each key's rows are too.
 */
export class InstantIndex {
  readonly samplesByGoroutine: KeyedRows;
  readonly samplesByProc: KeyedRows;
  readonly samplesByThread: KeyedRows;
  readonly logsByGoroutine: KeyedRows;

  constructor(model: TraceModel, procIndex: ReadonlyMap<number, number>, threadIndex: ReadonlyMap<number, number>) {
    const s = model.samples;
    const l = model.tasks.logs;
    const n = model.goroutines.count;
    this.samplesByGoroutine = keyedRows(s.timeNs.length, n, (i) => s.goroutine[i]);
    this.samplesByProc = keyedRows(s.timeNs.length, procIndex.size, (i) => procIndex.get(s.proc[i]) ?? -1);
    this.samplesByThread = keyedRows(s.timeNs.length, threadIndex.size, (i) => threadIndex.get(s.thread[i]) ?? -1);
    this.logsByGoroutine = keyedRows(l.timeNs.length, n, (i) => l.goroutine[i]);
  }
}
