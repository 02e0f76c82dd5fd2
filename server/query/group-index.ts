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
  /** Goroutine indices of each group, in goroutine-id order. */
  readonly members: Int32Array[];

  private readonly goroutines: TraceModel['goroutines'];

  constructor(model: TraceModel, execNsOfGoroutine: Float64Array) {
    this.goroutines = model.goroutines;
    // Groups are the goroutine table's distinct start functions, ordered by execution time.
    const names = model.goroutines.startFunctions;
    const n = model.goroutines.count;
    const exec = new Float64Array(names.length);
    const counts = new Int32Array(names.length);
    for (let g = 0; g < n; g++) {
      const k = model.goroutines.startFunctionOf(g);
      exec[k] += execNsOfGoroutine[g];
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
    // Members by a counting sort into one buffer (a view per group), in row order, which is
    // mostly id order already (runs of created goroutines): sorted only where it is not, by
    // an adaptive sort (a typed-array sort took 170 ms for the 68 MB bench trace's 960 010).
    const gs = model.goroutines;
    const start = new Int32Array(order.length + 1);
    for (let g = 0; g < n; g++) start[this.ofGoroutine[g] + 1]++;
    for (let k = 0; k < order.length; k++) start[k + 1] += start[k];
    const all = new Int32Array(n);
    const fill = start.slice(0, order.length);
    for (let g = 0; g < n; g++) all[fill[this.ofGoroutine[g]]++] = g;
    this.members = order.map((_, k) => {
      const list = all.subarray(start[k], start[k + 1]);
      for (let i = 1; i < list.length; i++) {
        if (gs.id(list[i - 1]) > gs.id(list[i])) {
          // Array sort (TimSort) finds the long runs already in order; a typed array's sort does not.
          list.set(Array.from(list).sort((a, b) => gs.id(a) - gs.id(b)));
          return list;
        }
      }
      return list;
    });
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
