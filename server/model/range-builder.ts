import { EventKind, ResourceKind } from '../trace/event-kinds.ts';
import type { TraceEvent } from '../trace/trace-event.ts';
import type { GoroutineTableBuilder } from './goroutine-table.ts';
import { IntMap } from './int-map.ts';
import { RangeTableBuilder } from './range-table.ts';

/** An open range: fields in parallel arrays of a free-list pool (3 M sweeps in a GC-heavy trace). */
interface OpenRanges {
  name: number[];
  start: number[];
  proc: number[];
  goroutine: number[];
  beganBy: number[];
}

/**
 * Pairs range begin/active/end events into rows of the range table. Global
 * ranges (the GC mark phase) go to their own list for the GC lane. The
 * attribution to goroutines follows `go tool trace`'s summarizer, including
 * "Active" ranges starting at the last Sync and ranges cut at a goroutine's end.
 */
export class RangeBuilder {
  readonly table: RangeTableBuilder;
  /** Global ranges (GC concurrent mark phase): name, start, end. */
  readonly globalName: number[] = [];
  readonly globalStart: number[] = [];
  readonly globalEnd: number[] = [];
  private readonly openGlobal = new Map<number, number>();
  /** Open range slots: typed tables for the common keys (3 M sweeps and assists), a Map for the rest. */
  private readonly procOpen = new Int32Array(4096 * 8); // [proc * 8 + name] → slot + 1
  /**
   * Goroutine row × 8 + name → slot. A table over the rows per name took 18 MB of the build's
   * peak for the bench trace (three names, 960 000 goroutines), while at most a few thousand
   * assists are open at once.
   */
  private readonly goOpen = new IntMap();
  private readonly otherOpen = new Map<string, number>();
  private openCount = 0;
  private readonly slots: OpenRanges = { name: [], start: [], proc: [], goroutine: [], beganBy: [] };
  private readonly free: number[] = [];
  /** Small dense index per range name (few distinct names) to build numeric keys. */
  private readonly nameIndex = new Map<number, number>();
  private lastName = -1;
  private lastNameIndex = -1;
  /** Open ranges counted by goroutine row (absent: none), so that most goroutine ends skip the scan. */
  private readonly openPerGoroutine = new IntMap();

  /** `expectedRanges` sizes the range table (see RangeTableBuilder). */
  constructor(
    private readonly goroutines: GoroutineTableBuilder,
    expectedRanges = 1024,
  ) {
    this.table = new RangeTableBuilder(expectedRanges);
  }

  private nameIdx(name: number): number {
    if (name !== this.lastName) {
      let n = this.nameIndex.get(name);
      if (n === undefined) this.nameIndex.set(name, (n = this.nameIndex.size));
      this.lastName = name;
      this.lastNameIndex = n;
    }
    return this.lastNameIndex;
  }

  /** Slot of the open range (isProc, resource, name), or -1. */
  private getOpen(isProc: boolean, resource: number, n: number, name: number): number {
    if (n < 8 && resource >= 0) {
      if (isProc && resource < 4096) return this.procOpen[resource * 8 + n] - 1;
      if (!isProc && resource < GO_KEY_LIMIT) return this.goOpen.get(resource * 8 + n);
    }
    return this.otherOpen.get(`${isProc ? 'p' : 'g'}${resource}/${name}`) ?? -1;
  }

  private setOpen(isProc: boolean, resource: number, n: number, name: number, slot: number): void {
    this.openCount += slot >= 0 ? 1 : -1;
    if (n < 8 && resource >= 0) {
      if (isProc && resource < 4096) {
        this.procOpen[resource * 8 + n] = slot + 1;
        return;
      }
      if (!isProc && resource < GO_KEY_LIMIT) {
        if (slot >= 0) this.goOpen.set(resource * 8 + n, slot);
        else this.goOpen.delete(resource * 8 + n);
        return;
      }
    }
    const key = `${isProc ? 'p' : 'g'}${resource}/${name}`;
    if (slot >= 0) this.otherOpen.set(key, slot);
    else this.otherOpen.delete(key);
  }

  /** Every open slot (rarely needed: goroutine ends inside a range, trace end). */
  private *openSlots(): Generator<number> {
    const o = this.slots;
    const free = new Set(this.free);
    for (let slot = 0; slot < o.name.length; slot++) if (!free.has(slot)) yield slot;
  }

  /** Time of the latest Sync (start of ranges already active then); set by the model builder. */
  syncNs = 0;
  /** Start and end of the range being added (see RangeTableBuilder.add). */
  private readonly span = new Float64Array(2);

