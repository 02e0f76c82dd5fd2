/**
 * What of a lane's tracks is under the pointer: a user region in the band
 * below a goroutine's states, or a CPU sample / log message in the strip at
 * the top of its state band (track-geometry.ts), with the tooltip line.
 */
import type { LaneChunk, LaneTrack } from '../../shared/chunk-codec.ts';
import { INSTANTS_TRACK, REGIONS_TRACK, type AnnotationKind } from '../../shared/lane-tracks.ts';
import { MarkerKind } from '../../shared/states.ts';
import { formatCount, formatDurationNs } from '../render/format-time.ts';
import { instantIndexAt, regionIndexAt } from '../render/hit-test.ts';
import { ROW_HEIGHTS, type Row } from '../state/lane-layout.ts';
import { MAX_REGION_LEVELS, trackZoneAt } from '../state/track-geometry.ts';
import type { TraceSession } from '../state/trace-session.ts';

export interface TrackItem {
  kind: AnnotationKind;
  /** Row in the server's region, sample or log table (/api/annotation). */
  row: number;
  startNs: number;
  endNs: number;
  /** Items merged in its pixel (> 1: zoom in to see them apart). */
  count: number;
  text: string;
}

/** Height of the state band of a row: goroutine rows keep 18 px above their regions; other lanes use the whole row. */
export function stateBandPx(row: Row): number {
  return row.kind === 'goroutine' ? Math.min(row.heightPx, ROW_HEIGHTS.goroutine) : row.heightPx;
}

/** Region levels drawn in a row (0 without a region band). */
export function regionLevelsOf(session: TraceSession, row: Row): number {
  if (row.kind !== 'goroutine' || row.group === undefined) return 0;
  return Math.min(session.summary.groups[row.group]?.regionLevels ?? 0, MAX_REGION_LEVELS);
}

/**
 * The track item under (t, yInRowPx) in these cached pieces of a lane; null
 * when the pointer is not over an item. `spansBelow` tells whether the caller
 * should still look for a span (false inside the region band).
 */
export function trackItemAt(session: TraceSession, row: Row, lanes: LaneChunk[], t: number, slopNs: number, yInRowPx: number): { item: TrackItem | null; spansBelow: boolean } {
  const levels = regionLevelsOf(session, row);
  const zone = trackZoneAt(yInRowPx, stateBandPx(row), levels);
  if (zone.zone === 'spans') return { item: null, spansBelow: true };
  for (const lane of lanes) {
    if (zone.zone === 'regions') {
      const track = lane.tracks?.[REGIONS_TRACK];
      const i = track ? regionIndexAt(track, t, slopNs, zone.level, levels) : -1;
      if (i >= 0) return { item: regionItem(track!, i), spansBelow: false };
    } else {
      const track = lane.tracks?.[INSTANTS_TRACK];
      const i = track ? instantIndexAt(track, t, slopNs) : -1;
      if (i >= 0) return { item: instantItem(track!, i), spansBelow: false };
    }
  }
  return { item: null, spansBelow: zone.zone === 'instants' };
}

export function regionItem(track: LaneTrack, i: number): TrackItem {
  const a = track.arrays;
  const name = ((track.meta?.names as string[] | undefined) ?? [])[a.name[i]] ?? '';
  const count = a.count[i];
  const dur = formatDurationNs(a.endNs[i] - a.startNs[i]);
  const text = count > 1 ? `${formatCount(count)} regions merged (longest: “${name}”) · ${dur}` : `region “${name}” · ${dur}`;
  return { kind: 'region', row: a.row[i], startNs: a.startNs[i], endNs: a.endNs[i], count, text };
}

export function instantItem(track: LaneTrack, i: number): TrackItem {
  const a = track.arrays;
  const count = a.count[i];
  const log = a.kind[i] === MarkerKind.Log;
  const label = ((track.meta?.labels as string[] | undefined) ?? [])[a.label?.[i] ?? 0] ?? '';
  const text = log ? (count > 1 ? `${formatCount(count)} log messages (first: ${label})` : `log: ${label}`) : count > 1 ? `${formatCount(count)} CPU profile samples` : 'CPU profile sample';
  return { kind: log ? 'log' : 'sample', row: a.row[i], startNs: a.timeNs[i], endNs: a.timeNs[i], count, text };
}
