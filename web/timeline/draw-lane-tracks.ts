/**
 * A lane's tracks in its row (track-geometry.ts): region bars below a
 * goroutine's state band, instants along the top of the band.
 */
import type { LaneChunk } from '../../shared/chunk-codec.ts';
import { INSTANTS_TRACK, REGIONS_TRACK } from '../../shared/lane-tracks.ts';
import { drawInstantsTrack, drawRegionsTrack } from '../render/draw-tracks.ts';
import type { RectBatch } from '../render/rect-batch.ts';
import type { TimeScale } from '../render/time-scale.ts';
import { INSTANT_TOP_PX, REGION_BAR_PX, REGION_LEVEL_PX } from '../state/track-geometry.ts';

/** Returns the track rows visited. regionLevels: bars the row has room for (0: regions are not drawn). */
export function drawLaneTracks(batch: RectBatch, scale: TimeScale, lane: LaneChunk, clipStartNs: number, clipEndNs: number, yPx: number, stateBandPx: number, regionLevels: number): number {
  const tracks = lane.tracks;
  if (!tracks) return 0;
  let visited = 0;
  const regions = tracks[REGIONS_TRACK];
  if (regions && regionLevels > 0) {
    visited += drawRegionsTrack(batch, scale, regions, clipStartNs, clipEndNs, { topPx: yPx + stateBandPx, levelPx: REGION_LEVEL_PX, barPx: REGION_BAR_PX, levels: regionLevels });
  }
  const instants = tracks[INSTANTS_TRACK];
  if (instants) visited += drawInstantsTrack(batch, scale, instants, clipStartNs, clipEndNs, yPx + INSTANT_TOP_PX);
  return visited;
}
