import type { TraceModel } from '../model/trace-model.ts';

/**
 * Goroutine groups (by start function) in the order the summary lists them —
 * sorted by execution time — and each goroutine's group index, computed once
 * per model (a pass over the goroutine table).
 */
export class GroupIndex {
  readonly names: string[];
  readonly counts: number[];
  readonly execNs: number[];
  /** Group of each goroutine; 16-bit while there are at most 65 536 groups (start functions). */
  private readonly ofGoroutine: Uint16Array | Int32Array;
  private membersByGroup: Int32Array[] | null = null;

  private readonly goroutines: TraceModel['goroutines'];

  constructor(model: TraceModel) {
    this.goroutines = model.goroutines;
    // Groups are the goroutine table's distinct start functions, ordered by execution time.
    const names = model.goroutines.startFunctions;
    const n = model.goroutines.count;
    const exec = new Float64Array(names.length);
    const counts = new Int32Array(names.length);
    for (let g = 0; g < n; g++) {
      const k = model.goroutines.startFunctionOf(g);
      exec[k] += model.goroutines.execNs(g);
      counts[k]++;
    }
    const order = Array.from(names, (_, i) => i).sort((a, b) => exec[b] - exec[a] || a - b);
    const rank = new Int32Array(names.length);
    order.forEach((k, i) => (rank[k] = i));
    this.names = order.map((k) => model.strings.get(names[k]));
    this.counts = order.map((k) => counts[k]);
    this.execNs = order.map((k) => exec[k]);
    const ofGoroutine = names.length <= 0x10000 ? new Uint16Array(n) : new Int32Array(n);
    for (let g = 0; g < n; g++) ofGoroutine[g] = rank[model.goroutines.startFunctionOf(g)];
    this.ofGoroutine = ofGoroutine;
  }

  /**
   * Goroutine indices of each group, in goroutine-id order. Made on first use (the goroutine
   * list, search, related goroutines, flows), not at load: the viewer's first view does not need
   * them, and for the bench trace's 960 000 goroutines they take about 50 ms.
   */
  get members(): Int32Array[] {
    if (this.membersByGroup !== null) return this.membersByGroup;
    // A counting sort into one buffer (a view per group), in row order, which is mostly id
    // order already (runs of created goroutines), then sorted by id (sortRowsById).
    const gs = this.goroutines;
    const n = gs.count;
    const groups = this.names.length;
    const start = new Int32Array(groups + 1);
    for (let g = 0; g < n; g++) start[this.ofGoroutine[g] + 1]++;
    for (let k = 0; k < groups; k++) start[k + 1] += start[k];
    const all = new Int32Array(n);
    const fill = start.slice(0, groups);
    for (let g = 0; g < n; g++) all[fill[this.ofGoroutine[g]]++] = g;
    this.membersByGroup = this.names.map((_, k) => sortRowsById(all.subarray(start[k], start[k + 1]), (g) => gs.id(g)));
    return this.membersByGroup;
  }

  groupOf(g: number): number {
    return this.ofGoroutine[g];
  }

  /** Position of goroutine row g in its group's member list (binary search by id). */
  memberIndex(g: number): number {
    const list = this.members[this.ofGoroutine[g]];
    const id = this.goroutines.id(g);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.goroutines.id(list[mid]) < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Sorts goroutine rows by id, in place, and returns them. Rows come in the
 * order goroutines were first seen, which is nearly id order: in the 68 MB
 * bench trace only 847 of 960 010 are below an id seen before them. Those are
 * set aside, sorted, and merged back: 10-20 ms there, where a TimSort of the
 * whole list took 90-130 ms (and a typed array's sort 170 ms). When more than
 * an eighth are out of place the whole list is sorted.
 */
export function sortRowsById(rows: Int32Array, id: (row: number) => number): Int32Array {
  const n = rows.length;
  const strays: number[] = [];
  // The ascending rows are compacted to the front in place; kept counts them.
  let kept = 0;
  // The largest id kept so far, in a typed array (a double local compared in a hot loop is boxed).
  const max = new Float64Array([-Infinity]);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const v = id(r);
    if (v >= max[0]) {
      max[0] = v;
      rows[kept++] = r;
    } else {
      strays.push(r);
      if (strays.length > n >>> 3) {
        // Put the strays back after the kept rows (rows past i are still in place), then sort all.
        for (let j = 0; j < strays.length; j++) rows[kept + j] = strays[j];
        rows.set(Array.from(rows).sort((a, b) => id(a) - id(b)));
        return rows;
      }
    }
  }
  if (strays.length === 0) return rows;
  strays.sort((a, b) => id(a) - id(b));
  // Merge from the back: the kept rows occupy [0, kept) and the merged list ends at n.
  let i = kept - 1;
  let j = strays.length - 1;
  for (let o = n - 1; j >= 0; o--) {
    if (i >= 0 && id(rows[i]) > id(strays[j])) rows[o] = rows[i--];
    else rows[o] = strays[j--];
  }
  return rows;
}
