import { heapInit, heapPopToEnd, type HeapOps } from './go-heap.ts';
import { MmuAccumulator, type UtilWindow } from './mmu-accumulator.ts';
import { MmuSeries } from './mmu-series.ts';
import { Mud } from './mud.ts';
import type { UtilSeries } from './mutator-util.ts';

/**
 * How MmuCurve.mud evaluates quantiles. 'go' is what go tool trace plots: its
 * MUD query never fills the distribution (see MmuAccumulator), so every
 * quantile equals the MMU. 'distribution' fills it, giving the percentiles
 * the /mmu page's "Show percentiles" describes.
 */
export type MudMode = 'go' | 'distribution';

/**
 * Minimum mutator utilization over windows of any size (internal/trace's
 * MMUCurve): for a window size, the lowest mean utilization of any window of
 * that size in the trace, the worst such windows, or quantiles of the
 * distribution. Each query refines the bands of every series from the lowest
 * lower bound up, and stops when no remaining band can change the answer.
 */
export class MmuCurve {
  private readonly series: MmuSeries[];

  constructor(series: readonly UtilSeries[]) {
    this.series = series.map((s) => new MmuSeries(s));
  }

  /** Minimum mutator utilization over all windows of `windowNs` ns, in [0, 1] (1 with no series, 0 for windows ≤ 0). */
  mmu(windowNs: number): number {
    const acc = new MmuAccumulator();
    this.search(windowNs, acc);
    return acc.mmu;
  }

  /** Up to n disjoint windows of `windowNs` ns with the lowest utilization, worst first (then by time). */
  examples(windowNs: number, n: number): UtilWindow[] {
    const acc = new MmuAccumulator(n);
    this.search(windowNs, acc);
    return acc.worst.slice().sort((a, b) => a.mutatorUtil - b.mutatorUtil || a.timeNs - b.timeNs);
  }

  /**
   * Quantiles (0 = the minimum, 0.01 = the window 1 % of window positions are
   * below) of the mean utilization of windows of `windowNs` ns.
   */
  mud(windowNs: number, quantiles: readonly number[], mode: MudMode = 'go'): number[] {
    if (quantiles.length === 0) return [];
    let maxQ = quantiles[0];
    for (const q of quantiles) if (q > maxQ) maxQ = q;
    // The distribution's total mass: every window position, i.e. duration − window per series.
    let durationNs = 0;
    for (const s of this.series) if (s.durationNs >= windowNs) durationNs += s.durationNs - windowNs;
    // Only the mass up to the highest quantile needs to be exact.
    const qMass = durationNs * maxQ;
    const mud = new Mud();
    const acc = new MmuAccumulator(0, mud, mode === 'distribution');
    mud.setTrackMass(qMass);
    this.search(windowNs, acc);
    return quantiles.map((q) => {
      const mu = mud.invCumulativeSum(durationNs * q);
      // NaN: no mass (no events, or a window as long as the trace): all quantiles are the MMU.
      return Number.isNaN(mu) ? acc.mmu : mu;
    });
  }

  private search(windowNs: number, acc: MmuAccumulator): void {
    if (windowNs <= 0) {
      acc.mmu = 0;
      return;
    }
    // A window longer than a series covers all of it.
    const windows = this.series.map((s) => Math.min(windowNs, s.durationNs));
    const perSeries = this.series.map((s, i) => s.bandUtilBounds(windows[i]));
    const bands = new BandHeap(perSeries);
    heapInit(bands);
    while (bands.length > 0 && bands.bound[0] < acc.bound) {
      const s = bands.series[0];
      this.series[s].bandMmu(bands.band[0], windows[s], acc);
      heapPopToEnd(bands);
      bands.length--;
    }
  }
}

/** Go's bandUtilHeap: (series, band, lower bound) triples, a min-heap on the bound, in parallel typed arrays. */
class BandHeap implements HeapOps {
  readonly series: Int32Array;
  readonly band: Int32Array;
  readonly bound: Float64Array;
  length: number;

  constructor(perSeries: Float64Array[]) {
    this.length = perSeries.reduce((n, b) => n + b.length, 0);
    this.series = new Int32Array(this.length);
    this.band = new Int32Array(this.length);
    this.bound = new Float64Array(this.length);
    let k = 0;
    perSeries.forEach((bounds, s) => {
      for (let i = 0; i < bounds.length; i++, k++) {
        this.series[k] = s;
        this.band[k] = i;
        this.bound[k] = bounds[i];
      }
    });
  }

  less(i: number, j: number): boolean {
    return this.bound[i] < this.bound[j];
  }

  swap(i: number, j: number): void {
    let t = this.series[i];
    this.series[i] = this.series[j];
    this.series[j] = t;
    t = this.band[i];
    this.band[i] = this.band[j];
    this.band[j] = t;
    const b = this.bound[i];
    this.bound[i] = this.bound[j];
    this.bound[j] = b;
  }
}
