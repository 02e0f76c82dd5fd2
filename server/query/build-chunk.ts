import type { Chunk, LaneChunk } from '../../shared/chunk-codec.ts';
import { withGoroutineTracks, withSampleTrack } from './annotation-tracks.ts';
import { GC_LANE, NET_LANE, parseLaneId, STATS_GOROUTINES, STATS_HEAP, STATS_THREADS, SYSCALL_LANE } from '../../shared/lanes.ts';
import { MarkerKind } from '../../shared/states.ts';
import { goroutineCountersChunk, heapChunk, threadsChunk } from './counter-lane.ts';
import { goroutineLaneChunk } from './goroutine-lane.ts';
import { markerLaneChunk } from './marker-lane.ts';
import { execLaneChunk } from './proc-lane.ts';
import type { QueryContext } from './query-context.ts';

export interface ChunkRequest {
  lanes: string[];
  startNs: number;
  endNs: number;
  nsPerPx: number;
}

export class UnknownLaneError extends Error {
  constructor(readonly lane: string) {
    super(`unknown lane "${lane}"`);
  }
}

/**
 * What to draw for some lanes over [startNs, endNs] at nsPerPx: spans merged
 * below a pixel, counters reduced to min/max per pixel, instants per pixel.
 * Its size grows with pixels × lanes, not with the number of events.
 */
export function buildChunk(ctx: QueryContext, req: ChunkRequest): Chunk {
  const { startNs, endNs, nsPerPx } = req;
  const lanes: LaneChunk[] = req.lanes.map((id) => laneChunk(ctx, id, startNs, endNs, nsPerPx));
  return { startNs, endNs, nsPerPx, lanes };
}

function laneChunk(ctx: QueryContext, id: string, startNs: number, endNs: number, nsPerPx: number): LaneChunk {
  const m = ctx.model;
  switch (id) {
    case STATS_GOROUTINES:
      return goroutineCountersChunk(m, id, startNs, endNs, nsPerPx);
    case STATS_HEAP:
      return heapChunk(m, id, startNs, endNs, nsPerPx);
    case STATS_THREADS:
      return threadsChunk(m, id, startNs, endNs, nsPerPx);
    case GC_LANE:
      return ctx.gcLane.chunk(id, startNs, endNs, nsPerPx);
    case NET_LANE:
      return markerLaneChunk(id, m.markers.net, MarkerKind.NetUnblock, startNs, endNs, nsPerPx);
    case SYSCALL_LANE:
      return markerLaneChunk(id, m.markers.syscall, MarkerKind.SyscallExitBlocked, startNs, endNs, nsPerPx);
  }
  const { prefix, num } = parseLaneId(id);
  if (prefix === 'proc' && ctx.procIndex.has(num)) {
    const i = ctx.procIndex.get(num)!;
    const p = m.procs;
    return withSampleTrack(ctx, execLaneChunk(m, id, p.procRows, p.procOffsets[i], p.procOffsets[i + 1], startNs, endNs, nsPerPx, ctx.groups, false, m.procBusy.get(num)), 'proc', i, startNs, endNs, nsPerPx);
  }
  if (prefix === 'thread' && ctx.threadIndex.has(num)) {
    const i = ctx.threadIndex.get(num)!;
    const p = m.procs;
    return withSampleTrack(ctx, execLaneChunk(m, id, p.threadRows, p.threadOffsets[i], p.threadOffsets[i + 1], startNs, endNs, nsPerPx, ctx.groups, true, m.threadBusy.get(num)), 'thread', i, startNs, endNs, nsPerPx);
  }
  if (prefix === 'task' && Number.isFinite(num)) {
    const r = ctx.tasks.rowOf(num);
    if (r >= 0) return ctx.tasks.chunk(id, r, startNs, endNs, nsPerPx);
  }
  if (prefix === 'g' && Number.isFinite(num)) {
    const g = m.goroutines.indexOf(num);
    if (g >= 0) return withGoroutineTracks(ctx, goroutineLaneChunk(m, id, g, startNs, endNs, nsPerPx), g, startNs, endNs, nsPerPx);
  }
  throw new UnknownLaneError(id);
}