  event(ev: TraceEvent): void {
    if (ev.scopeKind === ResourceKind.None) {
      // Like go tool trace's GC lane, an "active" mark phase counts from the trace start only in the first generation.
      if (ev.kind === EventKind.RangeBegin) this.openGlobal.set(ev.name, ev.timeNs);
      else if (ev.kind === EventKind.RangeActive) {
        if (!this.openGlobal.has(ev.name)) this.openGlobal.set(ev.name, this.syncNs === 0 ? 0 : ev.timeNs);
      } else {
        const start = this.openGlobal.get(ev.name);
        this.openGlobal.delete(ev.name);
        this.globalName.push(ev.name);
        this.globalStart.push(start ?? 0);
        this.globalEnd.push(ev.timeNs);
      }
      return;
    }
    // The time is read where it is stored, never kept in a local that also reaches a call:
    // V8 would then box it once per event (110 MB of garbage over the bench trace).
    const isProc = ev.scopeKind === ResourceKind.Proc;
    const scopeG = isProc ? -1 : this.goroutines.row(ev.scopeId);
    const resource = isProc ? ev.scopeId : scopeG;
    const n = this.nameIdx(ev.name);
    const o = this.slots;
    if (ev.kind === EventKind.RangeEnd) {
      const slot = this.getOpen(isProc, resource, n, ev.name);
      if (slot < 0) return;
      this.setOpen(isProc, resource, n, ev.name, -1);
      let g = o.goroutine[slot];
      if (g >= 0) this.countOpen(g, -1);
      if (isProc) g = o.beganBy[slot] >= 0 && ev.g !== -1 && this.goroutines.row(ev.g) === o.beganBy[slot] ? g : -1;
      this.span[0] = o.start[slot];
      this.span[1] = ev.timeNs;
      this.table.add(o.name[slot], this.span, o.proc[slot], g, false);
      this.free.push(slot);
      return;
    }
    const active = ev.kind === EventKind.RangeActive;
    if (active && this.getOpen(isProc, resource, n, ev.name) >= 0) return; // still the same range; the split at the Sync sums the same
    const g = isProc ? (ev.g === -1 ? -1 : this.goroutines.row(ev.g)) : scopeG;
    const slot = this.free.length > 0 ? this.free.pop()! : o.name.length;
    o.name[slot] = ev.name;
    o.start[slot] = active ? this.syncNs : ev.timeNs;
    o.proc[slot] = isProc ? ev.scopeId : ev.p;
    o.goroutine[slot] = g;
    o.beganBy[slot] = isProc ? g : -1;
    this.setOpen(isProc, resource, n, ev.name, slot);
    if (g >= 0) this.countOpen(g, +1);
  }

  private countOpen(g: number, delta: number): void {
    const n = Math.max(0, this.openPerGoroutine.get(g)) + delta;
    if (n > 0) this.openPerGoroutine.set(g, n);
    else this.openPerGoroutine.delete(g);
  }

  /**
   * A goroutine ended (`at`: the event): its open ranges count for it only up to now. Thousands
   * of assists can be open at once, but a goroutine rarely ends inside one: a
   * count per goroutine says when the scan is needed.
   */
  goroutineEnded(g: number, at: { readonly timeNs: number }): void {
    if (this.openPerGoroutine.get(g) < 0) return;
    this.openPerGoroutine.delete(g);
    const o = this.slots;
    for (const slot of this.openSlots()) {
      if (o.goroutine[slot] !== g) continue;
      this.span[0] = o.start[slot];
      this.span[1] = at.timeNs;
      this.table.add(o.name[slot], this.span, -1, g, true);
      o.goroutine[slot] = -1;
      o.beganBy[slot] = -1;
    }
  }

  /** End of trace: close everything still open. */
  finish(endNs: number): void {
    const o = this.slots;
    for (const slot of this.openSlots()) {
      this.span[0] = o.start[slot];
      this.span[1] = endNs;
      this.table.add(o.name[slot], this.span, o.proc[slot], o.goroutine[slot], true);
    }
    for (const [name, start] of this.openGlobal) {
      this.globalName.push(name);
      this.globalStart.push(start);
      this.globalEnd.push(endNs);
    }
    this.openGlobal.clear();
  }
}

/** Goroutine rows below this (2^28) key goOpen as row × 8 + name within int32; others use the Map. */
const GO_KEY_LIMIT = 1 << 28;
