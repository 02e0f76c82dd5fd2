import { EventKind, ResourceKind } from '../trace/event-kinds.ts';
import type { TraceEvent } from '../trace/trace-event.ts';
import type { GoroutineTableBuilder } from './goroutine-table.ts';
import { RangeTableBuilder } from './range-table.ts';

interface OpenRange {
  name: number;
  startNs: number;
  proc: number;
  /** Goroutine index the range counts for (summarizer rules), -1 for none. */
  goroutine: number;
  /** For a proc range: the goroutine that began it (-1 none); it counts only if the same one ends it. */
  beganBy: number;
}

/**
 * Pairs range begin/active/end events into rows of the range table. Global
 * ranges (the GC mark phase) go to their own list for the GC lane. The
 * attribution to goroutines follows `go tool trace`'s summarizer, including
 * "Active" ranges starting at the last Sync and ranges cut at a goroutine's end.
 */
export class RangeBuilder {
  readonly table = new RangeTableBuilder();
  /** Global ranges (GC concurrent mark phase): name, start, end. */
  readonly globalName: number[] = [];
  readonly globalStart: number[] = [];
  readonly globalEnd: number[] = [];
  private readonly openGlobal = new Map<number, number>();
  /** Open ranges by key: goroutine ranges "g<index>/<name>", proc ranges "p<id>/<name>". */
  private readonly open = new Map<string, OpenRange>();
  /** Open range keys counted for each goroutine (to cut them at its end). */
  private readonly byGoroutine = new Map<number, Set<string>>();

  constructor(private readonly goroutines: GoroutineTableBuilder) {}

  event(ev: TraceEvent, syncNs: number): void {
    const t = ev.timeNs;
    if (ev.scopeKind === ResourceKind.None) {
      // Like go tool trace's GC lane, an "active" mark phase counts from the trace start only in the first generation.
      if (ev.kind === EventKind.RangeBegin) this.openGlobal.set(ev.name, t);
      else if (ev.kind === EventKind.RangeActive) {
        if (!this.openGlobal.has(ev.name)) this.openGlobal.set(ev.name, syncNs === 0 ? 0 : t);
      } else {
        const start = this.openGlobal.get(ev.name);
        this.openGlobal.delete(ev.name);
        this.globalName.push(ev.name);
        this.globalStart.push(start ?? 0);
        this.globalEnd.push(t);
      }
      return;
    }
    const isProc = ev.scopeKind === ResourceKind.Proc;
    const key = `${isProc ? 'p' : 'g'}${isProc ? ev.scopeId : this.goroutines.row(ev.scopeId)}/${ev.name}`;
    if (ev.kind === EventKind.RangeEnd) {
      const r = this.open.get(key);
      if (r === undefined) return;
      this.open.delete(key);
      let g = r.goroutine;
      if (isProc) g = r.beganBy >= 0 && ev.g !== -1 && this.goroutines.row(ev.g) === r.beganBy ? r.goroutine : -1;
      if (g >= 0) this.byGoroutine.get(g)?.delete(key);
      this.table.add(r.name, r.startNs, t, r.proc, g, false);
      return;
    }
    const active = ev.kind === EventKind.RangeActive;
    const existing = this.open.get(key);
    if (existing !== undefined && active) return; // still the same range; the split at the Sync sums the same
    const g = isProc ? (ev.g === -1 ? -1 : this.goroutines.row(ev.g)) : this.goroutines.row(ev.scopeId);
    const r: OpenRange = { name: ev.name, startNs: active ? syncNs : t, proc: isProc ? ev.scopeId : ev.p, goroutine: g, beganBy: isProc ? g : -1 };
    this.open.set(key, r);
    if (g >= 0) {
      let set = this.byGoroutine.get(g);
      if (!set) this.byGoroutine.set(g, (set = new Set()));
      set.add(key);
    }
  }

  /** A goroutine ended: its open ranges count for it only up to now. */
  goroutineEnded(g: number, t: number): void {
    const keys = this.byGoroutine.get(g);
    if (!keys) return;
    for (const key of keys) {
      const r = this.open.get(key);
      if (!r) continue;
      this.table.add(r.name, r.startNs, t, -1, g, true);
      r.goroutine = -1;
      r.beganBy = -1;
    }
    this.byGoroutine.delete(g);
  }

  /** End of trace: close everything still open. */
  finish(endNs: number): void {
    for (const r of this.open.values()) this.table.add(r.name, r.startNs, endNs, r.proc, r.goroutine, true);
    this.open.clear();
    for (const [name, start] of this.openGlobal) {
      this.globalName.push(name);
      this.globalStart.push(start);
      this.globalEnd.push(endNs);
    }
    this.openGlobal.clear();
  }
}
