import type { LaneChunk } from '../../shared/chunk-codec.ts';
import { lowerBound, upperBound } from '../model/columns.ts';
import type { MarkerList } from '../model/marker-list.ts';

/** Instants in [startNs, endNs], merged per pixel bucket (count, first goroutine). */
export function markerLaneChunk(laneId: string, list: MarkerList, kind: number, startNs: number, endNs: number, nsPerPx: number): LaneChunk {
  const lo = lowerBound(list.timeNs, startNs);
  const hi = upperBound(list.timeNs, endNs);
  const t: number[] = [];
  const c: number[] = [];
  const g: number[] = [];
  let bucket = Number.NaN;
  for (let i = lo; i < hi; i++) {
    const b = Math.floor(list.timeNs[i] / nsPerPx);
    if (b === bucket) {
      c[c.length - 1]++;
      continue;
    }
    bucket = b;
    t.push(list.timeNs[i]);
    c.push(1);
    g.push(list.goroutine[i]);
  }
  return {
    id: laneId,
    kind: 'markers',
    count: t.length,
    arrays: { timeNs: Float64Array.from(t), kind: new Uint8Array(t.length).fill(kind), count: Uint32Array.from(c), goroutine: Float64Array.from(g) },
  };
}
