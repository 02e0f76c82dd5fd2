import type { TraceModel } from '../model/trace-model.ts';
import type { GroupIndex } from './group-index.ts';
import { keyedRows } from './instant-index.ts';
import type { KeyOffsets } from './key-offsets.ts';

/** Deepest nesting level kept as is; deeper regions share the last one (u8 column). */
const MAX_DEPTH = 255;

/**
 * The user regions of each goroutine as its lane draws them, built once per
 * model: named regions only (an unnamed one is the task a goroutine inherited
 * from its creator, not something the program marked), with their nesting
 * depth, sorted by goroutine, then depth, then start. Regions of one
 * goroutine nest (runtime/trace ends the innermost open region), so at one
 * depth they never overlap: both starts and ends are sorted there and a
 * window is two binary searches away, however many regions the goroutine has.
 */
export class RegionIndex {
  /** Entries of goroutine index g are [offsets.begin(g), offsets.end(g)): sparse, as most goroutines have no regions. */
  readonly offsets: KeyOffsets;
  /** Row in model.tasks.regions. */
  readonly rows: Int32Array;
  /** Bounds with the trace's edges filled in: 0 for a region begun before the trace, the trace end for one still open. */
  readonly startNs: Float64Array;
  readonly endNs: Float64Array;
  readonly depth: Uint8Array;
  /** Nesting levels (deepest depth + 1) per goroutine index; 0 without regions. */
  readonly levels: Uint8Array;

  /** Goroutine indices with regions, ascending. */
  private readonly withRegions: Int32Array;

  constructor(model: TraceModel) {
    const r = model.tasks.regions;
    const n = model.goroutines.count;
    // Named regions, by goroutine (rows in order within one), with keyedRows: the work follows the
    // regions, not the goroutines. A pass over every goroutine (960 000 in the bench trace, which
    // has no regions) had taken 16-20 ms of every load.
    const byGoroutine = keyedRows(r.name.length, n, (i) => (model.strings.get(r.name[i]) !== '' ? r.goroutine[i] : -1));
    const named = byGoroutine.rows;
    const m = named.length;
    this.rows = new Int32Array(m);
    this.startNs = new Float64Array(m);
    this.endNs = new Float64Array(m);
    this.depth = new Uint8Array(m);
    this.levels = new Uint8Array(n);
    const start = (i: number) => (r.startNs[i] >= 0 ? r.startNs[i] : 0);
    const end = (i: number) => (r.endNs[i] >= 0 ? r.endNs[i] : model.endNs);
    const depthOf = new Map<number, number>();
    this.withRegions = byGoroutine.offsets.keysWithRows();
    for (const g of this.withRegions) {
      const a = byGoroutine.offsets.begin(g);
      const b = byGoroutine.offsets.end(g);
      // Outer before inner: by start, then the longer first; with equal bounds the later row
      // (rows are appended at region end, and the inner region ends first) is the outer one.
      const byStart = Array.from(named.subarray(a, b)).sort((x, y) => start(x) - start(y) || end(y) - end(x) || y - x);
      const open: number[] = [];
      depthOf.clear();
      let levels = 0;
      for (const i of byStart) {
        // A region ending where the next one starts is its sibling, not its parent.
        while (open.length > 0 && end(open[open.length - 1]) <= start(i)) open.pop();
        const d = Math.min(open.length, MAX_DEPTH);
        depthOf.set(i, d);
        if (d + 1 > levels) levels = d + 1;
        open.push(i);
      }
      this.levels[g] = levels;
      const byDepth = byStart.sort((x, y) => depthOf.get(x)! - depthOf.get(y)! || start(x) - start(y) || x - y);
      byDepth.forEach((i, k) => {
        this.rows[a + k] = i;
        this.startNs[a + k] = start(i);
        this.endNs[a + k] = end(i);
        this.depth[a + k] = depthOf.get(i)!;
      });
    }
    this.offsets = byGoroutine.offsets;
  }

  /**
   * Calls fn(entry) for goroutine g's regions overlapping [startNs, endNs],
   * depth by depth, each depth in start order.
   */
  forEachInWindow(g: number, startNs: number, endNs: number, fn: (entry: number) => void): void {
    const last = this.offsets.end(g);
    let a = this.offsets.begin(g);
    while (a < last) {
      const d = this.depth[a];
      let b = a + 1;
      while (b < last && this.depth[b] === d) b++;
      // First region of this depth ending at or after startNs (ends are sorted within a depth).
      let lo = a;
      let hi = b;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.endNs[mid] < startNs) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < b && this.startNs[i] <= endNs; i++) fn(i);
      a = b;
    }
  }

  /** Nesting levels of each goroutine group (summary.groups order): the deepest of its goroutines. */
  levelsByGroup(groups: GroupIndex): number[] {
    const out = groups.names.map(() => 0);
    for (const g of this.withRegions) {
      const k = groups.groupOf(g);
      if (this.levels[g] > out[k]) out[k] = this.levels[g];
    }
    return out;
  }
}
