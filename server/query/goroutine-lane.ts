import type { LaneChunk } from '../../shared/chunk-codec.ts';
import { SpanState } from '../../shared/states.ts';
import { GoState } from '../trace/event-kinds.ts';
import { upperBound } from '../model/columns.ts';
import type { TraceModel } from '../model/trace-model.ts';
import { fromOf, reasonOf, TO_PROC_LOST, toOf } from '../model/transition-log.ts';
import { SpanMerger } from './span-merger.ts';

/** Span state for a goroutine in wire state `to` (0 = not drawn). */
export function laneStateOf(to: number): number {
  switch (to) {
    case GoState.Running:
      return SpanState.Running;
    case GoState.Runnable:
      return SpanState.Runnable;
    case GoState.Waiting:
      return SpanState.Waiting;
    case GoState.Syscall:
      return SpanState.Syscall;
    case TO_PROC_LOST:
      return SpanState.SyscallBlocked;
    default:
      return 0;
  }
}

/**
 * Calls fn(startNs, endNs, state, reason, row) for each state span of goroutine
 * g overlapping [startNs, endNs]: from one transition to its next, skipping
 * status-only repeats (X→X), ending at the goroutine's end or the trace end.
 */
export function forEachGoroutineSpan(model: TraceModel, g: number, startNs: number, endNs: number, fn: (s: number, e: number, state: number, reason: number, row: number) => void): void {
  const log = model.transitions;
  const first = log.offsets[g];
  const last = log.offsets[g + 1];
  if (first === last) return;
  // The span covering startNs begins at the last state change at or before it.
  let row = Math.max(first, log.time.upperBound(startNs, first, last) - 1);
  while (row > first && fromOf(log.packed[row]) === toOf(log.packed[row])) row--;
  while (row < last) {
    const p = log.packed[row];
    const state = laneStateOf(toOf(p));
    const s = log.time.at(row);
    if (s > endNs) break;
    let next = row + 1;
    while (next < last && fromOf(log.packed[next]) === toOf(log.packed[next]) && toOf(log.packed[next]) !== TO_PROC_LOST) next++;
    const e = next < last ? log.time.at(next) : model.goroutines.endOr(g, model.endNs);
    if (state !== 0 && e >= startNs) fn(s, e, state, reasonOf(p), row);
    row = next;
  }
}

export function goroutineLaneChunk(model: TraceModel, laneId: string, g: number, startNs: number, endNs: number, nsPerPx: number): LaneChunk {
  const merger = new SpanMerger(nsPerPx);
  if (g >= 0) forEachGoroutineSpan(model, g, startNs, endNs, (s, e, state, reason) => merger.add(s, e, state, reason));
  return merger.finish(laneId, 'reason', null, 'u16');
}
