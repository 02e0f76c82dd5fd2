import type { LaneChunk, LaneTrack } from '../../shared/chunk-codec.ts';
import { INSTANTS_TRACK, REGIONS_TRACK } from '../../shared/lane-tracks.ts';
import { MarkerKind } from '../../shared/states.ts';
import { instantTrack } from './instant-track.ts';
import type { QueryContext } from './query-context.ts';
import { regionTrack } from './region-track.ts';

function attach(lane: LaneChunk, name: string, track: LaneTrack | null): LaneChunk {
  if (track) lane.tracks = { ...lane.tracks, [name]: track };
  return lane;
}

/** A goroutine lane with its user regions and its instants (CPU samples, logs), when it has any in the window. */
export function withGoroutineTracks(ctx: QueryContext, lane: LaneChunk, g: number, startNs: number, endNs: number, nsPerPx: number): LaneChunk {
  const m = ctx.model;
  const ix = ctx.instants;
  attach(lane, REGIONS_TRACK, regionTrack(m, ctx.regions, g, startNs, endNs, nsPerPx));
  const instants = instantTrack(
    m,
    [
      { kind: MarkerKind.CpuSample, index: ix.samplesByGoroutine, key: g, timeNs: m.samples.timeNs },
      { kind: MarkerKind.Log, index: ix.logsByGoroutine, key: g, timeNs: m.tasks.logs.timeNs },
    ],
    startNs,
    endNs,
    nsPerPx,
  );
  return attach(lane, INSTANTS_TRACK, instants);
}

/**
 * A proc or thread lane (by its index in the model's proc or thread ids) with
 * the CPU samples taken there, as go tool trace puts them on its proc and
 * thread rows.
 */
export function withSampleTrack(ctx: QueryContext, lane: LaneChunk, on: 'proc' | 'thread', index: number, startNs: number, endNs: number, nsPerPx: number): LaneChunk {
  const byKey = on === 'proc' ? ctx.instants.samplesByProc : ctx.instants.samplesByThread;
  const track = instantTrack(ctx.model, [{ kind: MarkerKind.CpuSample, index: byKey, key: index, timeNs: ctx.model.samples.timeNs }], startNs, endNs, nsPerPx);
  return attach(lane, INSTANTS_TRACK, track);
}
