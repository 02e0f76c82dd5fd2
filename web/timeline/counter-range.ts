import type { CacheEntry, ChunkCache } from '../data/chunk-cache.ts';
import type { Layer } from '../data/chunk-layers.ts';
import { stackedMax } from '../render/draw-counter-lane.ts';
import type { LaneChunk } from '../../shared/chunk-codec.ts';

const maxOf = new WeakMap<LaneChunk, number>();

function cachedMax(lane: LaneChunk): number {
  let m = maxOf.get(lane);
  if (m === undefined) {
    m = stackedMax(lane);
    maxOf.set(lane, m);
  }
  return m;
}

/**
 * The y range of a counter lane: the largest stacked value over the whole
 * trace when its overview is loaded (so the scale holds still while panning),
 * otherwise over the pieces being drawn.
 */
export function counterStackedMax(cache: ChunkCache, laneId: string, layers: Layer<CacheEntry>[]): number {
  const overview = cache.overview(laneId);
  if (overview) return cachedMax(overview.lane);
  let m = 0;
  for (const l of layers) m = Math.max(m, cachedMax(l.piece.lane));
  return m;
}
