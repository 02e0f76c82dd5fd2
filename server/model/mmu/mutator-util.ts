import { EventKind, GoState, MetricId, ResourceKind } from '../../trace/event-kinds.ts';
import type { TraceEvent } from '../../trace/trace-event.ts';
import type { UtilFlags } from './util-flags.ts';

/**
 * A mutator utilization function: a step function, util[i] ∈ [0, 1] holding
 * from timeNs[i] until timeNs[i+1]; the last point (utilization 0) marks the
 * end of the trace. Times are ns since the trace's first event, strictly
 * increasing.
 */
export interface UtilSeries {
  readonly timeNs: Float64Array;
  readonly util: Float64Array;
}

/** Anything that resolves the string ids of range names and labels (the trace's StringTable). */
export interface StringLookup {
  get(id: number): string;
}

const enum RangeClass {
  Other = 0,
  Stw = 1,
  Sweep = 2,
  Assist = 3,
}

/**
 * Builds the mutator utilization series of a trace one event at a time, as
 * internal/trace's MutatorUtilizationV2 does over the whole event list (the
 * series go tool trace's /mmu page is computed from). Feed every event the
 * reader yields, in order, then call finish() once.
 *
 * Without perProc there is one series: 1 − (Ps doing GC work) / GOMAXPROCS.
 * With perProc there is one 0/1 series per P (a new one each time a P is
 * re-added after GOMAXPROCS shrank).
 */
export class MutatorUtilBuilder {
  private readonly out: GrowingSeries[] = [];
  /** Per current P: how many GC activities run on it, and the series it writes. */
  private readonly pGc: number[] = [];
  private readonly pSeries: number[] = [];
  /** GOMAXPROCS changes: time and new value. */
  private readonly procTimeNs: number[] = [];
  private readonly procN: number[] = [];
  private stw = 0;
  private nSync = 0;
  /** Goroutines inside a mark assist range. */
  private readonly inGc = new Set<number>();
  /** Goroutines labelled as background mark workers (never forgotten, as in Go). */
  private readonly bgMark = new Set<number>();
  private readonly states = new Map<number, number>();
  private readonly rangeClasses = new Map<number, RangeClass>();
  private lastTimeNs = 0;
  private seen = false;

  constructor(
    private readonly flags: UtilFlags,
    private readonly strings: StringLookup,
  ) {}

  add(ev: TraceEvent): void {
    const t = ev.timeNs;
    this.seen = true;
    this.lastTimeNs = t;
    const kind = ev.kind;
    if (kind === EventKind.Sync) this.nSync = ev.syncN;
    else if (kind === EventKind.Metric && ev.name === MetricId.Gomaxprocs) this.setGomaxprocs(t, ev.value);
    // Nothing can be attributed before the first GOMAXPROCS metric (it comes right after the first Sync).
    const nP = this.pGc.length;
    if (nP === 0) return;

    switch (kind) {
      case EventKind.RangeActive:
        // After a full generation every active range was already seen begin: these are redundant.
        if (this.nSync > 1) break;
        this.rangeActiveBeforeTrace(ev);
        this.rangeBegin(ev);
        break;
      case EventKind.RangeBegin:
        this.rangeBegin(ev);
        break;
      case EventKind.RangeEnd: {
        const c = this.rangeClass(ev.name);
        if (c === RangeClass.Stw) this.stw--;
        else if (c === RangeClass.Sweep) this.addGc(ev.p, -1);
        else if (c === RangeClass.Assist) {
          this.addGc(ev.p, -1);
          if (ev.scopeKind === ResourceKind.Goroutine) this.inGc.delete(ev.scopeId);
        }
        break;
      }
      case EventKind.StateTransition: {
        if (ev.resourceKind !== ResourceKind.Goroutine) break;
        const g = ev.resourceId;
        if (this.inGc.has(g) || this.bgMark.has(g)) {
          const was = executing(ev.fromState);
          const is = executing(ev.toState);
          if (!was && is) this.addGc(ev.p, 1);
          else if (was && !is) this.addGc(ev.p, -1);
        }
        this.states.set(g, ev.toState);
        break;
      }
      case EventKind.Label: {
        if (!this.flags.background) break;
        const label = this.strings.get(ev.name);
        if (!label.startsWith('GC ') || label === 'GC (idle)') break;
        // Per P, dedicated workers do not count: they push every goroutine off their P, so they add no goroutine latency.
        if (this.flags.perProc && label === 'GC (dedicated)') break;
        // Kept as Go has it although it over-counts: the runtime re-labels a worker each time it is scheduled,
        // right after its Runnable->Running (which already counted it, the goroutine being in bgMark), so the P's
        // counter gains 2 and loses 1 per scheduling (181 of 183 labels in gcheavy-go1.26). On long GC-heavy
        // traces every P ends up "in GC" for good: for a 24 s, 11.9 M-event gcheavy trace the series stops
        // changing after 7 ms, and go tool trace's /mmu plot, like ours, ends at 7 ms windows, MMU 0 throughout.
        this.bgMark.add(ev.g);
        this.addGc(ev.p, 1);
        break;
      }
    }

    if (!this.flags.perProc) {
      let gcPs = 0;
      if (this.stw > 0) gcPs = this.pGc.length;
      else for (const n of this.pGc) if (n > 0) gcPs++;
      this.out[0].add(t, 1 - gcPs / this.pGc.length);
    } else {
      for (let i = 0; i < this.pGc.length; i++) this.out[this.pSeries[i]].add(t, this.stw > 0 || this.pGc[i] > 0 ? 0 : 1);
    }
  }

