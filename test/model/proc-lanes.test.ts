import { describe, expect, it } from 'vitest';
import { I32Column, U16OrI32Column } from '../../server/model/columns.ts';
import { DenseIds } from '../../server/model/dense-ids.ts';
import { buildLanes } from '../../server/model/proc-lanes.ts';

/** Execution starts grouped into proc and thread lanes. */

function starts(laneIds: number[], rows: number[]) {
  const ids = new DenseIds();
  const lanes = new U16OrI32Column(2);
  const rowCol = new I32Column(2);
  laneIds.forEach((id, i) => {
    lanes.push(ids.indexOf(id));
    rowCol.push(rows[i]);
  });
  return { ids, lanes, rowCol };
}

describe('buildLanes', () => {
  it('groups starts by lane in ascending lane id, keeping time order, with rows remapped to the regrouped log', () => {
    // Thread ids as Linux gives them (one past 16 bits), seen in no particular order.
    const { ids, lanes, rowCol } = starts([5877, 5873, 5877, 1_000_000, 5873, 5877], [0, 1, 2, 3, 4, 5]);
    const newRow = Int32Array.from([10, 11, 12, 13, 14, 15]);
    const out = buildLanes(lanes, ids, rowCol, newRow);
    expect(Array.from(out.ids)).toEqual([5873, 5877, 1_000_000]);
    expect(Array.from(out.offsets)).toEqual([0, 2, 5, 6]);
    expect(Array.from(out.rows)).toEqual([11, 14, 10, 12, 15, 13]);
    // Dense indices fit 16 bits: the column never widened.
    expect(lanes.data).toBeInstanceOf(Uint16Array);
  });

  it('gives the same index to an id seen again after others (the last-lane shortcut and the map agree)', () => {
    const ids = new DenseIds();
    expect([ids.indexOf(3), ids.indexOf(3), ids.indexOf(-1), ids.indexOf(3), ids.indexOf(-1), ids.indexOf(8)]).toEqual([0, 0, 1, 0, 1, 2]);
    expect(ids.ids).toEqual([3, -1, 8]);
  });

  it('is empty when nothing ran', () => {
    const { ids, lanes, rowCol } = starts([], []);
    const out = buildLanes(lanes, ids, rowCol, new Int32Array(0));
    expect(out.ids.length).toBe(0);
    expect(Array.from(out.offsets)).toEqual([0]);
  });
});
