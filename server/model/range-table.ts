import { F64Column, I32Column, U8Column } from './columns.ts';

/**
 * Time ranges bound to a goroutine or a proc: GC mark assists, STW pauses,
 * incremental sweeps. Each row is drawn on the proc lane where it happened and,
 * when `go tool trace`'s summarizer would, counts toward a goroutine's "special
 * range" time (a sweep counts for the goroutine that was running on the proc
 * when it began, if that goroutine also ended it).
 */
export class RangeTable {
  constructor(
    /** Range name of each row, as an index into `names` (a handful of distinct names). */
    readonly nameIndex: Uint8Array,
    /** Range names (trace-wide string ids), e.g. "GC mark assist". */
    readonly names: Int32Array,
    readonly startNs: Float64Array,
    readonly endNs: Float64Array,
    /** Proc the range happened on, -1 if unknown (16 bits: ids past 32 767 read as 32 767; 4.7 MB less for the 68 MB bench trace's 2.3 M ranges). */
    readonly proc: Int16Array,
    /** Goroutine index the range time counts for, -1 for none. */
    readonly goroutine: Int32Array,
    /** 1 when the range was still open when its goroutine or the trace ended. */
    readonly open: Uint8Array,
    /** Rows of goroutine g: byGoroutine[goroutineOffsets[g] … goroutineOffsets[g+1]). */
    readonly byGoroutine: Int32Array,
    readonly goroutineOffsets: Int32Array,
  ) {}

  get length(): number {
    return this.startNs.length;
  }

  /** Trace-wide string id of row r's name. */
  name(r: number): number {
    return this.names[this.nameIndex[r]];
  }

  /**
   * Adds goroutine g's range time inside [fromNs, toNs] to `out` (by name).
   * Only ranges of its current incarnation (begun at or after `createdNs`) count.
   */
  addGoroutineRangeTimes(g: number, createdNs: number, fromNs: number, toNs: number, out: Map<number, number>): void {
    for (let k = this.goroutineOffsets[g], end = this.goroutineOffsets[g + 1]; k < end; k++) {
      const r = this.byGoroutine[k];
      const s = this.startNs[r];
      if (s < createdNs) continue;
      const lo = s > fromNs ? s : fromNs;
      const hi = this.endNs[r] < toNs ? this.endNs[r] : toNs;
      const name = this.names[this.nameIndex[r]];
      // Zero-length ranges still make the name appear, as they do on go tool trace's page.
      out.set(name, (out.get(name) ?? 0) + (hi > lo ? hi - lo : 0));
    }
  }
}

export class RangeTableBuilder {
  readonly name = new U8Column();
  private readonly names: number[] = [];
  private readonly nameSlot = new Map<number, number>();
  readonly startNs = new F64Column();
  readonly endNs = new F64Column();
  readonly proc = new I32Column();
  readonly goroutine = new I32Column();
  readonly open = new U8Column();

  add(name: number, startNs: number, endNs: number, proc: number, goroutine: number, open: boolean): void {
    let slot = this.nameSlot.get(name);
    if (slot === undefined) {
      slot = this.names.length;
      if (slot > 255) throw new Error('more than 256 distinct range names');
      this.names.push(name);
      this.nameSlot.set(name, slot);
    }
    this.name.push(slot);
    this.startNs.push(startNs);
    this.endNs.push(endNs);
    this.proc.push(proc);
    this.goroutine.push(goroutine);
    this.open.push(open ? 1 : 0);
  }

  finish(goroutineCount: number): RangeTable {
    const goroutine = this.goroutine.finish();
    const startNs = this.startNs.finish();
    const offsets = new Int32Array(goroutineCount + 1);
    for (const g of goroutine) if (g >= 0) offsets[g + 1]++;
    for (let k = 0; k < goroutineCount; k++) offsets[k + 1] += offsets[k];
    const next = offsets.slice(0, goroutineCount);
    const byGoroutine = new Int32Array(offsets[goroutineCount]);
    for (let r = 0; r < goroutine.length; r++) if (goroutine[r] >= 0) byGoroutine[next[goroutine[r]]++] = r;
    const procs = this.proc.finish();
    const proc = new Int16Array(procs.length);
    for (let r = 0; r < procs.length; r++) proc[r] = procs[r] > 0x7fff ? 0x7fff : procs[r];
    this.proc.data = new Int32Array(0);
    return new RangeTable(this.name.finish(), Int32Array.from(this.names), startNs, this.endNs.finish(), proc, goroutine, this.open.finish(), byGoroutine, offsets);
  }
}
