import type { MmuAccumulator } from './mmu-accumulator.ts';
import type { UtilSeries } from './mutator-util.ts';

/** Bands per series (Go's bandsPerSeries): the coarse summary that lets most windows be skipped. */
const BANDS_PER_SERIES = 1000;

/**
 * One utilization series prepared for MMU queries (internal/trace's
 * mmuSeries): running integrals of utilization, and 1000 equal "bands" each
 * summarized by its lowest utilization and the integral up to its left edge,
 * so a lower bound of every window starting in a band is cheap.
 */
export class MmuSeries {
  readonly timeNs: Float64Array;
  readonly util: Float64Array;
  /** sums[j]: integral of utilization (ns) from the first point to timeNs[j]. */
  readonly sums: Float64Array;
  readonly bandDurNs: number;
  readonly bandMinUtil: Float64Array;
  /** Integral of utilization up to each band's left edge. */
  readonly bandCumUtil: Float64Array;
  /** Integrator position (index of the left edge's non-strict predecessor) for each band. */
  readonly bandPos: Int32Array;
  readonly durationNs: number;

  constructor(series: UtilSeries) {
    const { timeNs, util } = series;
    const n = timeNs.length;
    this.timeNs = timeNs;
    this.util = util;
    this.sums = new Float64Array(n);
    let prevTime = 0;
    let prevUtil = 0;
    let sum = 0;
    for (let j = 0; j < n; j++) {
      sum += prevUtil * (timeNs[j] - prevTime);
      this.sums[j] = sum;
      prevTime = timeNs[j];
      prevUtil = util[j];
    }

    // Fewer bands than points would be pointless.
    const numBands = Math.min(BANDS_PER_SERIES, n);
    this.durationNs = timeNs[n - 1] - timeNs[0];
    this.bandDurNs = Math.max(1, Math.floor((this.durationNs + numBands - 1) / numBands));
    // numBands + 1 bands: the last one records the final integral.
    this.bandMinUtil = new Float64Array(numBands + 1);
    this.bandCumUtil = new Float64Array(numBands + 1);
    this.bandPos = new Int32Array(numBands + 1);
    const left = new Integrator(this, 0);
    for (let i = 0; i <= numBands; i++) {
      const start = this.bandStartNs(i);
      const end = start + this.bandDurNs;
      this.bandCumUtil[i] = left.advance(start);
      let minUtil = 1;
      for (let k = left.pos; k < n && timeNs[k] < end; k++) minUtil = Math.min(minUtil, util[k]);
      this.bandMinUtil[i] = minUtil;
      this.bandPos[i] = left.pos;
    }
  }

  bandStartNs(i: number): number {
    return i * this.bandDurNs + this.timeNs[0];
  }

  /**
   * For each band a window of `windowNs` can start in, a lower bound of the
   * mean utilization of all such windows: the partly covered bands at their
   * minimum (the worst one as much as possible), fully covered bands at their
   * mean.
   */
  bandUtilBounds(windowNs: number): Float64Array {
    const bd = this.bandDurNs;
    const minBands = Math.floor((windowNs + bd - 1) / bd);
    const maxBands = Math.floor((windowNs + 2 * (bd - 1)) / bd);
    // Go indexes band -1 here (and panics) for a zero-length window, i.e. a series of zero duration.
    if (minBands === 0) return new Float64Array(0);
    const tailDur = windowNs % bd;
    const nUtil = Math.max(0, this.bandMinUtil.length - maxBands + 1);
    const out = new Float64Array(nUtil);
    const minU = this.bandMinUtil;
    const cum = this.bandCumUtil;
    for (let i = 0; i < nUtil; i++) {
      let total = 0;
      const l = minU[i];
      const r1 = minU[i + minBands - 1];
      const r2 = minU[i + maxBands - 1];
      const minBand = Math.min(l, Math.min(r1, r2));
      if (minBands === 1) total += minBand * windowNs;
      else {
        total += minBand * bd;
        let midBand = 0;
        if (minBand === l) midBand = Math.min(r1, r2);
        else if (minBand === r1) midBand = Math.min(l, r2);
        else if (minBand === r2) midBand = Math.min(l, r1);
        total += midBand * tailDur;
      }
      if (minBands > 2) total += cum[i + minBands - 1] - cum[i + 1];
      out[i] = total / windowNs;
    }
    return out;
  }

  /**
   * The exact windowed utilization for windows whose left edge is in band
   * `bandIdx`. It is piecewise linear, so its minimum sits where an edge of the
   * window meets a utilization change: only those positions are visited, and
   * positions the slope (at most 1/window) cannot bring below the
   * accumulator's bound are skipped.
   */
  bandMmu(bandIdx: number, windowNs: number, acc: MmuAccumulator): void {
    const left = new Integrator(this, this.bandPos[bandIdx]);
    const right = new Integrator(this, this.bandPos[bandIdx]);
    let time = this.bandStartNs(bandIdx);
    let endTime = time + this.bandDurNs;
    const utilEnd = this.timeNs[this.timeNs.length - 1] - windowNs;
    if (utilEnd < endTime) endTime = utilEnd;
    acc.resetTime();
    for (;;) {
      const mu = (right.advance(time + windowNs) - left.advance(time)) / windowNs;
      if (acc.addMu(time, mu, windowNs)) break;
      if (time === endTime) break;
      const minTime = time + Math.trunc((mu - acc.bound) * windowNs);
      const t1 = left.next(time);
      const t2 = right.next(time + windowNs) - windowNs;
      time = t1 < t2 ? t1 : t2;
      if (time < minTime) time = minTime;
      // MMU alone could stop here; the MUD needs the whole band.
      if (time >= endTime) time = endTime;
    }
  }
}

/** A position in a series that integrates utilization as it moves (Go's integrator). */
class Integrator {
  constructor(
    private readonly s: MmuSeries,
    /** Index of the current time's non-strict predecessor. */
    public pos: number,
  ) {}

  /** Integral of utilization up to `time` (ns). Meant for increasing times; both of Go's search paths are kept, since they differ when a time goes back. */
  advance(time: number): number {
    const t = this.s.timeNs;
    const n = t.length;
    let pos = this.pos;
    const maxSeq = 8;
    if (pos + maxSeq < n && t[pos + maxSeq] > time) {
      while (pos + 1 < n && t[pos + 1] <= time) pos++;
    } else {
      let l = pos;
      let r = n;
      while (l < r) {
        const h = (l + r) >>> 1;
        if (t[h] <= time) l = h + 1;
        else r = h;
      }
      pos = l - 1;
    }
    this.pos = pos;
    const partial = time !== t[pos] ? this.s.util[pos] * (time - t[pos]) : 0;
    return this.s.sums[pos] + partial;
  }

  /** The first utilization change strictly after `time` (Infinity when none: Go's MaxInt64). */
  next(time: number): number {
    const t = this.s.timeNs;
    for (let i = this.pos; i < t.length; i++) if (t[i] > time) return t[i];
    return Infinity;
  }
}
