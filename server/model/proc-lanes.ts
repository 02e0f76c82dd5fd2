import type { I32Column, U16OrI32Column } from './columns.ts';
import type { DenseIds } from './dense-ids.ts';

/**
 * Which goroutine ran when on each proc (and each thread): per lane, the
 * transition-log rows where a goroutine started running there, in time order.
 * A slice lasts until that goroutine leaves the running/syscall states or its
 * syscall loses the proc (the next rows of its own history say when).
 */
export interface ProcLanes {
  /** Proc ids with at least one slice, ascending. */
  procIds: Int32Array;
  /** Rows of proc procIds[i]: procRows[procOffsets[i] … procOffsets[i+1]). */
  procOffsets: Int32Array;
  procRows: Int32Array;
  threadIds: Int32Array;
  threadOffsets: Int32Array;
  threadRows: Int32Array;
}

/** One kind of lane (procs or threads): lane ids ascending, rows[offsets[i] … offsets[i+1]) for lane ids[i]. */
export interface BuiltLanes {
  ids: Int32Array;
  offsets: Int32Array;
  rows: Int32Array;
}

/**
 * Groups (lane, old row) pairs by lane (lanes in ascending id order), remapping
 * rows to the regrouped transition log: a counting sort over the dense lane indices.
 */
export function buildLanes(lanes: U16OrI32Column, laneIds: DenseIds, rows: I32Column, newRow: Int32Array): BuiltLanes {
  const n = lanes.length;
  const k = laneIds.ids.length;
  // rank[dense index] = position of that lane in id order.
  const byId = Array.from(laneIds.ids.keys()).sort((a, b) => laneIds.ids[a] - laneIds.ids[b]);
  const rank = new Int32Array(k);
  byId.forEach((dense, r) => (rank[dense] = r));
  const offsets = new Int32Array(k + 1);
  const lane = lanes.data;
  for (let i = 0; i < n; i++) offsets[rank[lane[i]] + 1]++;
  for (let r = 0; r < k; r++) offsets[r + 1] += offsets[r];
  const next = offsets.slice(0, k);
  const out = new Int32Array(n);
  const old = rows.data;
  for (let i = 0; i < n; i++) out[next[rank[lane[i]]]++] = newRow[old[i]];
  return { ids: Int32Array.from(byId, (dense) => laneIds.ids[dense]), offsets, rows: out };
}
