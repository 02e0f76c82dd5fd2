import type { LaneTrack } from '../../shared/chunk-codec.ts';
import type { TraceModel } from '../model/trace-model.ts';
import type { RegionIndex } from './region-index.ts';

/**
 * The regions track of goroutine g over [startNs, endNs] (shared/lane-tracks.ts
 * REGIONS_TRACK), or null when no region of g overlaps it. Regions narrower
 * than a pixel are merged per absolute pixel bucket and depth, like spans
 * (SpanMerger): a merged row keeps the count and the longest region of its
 * bucket, whose name and row it shows. Regions of one depth never overlap, so
 * each depth adds at most two rows per pixel (a merged bucket and a wide
 * region starting in it).
 */
export function regionTrack(model: TraceModel, index: RegionIndex, g: number, startNs: number, endNs: number, nsPerPx: number): LaneTrack | null {
  const s: number[] = [];
  const e: number[] = [];
  const depth: number[] = [];
  const count: number[] = [];
  const name: number[] = [];
  const row: number[] = [];
  const names: string[] = [];
  const nameIndex = new Map<number, number>();
  const push = (ss: number, ee: number, d: number, n: number, entry: number) => {
    const r = index.rows[entry];
    const id = model.tasks.regions.name[r];
    let k = nameIndex.get(id);
    if (k === undefined) {
      k = names.length;
      names.push(model.strings.get(id));
      nameIndex.set(id, k);
    }
    s.push(ss);
    e.push(ee);
    depth.push(d);
    count.push(n);
    name.push(k);
    row.push(r);
  };
  // The open merged bucket of the current depth.
  let bucket = Number.NaN;
  let openDepth = -1;
  let openStart = 0;
  let openEnd = 0;
  let openCount = 0;
  let best = -1;
  let bestWidth = -1;
  const flush = () => {
    if (!Number.isNaN(bucket)) push(openStart, openEnd, openDepth, openCount, best);
    bucket = Number.NaN;
  };
  index.forEachInWindow(g, startNs, endNs, (i) => {
    const rs = index.startNs[i];
    const re = index.endNs[i];
    const d = index.depth[i];
    if (d !== openDepth) {
      flush();
      openDepth = d;
    }
    const width = re - rs;
    if (width >= nsPerPx) {
      flush();
      push(rs, re, d, 1, i);
      return;
    }
    const b = Math.floor(rs / nsPerPx);
    if (b !== bucket) {
      flush();
      bucket = b;
      openStart = rs;
      openEnd = re;
      openCount = 0;
      bestWidth = -1;
    }
    if (re > openEnd) openEnd = re;
    openCount++;
    if (width > bestWidth) {
      best = i;
      bestWidth = width;
    }
  });
  flush();
  if (s.length === 0) return null;
  return {
    count: s.length,
    arrays: {
      startNs: Float64Array.from(s),
      endNs: Float64Array.from(e),
      depth: Uint8Array.from(depth),
      count: Uint32Array.from(count),
      name: Uint32Array.from(name),
      row: Uint32Array.from(row),
    },
    meta: { names },
  };
}
