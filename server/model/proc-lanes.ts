import type { I32Column } from './columns.ts';

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

/** Groups (lane, old row) pairs by lane, remapping rows to the regrouped transition log. */
export function buildLanes(lanes: I32Column, rows: I32Column, newRow: Int32Array): { ids: Int32Array; offsets: Int32Array; rows: Int32Array } {
  const n = lanes.length;
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) counts.set(lanes.data[i], (counts.get(lanes.data[i]) ?? 0) + 1);
  const ids = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const offsets = new Int32Array(ids.length + 1);
  const slot = new Map<number, number>();
  ids.forEach((id, i) => {
    offsets[i + 1] = offsets[i] + counts.get(id)!;
    slot.set(id, offsets[i]);
  });
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const lane = lanes.data[i];
    const at = slot.get(lane)!;
    out[at] = newRow[rows.data[i]];
    slot.set(lane, at + 1);
  }
  return { ids, offsets, rows: out };
}
