import { EventKind } from '../../trace/event-kinds.ts';
import { openTrace } from '../../trace/open-trace.ts';
import { TraceError } from '../../trace/trace-error.ts';
import { goExp, goLog } from './go-math.ts';
import type { UtilWindow } from './mmu-accumulator.ts';
import { MmuCurve } from './mmu-curve.ts';
import { MutatorUtilBuilder, type UtilSeries } from './mutator-util.ts';
import type { MmuPlotFlags, UtilFlags } from './util-flags.ts';

/** go tool trace's /mmu?mode=plot JSON, field for field (times in ns). */
export interface MmuPlot {
  /** Smallest window plotted: 1 s, 1 ms, 1 µs or 1 ns, the first whose MMU is below 1e-4 (else 1 ns). */
  xMinNs: number;
  /** Largest window plotted: xMin × 10^6, but at most the span of the utilization series. */
  xMaxNs: number;
  /** With "Show percentiles": [0, 0.001, 0.01, 0.05] (MMU, then the 99.9th, 99th and 95th percentile MU); else null. */
  quantiles: readonly number[] | null;
  /** 100 log-spaced windows: [windowNs, mmu], or [windowNs, …one value per quantile]. */
  curve: number[][];
}

/** Points of the plot (Go's `samples`). */
const SAMPLES = 100;
/** The percentile view's quantiles, as Go's constants 1-.999, 1-.99, 1-.95 evaluate (exactly; not 1 - 0.999 in floating point). */
const PERCENTILE_QUANTILES: readonly number[] = Object.freeze([0, 0.001, 0.01, 0.05]);
/** Worst windows listed for a clicked point (mode=details). */
const DETAIL_WINDOWS = 10;

/**
 * The /mmu plot for utilization series and their curve, as go tool trace
 * computes it; null when there is no series (a trace that never reports
 * GOMAXPROCS: old-format traces without a GC, where go tool trace panics).
 */
export function mmuPlot(series: readonly UtilSeries[], curve: MmuCurve, percentiles: boolean): MmuPlot | null {
  if (series.length === 0) return null;
  const quantiles = percentiles ? PERCENTILE_QUANTILES : null;
  // A nice start: the first of 1 s, 1 ms, 1 µs where some window is (almost) entirely GC.
  let xMinNs = 1e9;
  while (xMinNs > 1) {
    if (curve.mmu(xMinNs) < 0.0001) break;
    xMinNs /= 1000;
  }
  // Six orders of magnitude, but no window longer than the series.
  let xMaxNs = xMinNs * 1e6;
  let minEvent = series[0].timeNs[0];
  let maxEvent = series[0].timeNs[series[0].timeNs.length - 1];
  for (const s of series) {
    minEvent = Math.min(minEvent, s.timeNs[0]);
    maxEvent = Math.max(maxEvent, s.timeNs[s.timeNs.length - 1]);
  }
  if (xMaxNs > maxEvent - minEvent) xMaxNs = maxEvent - minEvent;

  const points = plotWindowsNs(xMinNs, xMaxNs).map((windowNs) =>
    quantiles === null ? [windowNs, curve.mmu(windowNs)] : [windowNs, ...curve.mud(windowNs, quantiles)],
  );
  return { xMinNs, xMaxNs, quantiles, curve: points };
}

/**
 * The plot's 100 window sizes, log-spaced from xMin to xMax and truncated to
 * whole ns as Go truncates them. With Go's own Log and Exp: the end windows
 * sit within an ulp of an integer, so 1 ms … 1 s gives 999 999 … 999 999 999 ns
 * in Go, and Math.exp would be 1 ns off at the end for about 1 xMax in 25.
 */
export function plotWindowsNs(xMinNs: number, xMaxNs: number): number[] {
  const logMin = goLog(xMinNs);
  const logMax = goLog(xMaxNs);
  const out: number[] = [];
  for (let i = 0; i < SAMPLES; i++) out.push(Math.trunc(goExp((i / (SAMPLES - 1)) * (logMax - logMin) + logMin)));
  return out;
}

/**
 * Mutator utilization series of a trace file for the flags. A damaged trace
 * keeps the events up to the last Sync before the damage, as go tool trace
 * does; throws the TraceError when there is not even one Sync.
 */
export function readMutatorUtil(file: string, flags: UtilFlags): UtilSeries[] {
  const kept = feed(file, flags, Infinity);
  if (kept.error === null) return kept.builder.finish();
  if (kept.syncEvents === 0) throw kept.error;
  // Events after the last Sync were fed: redo the pass without them (damage is rare; undoing is not simpler).
  const again = kept.events === kept.syncEvents ? kept : feed(file, flags, kept.syncEvents);
  return again.builder.finish();
}

function feed(file: string, flags: UtilFlags, maxEvents: number) {
  const t = openTrace(file);
  const builder = new MutatorUtilBuilder(flags, t.strings);
  let events = 0;
  let syncEvents = 0;
  let error: TraceError | null = null;
  try {
    while (events < maxEvents) {
      const ev = t.events.next();
      if (ev === null) break;
      builder.add(ev);
      events++;
      if (ev.kind === EventKind.Sync) syncEvents = events;
    }
  } catch (e) {
    if (!(e instanceof TraceError)) throw e;
    e.file ??= file;
    error = e;
  } finally {
    t.close();
  }
  return { builder, events, syncEvents, error };
}

/** go tool trace's /mmu?mode=plot for a trace file; null when the trace has no utilization series. */
export function computeMmuPlot(file: string, flags: MmuPlotFlags): MmuPlot | null {
  const series = readMutatorUtil(file, flags);
  return mmuPlot(series, new MmuCurve(series), flags.percentiles);
}

/**
 * go tool trace's /mmu?mode=details&window=…: the 10 disjoint windows of
 * `windowNs` with the lowest utilization, worst first. Times are ns since the
 * trace's first event (Go reports the trace clock's absolute value, and a
 * link into its own trace-viewer split, which we do not have).
 */
export function computeMmuDetails(file: string, flags: UtilFlags, windowNs: number): UtilWindow[] {
  return new MmuCurve(readMutatorUtil(file, flags)).examples(windowNs, DETAIL_WINDOWS);
}
