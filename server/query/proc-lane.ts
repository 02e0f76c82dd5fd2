import type { LaneChunk } from '../../shared/chunk-codec.ts';
import { SpanState } from '../../shared/states.ts';
import { GoState } from '../trace/event-kinds.ts';
import type { TraceModel } from '../model/trace-model.ts';
import { TO_PROC_LOST, toOf } from '../model/transition-log.ts';
import type { GroupIndex } from './group-index.ts';
import { SpanMerger } from './span-merger.ts';
import { BUSY_BASE_SHIFT, firstEntryAt, type LaneBusy } from '../model/lane-busy.ts';

/**
 * Execution slices of one proc (or thread) lane. A slice starts where a
 * goroutine started running on the lane and lasts while it runs or sits in a
 * syscall; on a proc lane it ends when the syscall loses the proc (go tool
 * trace's PROCS view), on a thread lane it continues until the goroutine
 * leaves the syscall (the thread stayed with it). Syscall parts are their own
 * state so the lane shows them.
 */
export function execLaneChunk(
  model: TraceModel,
  laneId: string,
  rows: Int32Array,
  from: number,
  to: number,
  startNs: number,
  endNs: number,
  nsPerPx: number,
  groups: GroupIndex,
  threadView: boolean,
  busy?: LaneBusy,
): LaneChunk {
  const log = model.transitions;
  const level = busy ? Math.round(Math.log2(nsPerPx)) - BUSY_BASE_SHIFT : -1;
  if (busy && level >= 0 && 2 ** (level + BUSY_BASE_SHIFT) === nsPerPx) {
    // Past the top level a pixel holds the whole lane, as the top level's one bucket does
    // (walking the slices instead took 1.2 s per proc of the 68 MB bench trace).
    return fromBusy(model, laneId, busy, Math.min(level, busy.levels.length - 1), startNs, endNs, nsPerPx, groups);
  }
  const merger = new SpanMerger(nsPerPx);
  // Slices on a lane never overlap: start at the last slice beginning at or before startNs.
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log.time.at(rows[mid]) <= startNs) lo = mid + 1;
    else hi = mid;
  }
  for (let k = Math.max(from, lo - 1); k < to; k++) {
    const start = rows[k];
    let s = log.time.at(start);
    if (s > endNs) break;
    const g = log.goroutineOf(start);
    const last = log.offsets[g + 1];
    const id = model.goroutines.id(g);
    const group = groups.groupOf(g);
    let state = SpanState.Executing;
    let r = start + 1;
    for (; r < last; r++) {
      const next = toOf(log.packed[r]);
      const t = log.time.at(r);
      if (next === GoState.Running || next === GoState.Syscall) {
        const nextState = next === GoState.Syscall ? SpanState.ExecutingSyscall : SpanState.Executing;
        if (nextState !== state) {
          if (t >= startNs) merger.add(s, t, state, id, group);
          s = t;
          state = nextState;
        }
        continue;
      }
      if (next === TO_PROC_LOST && threadView) continue;
      break;
    }
    const e = r < last ? log.time.at(r) : model.goroutines.endOr(g, model.endNs);
    if (e >= startNs) merger.add(s, e, state, id, group);
  }
  return merger.finish(laneId, 'goroutine', 'group');
}

/**
 * Zoomed out (a pixel ≥ 262 µs): one span per busy pixel, coloured by the
 * goroutine that ran longest in it, with the number of slices merged; the
 * span covers the busy fraction of the pixel so a half-idle proc looks it.
 */
function fromBusy(model: TraceModel, laneId: string, busy: LaneBusy, level: number, startNs: number, endNs: number, nsPerPx: number, groups: GroupIndex): LaneChunk {
  const merger = new SpanMerger(nsPerPx);
  const first = Math.max(0, Math.floor(startNs / nsPerPx));
  const last = Math.floor(endNs / nsPerPx);
  const L = busy.levels[level];
  // Only buckets in which something ran are stored (lane-busy.ts).
  for (let i = firstEntryAt(L, first); i < L.bucket.length && L.bucket[i] <= last; i++) {
    const s = L.bucket[i] * nsPerPx;
    const g = L.dominant[i];
    merger.addMerged(s, s + Math.max(1, Math.min(nsPerPx, L.busy[i])), SpanState.Executing, L.count[i], g >= 0 ? model.goroutines.id(g) : -1, g >= 0 ? groups.groupOf(g) : -1);
  }
  return merger.finish(laneId, 'goroutine', 'group');
}
