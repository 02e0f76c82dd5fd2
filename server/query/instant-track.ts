import type { LaneTrack } from '../../shared/chunk-codec.ts';
import { logTitle } from '../../shared/lane-tracks.ts';
import { MarkerKind } from '../../shared/states.ts';
import type { TraceModel } from '../model/trace-model.ts';
import { rowsInWindow, type KeyedRows } from './instant-index.ts';

/** Longest log text a chunk carries for the hover tooltip (the detail has all of it). */
const MAX_LABEL_CHARS = 120;

/** One kind of instant on one lane: the key's rows of a time-ordered table. */
export interface InstantSource {
  kind: MarkerKind.CpuSample | MarkerKind.Log;
  index: KeyedRows;
  key: number;
  timeNs: Float64Array;
}

/**
 * The instants track of a lane over [startNs, endNs] (shared/lane-tracks.ts
 * INSTANTS_TRACK), or null when there are none: per source, one row per
 * absolute pixel bucket with the count and the first instant of the bucket,
 * then all sources in time order (a sample and a log in one pixel are two
 * rows, drawn differently). At most sources × pixels rows.
 */
export function instantTrack(model: TraceModel, sources: InstantSource[], startNs: number, endNs: number, nsPerPx: number): LaneTrack | null {
  const t: number[] = [];
  const kind: number[] = [];
  const count: number[] = [];
  const row: number[] = [];
  const label: number[] = [];
  const labels = [''];
  const labelIndex = new Map<string, number>([['', 0]]);
  const logs = model.tasks.logs;
  for (const src of sources) {
    if (src.key < 0) continue;
    const [lo, hi] = rowsInWindow(src.index, src.timeNs, src.key, startNs, endNs);
    let bucket = Number.NaN;
    for (let k = lo; k < hi; k++) {
      const r = src.index.rows[k];
      const b = Math.floor(src.timeNs[r] / nsPerPx);
      if (b === bucket) {
        count[count.length - 1]++;
        continue;
      }
      bucket = b;
      t.push(src.timeNs[r]);
      kind.push(src.kind);
      count.push(1);
      row.push(r);
      if (src.kind === MarkerKind.Log) {
        const text = logTitle(model.strings.get(logs.category[r]), model.strings.get(logs.message[r])).slice(0, MAX_LABEL_CHARS);
        let k = labelIndex.get(text);
        if (k === undefined) {
          k = labels.length;
          labels.push(text);
          labelIndex.set(text, k);
        }
        label.push(k);
      } else label.push(0);
    }
  }
  if (t.length === 0) return null;
  // Sources are each in time order; merge them. At most 2 sources × 20 000 px (the chunk limit) = 40 000 rows: a sort is fine.
  const order = Array.from(t, (_, i) => i).sort((a, b) => t[a] - t[b] || kind[a] - kind[b]);
  return {
    count: t.length,
    arrays: {
      timeNs: Float64Array.from(order, (i) => t[i]),
      kind: Uint8Array.from(order, (i) => kind[i]),
      count: Uint32Array.from(order, (i) => count[i]),
      row: Uint32Array.from(order, (i) => row[i]),
      label: Uint32Array.from(order, (i) => label[i]),
    },
    meta: { labels },
  };
}
