import { heapPopToEnd, heapPushed, heapRemoveToEnd, type HeapOps } from './go-heap.ts';
import type { Mud } from './mud.ts';

/** A window of the MMU search: its start (ns since the trace's first event) and mean mutator utilization. */
export interface UtilWindow {
  timeNs: number;
  mutatorUtil: number;
}

/**
 * Collects what an MMU query wants from the windowed utilization function as
 * the search visits windows (Go's accumulator): the minimum, the n worst
 * disjoint windows, or the distribution. `bound` is the utilization above
 * which no further window can change the answer; the search stops refining
 * bands whose lower bound is not below it.
 */
export class MmuAccumulator implements HeapOps {
  mmu = 1;
  bound = 1;
  /** Worst windows, a max-heap on (utilization, time) so the least bad is on top (Go's utilHeap). */
  readonly worst: UtilWindow[] = [];
  private hasLast = false;
  private lastTimeNs = 0;
  private lastMu = 0;

  /**
   * @param nWorst how many worst windows to keep (Examples), 0 for none.
   * @param mud the distribution to fill (MUD queries).
   * @param fillMud whether the distribution really gets filled. Go's addMU returns
   *   early whenever nWorst is 0, before it reaches the distribution, and its MUD
   *   query keeps no windows, so go tool trace's MUD never sees a window and every
   *   percentile it plots equals the MMU. false reproduces that; true is what the
   *   code evidently means.
   */
  constructor(
    readonly nWorst = 0,
    readonly mud: Mud | null = null,
    private readonly fillMud = false,
  ) {}

  get length(): number {
    return this.worst.length;
  }

  less(i: number, j: number): boolean {
    const a = this.worst[i];
    const b = this.worst[j];
    if (a.mutatorUtil !== b.mutatorUtil) return a.mutatorUtil > b.mutatorUtil;
    return a.timeNs > b.timeNs;
  }

  swap(i: number, j: number): void {
    const t = this.worst[i];
    this.worst[i] = this.worst[j];
    this.worst[j] = t;
  }

  /** Declares a discontinuity (a new band): only the distribution cares, it links consecutive points. */
  resetTime(): void {
    this.hasLast = false;
  }

  /** Adds the window at `timeNs` (increasing within a band); true when further windows cannot matter. */
  addMu(timeNs: number, mu: number, windowNs: number): boolean {
    if (mu < this.mmu) this.mmu = mu;
    this.bound = this.mmu;

    // For the MMU alone, a zero cannot be beaten.
    if (this.nWorst === 0 && !(this.fillMud && this.mud !== null)) return mu === 0;

    const w = this.worst;
    if (this.nWorst > 0) this.addWorst(timeNs, mu, windowNs);

    const mud = this.mud;
    if (mud !== null) {
      if (this.hasLast) mud.add(this.lastMu, mu, timeNs - this.lastTimeNs);
      this.hasLast = true;
      this.lastTimeNs = timeNs;
      this.lastMu = mu;
      const upper = mud.approxInvCumulativeSumUpper();
      // Not even the tracked mass collected yet: everything may still matter.
      this.bound = upper === null ? 1 : Math.max(this.bound, upper);
      // Checking quantiles at every point is not worth it: finish the band.
      return false;
    }

    // Enough zero windows found.
    return w.length === this.nWorst && w[0].mutatorUtil === 0;
  }

  private addWorst(timeNs: number, mu: number, windowNs: number): void {
    const w = this.worst;
    if (w.length < this.nWorst || mu < w[0].mutatorUtil) {
      // Worse than the n-th worst so far. Windows stay disjoint: of two overlapping ones keep the worse, the first on ties.
      let keep = false;
      for (let i = 0; i < w.length; i++) {
        const ui = w[i];
        if (timeNs + windowNs > ui.timeNs && ui.timeNs + windowNs > timeNs) {
          if (ui.mutatorUtil <= mu) keep = true;
          else {
            heapRemoveToEnd(this, i);
            w.pop();
          }
          break;
        }
      }
      if (!keep) {
        w.push({ timeNs, mutatorUtil: mu });
        heapPushed(this);
        if (w.length > this.nWorst) {
          heapPopToEnd(this);
          w.pop();
        }
      }
    }

    // Until n windows are known anything may enter; after that nothing above the least bad one.
    if (w.length < this.nWorst) this.bound = 1;
    else this.bound = Math.max(this.bound, w[0].mutatorUtil);
  }
}