  /** The series (one, or one per P with perProc); empty when the trace never reported GOMAXPROCS. */
  finish(): UtilSeries[] {
    if (!this.seen) return [];
    // A final 0 marks the end of the trace (symmetric with the start; no window extends past it).
    for (const s of this.pSeries) this.out[s].add(this.lastTimeNs, 0);
    return this.out.map((s) => s.toSeries());
  }

  private setGomaxprocs(t: number, n: number): void {
    if (this.pGc.length > n) {
      if (this.flags.perProc) for (let i = n; i < this.pSeries.length; i++) this.out[this.pSeries[i]].add(t, 0);
      this.pGc.length = n;
      this.pSeries.length = n;
    }
    while (this.pGc.length < n) {
      let series = 0;
      if (this.flags.perProc || this.out.length === 0) {
        series = this.out.length;
        this.out.push(new GrowingSeries(t, 1));
      }
      this.pGc.push(0);
      this.pSeries.push(series);
    }
    const last = this.procN.length - 1;
    if (last < 0 || this.procN[last] !== n) {
      this.procTimeNs.push(t);
      this.procN.push(n);
    }
  }

  private rangeBegin(ev: TraceEvent): void {
    const c = this.rangeClass(ev.name);
    if (c === RangeClass.Stw) this.stw++;
    else if (c === RangeClass.Sweep) this.addGc(ev.p, 1);
    else if (c === RangeClass.Assist) {
      this.addGc(ev.p, 1);
      if (ev.scopeKind === ResourceKind.Goroutine) this.inGc.add(ev.scopeId);
    }
  }

  /**
   * A sweep or (running) mark assist found active in the first generation has
   * been taking its P since the trace began: take 1/GOMAXPROCS off everything
   * recorded so far. Per P nothing is needed: such a P has no points yet.
   */
  private rangeActiveBeforeTrace(ev: TraceEvent): void {
    const c = this.rangeClass(ev.name);
    if (c === RangeClass.Assist) {
      if (!executing(this.states.get(ev.g) ?? GoState.Undetermined)) return;
    } else if (c !== RangeClass.Sweep) return;
    if (this.flags.perProc) return;
    const s = this.out[0];
    let pi = 0;
    for (let mi = 0; mi < s.length; ) {
      if (pi < this.procN.length - 1 && this.procTimeNs[pi + 1] < s.timeNs[mi]) {
        pi++;
        continue;
      }
      s.util[mi] -= 1 / this.procN[pi];
      if (s.util[mi] < 0) s.util[mi] = 0;
      mi++;
    }
  }

  /** Classifies a range name under the flags (cached per string id): which counter it moves. */
  private rangeClass(name: number): RangeClass {
    let c = this.rangeClasses.get(name);
    if (c === undefined) {
      const text = this.strings.get(name);
      const f = this.flags;
      if (f.stw && text.startsWith('stop-the-world') && text.includes('GC')) c = RangeClass.Stw;
      else if (f.sweep && text === 'GC incremental sweep') c = RangeClass.Sweep;
      else if (f.assist && text === 'GC mark assist') c = RangeClass.Assist;
      else c = RangeClass.Other;
      this.rangeClasses.set(name, c);
    }
    return c;
  }

  /** Go indexes its P slice with the event's P and would panic on a P outside GOMAXPROCS; we skip those. */
  private addGc(p: number, d: number): void {
    if (p >= 0 && p < this.pGc.length) this.pGc[p] += d;
  }
}

function executing(state: number): boolean {
  return state === GoState.Running || state === GoState.Syscall;
}

/** One series under construction: typed arrays doubled as needed. */
class GrowingSeries {
  timeNs = new Float64Array(16);
  util = new Float64Array(16);
  length = 0;

  constructor(timeNs: number, util: number) {
    this.push(timeNs, util);
  }

  /** Go's addUtil: skip repeats of the current value; at an equal time keep the lowest utilization. */
  add(timeNs: number, util: number): void {
    const n = this.length;
    if (n > 0) {
      const last = this.util[n - 1];
      if (util === last) return;
      if (timeNs === this.timeNs[n - 1]) {
        if (util < last) this.util[n - 1] = util;
        return;
      }
    }
    this.push(timeNs, util);
  }

  toSeries(): UtilSeries {
    return { timeNs: this.timeNs.slice(0, this.length), util: this.util.slice(0, this.length) };
  }

  private push(timeNs: number, util: number): void {
    if (this.length === this.timeNs.length) {
      const t = new Float64Array(this.length * 2);
      t.set(this.timeNs);
      this.timeNs = t;
      const u = new Float64Array(this.length * 2);
      u.set(this.util);
      this.util = u;
    }
    this.timeNs[this.length] = timeNs;
    this.util[this.length] = util;
    this.length++;
  }
}
