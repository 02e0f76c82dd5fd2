import type { LaneChunk } from '../../shared/chunk-codec.ts';
import { SpanState } from '../../shared/states.ts';
import { GoState } from '../trace/event-kinds.ts';
import type { TraceModel } from '../model/trace-model.ts';
import { TO_PROC_LOST, toOf } from '../model/transition-log.ts';
import type { GroupIndex } from './group-index.ts';
import { SpanMerger } from './span-merger.ts';

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
): LaneChunk {
  const log = model.transitions;
  const merger = new SpanMerger(nsPerPx);
  // Slices on a lane never overlap: start at the last slice beginning at or before startNs.
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log.timeNs[rows[mid]] <= startNs) lo = mid + 1;
    else hi = mid;
  }
  for (let k = Math.max(from, lo - 1); k < to; k++) {
    const start = rows[k];
    let s = log.timeNs[start];
    if (s > endNs) break;
    const g = log.goroutineOf(start);
    const last = log.offsets[g + 1];
    const id = model.goroutines.id[g];
    const group = groups.groupOf(g);
    let state = SpanState.Executing;
    let r = start + 1;
    for (; r < last; r++) {
      const next = toOf(log.packed[r]);
      const t = log.timeNs[r];
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
    const e = r < last ? log.timeNs[r] : model.goroutines.endNs[g] >= 0 ? model.goroutines.endNs[g] : model.endNs;
    if (e >= startNs) merger.add(s, e, state, id, group);
  }
  return merger.finish(laneId, 'goroutine', 'group');
}
