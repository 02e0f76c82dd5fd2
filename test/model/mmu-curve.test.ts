import { describe, expect, it } from 'vitest';
import { MmuCurve } from '../../server/model/mmu/mmu-curve.ts';
import { mmuPlot, plotWindowsNs } from '../../server/model/mmu/mmu-plot.ts';
import type { UtilSeries } from '../../server/model/mmu/mutator-util.ts';

const MS = 1e6;

/** A utilization step function from [timeNs, util] points (the last point ends it). */
function series(points: [number, number][]): UtilSeries {
  return { timeNs: Float64Array.from(points, (p) => p[0]), util: Float64Array.from(points, (p) => p[1]) };
}

/** 1 s of full utilization but for a 100 ms pause at 450–550 ms. */
const pause = series([
  [0, 1],
  [450 * MS, 0],
  [550 * MS, 1],
  [1000 * MS, 0],
]);

/** Brute-force MMU: the minimum is reached with an edge of the window on a change point; try them all. */
function bruteMmu(s: UtilSeries, window: number): number {
  const t0 = s.timeNs[0];
  const end = s.timeNs[s.timeNs.length - 1];
  const starts = new Set<number>();
  for (const c of s.timeNs) for (const start of [c, c - window]) if (start >= t0 && start + window <= end) starts.add(start);
  const edges = [...new Set([...starts].flatMap((x) => [x, x + window]))].sort((a, b) => a - b);
  // One scan for all edges: the integral at each sorted edge time.
  const at = new Map<number, number>();
  let i = 0;
  let acc = 0;
  let prev = t0;
  for (const e of edges) {
    while (i + 1 < s.timeNs.length && s.timeNs[i + 1] <= e) {
      acc += s.util[i] * (s.timeNs[i + 1] - prev);
      prev = s.timeNs[++i];
    }
    at.set(e, acc + s.util[i] * (e - prev));
  }
  let min = 1;
  for (const x of starts) min = Math.min(min, (at.get(x + window)! - at.get(x)!) / window);
  return min;
}

describe('MMU curve on hand-made utilization', () => {
  const curve = new MmuCurve([pause]);

  it('a 100 ms pause in 1 s gives MMU 0 for windows up to 100 ms', () => {
    expect(curve.mmu(50 * MS)).toBe(0);
    expect(curve.mmu(100 * MS)).toBe(0);
  });

  it('a 200 ms window over the 100 ms pause is half mutator', () => {
    expect(curve.mmu(200 * MS)).toBe(0.5);
    expect(curve.mmu(150 * MS)).toBe(50 / 150);
  });

  it('a window of the whole second sees 10 % GC, and a longer one is clamped to the trace', () => {
    expect(curve.mmu(1000 * MS)).toBe(0.9);
    expect(curve.mmu(5000 * MS)).toBe(0.9);
  });

  it('an empty window has MMU 0, as in Go', () => {
    expect(curve.mmu(0)).toBe(0);
  });

  it('fractional system utilization: a 200 ns half-utilization stretch', () => {
    const c = new MmuCurve([series([[0, 1], [100, 0.5], [300, 1], [1000, 0]])]);
    expect(c.mmu(200)).toBe(0.5);
    expect(c.mmu(400)).toBe(0.75);
  });

  it('per-P series: the MMU is the worst P, not the average', () => {
    const busy = series([[0, 1], [1000 * MS, 0]]);
    expect(new MmuCurve([busy, pause]).mmu(200 * MS)).toBe(0.5);
    expect(new MmuCurve([busy]).mmu(200 * MS)).toBe(1);
  });

  it('band pruning finds the brute-force minimum on 5000 random steps', () => {
    // More points than Go's 1000 bands, so most windows are ruled out by band bounds.
    let seed = 1;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const pts: [number, number][] = [];
    let t = 0;
    for (let i = 0; i < 5000; i++) {
      pts.push([t, rnd() < 0.3 ? Math.floor(rnd() * 4) / 4 : 1]);
      t += 1 + Math.floor(rnd() * 2000);
    }
    pts.push([t, 0]);
    const s = series(pts);
    const c = new MmuCurve([s]);
    for (const w of [50, 700, 5000, 40_000, 300_000]) expect(c.mmu(w), `window ${w}`).toBeCloseTo(bruteMmu(s, w), 12);
  });
});

describe('worst windows (mode=details)', () => {
  const curve = new MmuCurve([pause]);

  it('the worst 200 ms window covers the whole pause', () => {
    const [w] = curve.examples(200 * MS, 1);
    expect(w.mutatorUtil).toBe(0.5);
    expect(w.timeNs).toBeGreaterThanOrEqual(350 * MS);
    expect(w.timeNs).toBeLessThanOrEqual(450 * MS);
  });

  it('the worst windows are disjoint, worst first', () => {
    const ws = curve.examples(50 * MS, 10);
    expect(ws.length).toBeGreaterThanOrEqual(2);
    expect(ws.slice(0, 2).map((w) => w.mutatorUtil)).toEqual([0, 0]);
    for (let i = 1; i < ws.length; i++) expect(ws[i].mutatorUtil).toBeGreaterThanOrEqual(ws[i - 1].mutatorUtil);
    const starts = ws.map((w) => w.timeNs).sort((a, b) => a - b);
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(50 * MS);
  });

  it('an empty window has no examples', () => {
    expect(curve.examples(0, 10)).toEqual([]);
  });
});

describe('MUD quantiles', () => {
  // Utilization 0 for 100 ns, then 1 until 1000 ns. 100 ns windows: the mean rises linearly from 0 to 1 over the
  // first 100 ns of window positions and stays 1 for the other 800, so quantile q (of 900 ns) is at 9q.
  const ramp = new MmuCurve([series([[0, 0], [100, 1], [1000, 0]])]);
  const qs = [0, 0.001, 0.01, 0.05];

  it("go mode reproduces go tool trace: every quantile is the MMU (Go's distribution is never filled)", () => {
    expect(ramp.mud(100, qs)).toEqual([0, 0, 0, 0]);
    expect(new MmuCurve([pause]).mud(200 * MS, qs)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('distribution mode gives the real percentiles of a linear ramp', () => {
    const got = ramp.mud(100, qs, 'distribution');
    [0, 0.009, 0.09, 0.45].forEach((want, i) => expect(got[i], `q=${qs[i]}`).toBeCloseTo(want, 12));
  });

  it('no quantiles, no answer', () => {
    expect(ramp.mud(100, [])).toEqual([]);
  });
});

describe('MMU plot', () => {
  it('no series (no GOMAXPROCS metric): no plot, where go tool trace panics', () => {
    expect(mmuPlot([], new MmuCurve([]), false)).toBeNull();
  });

  it('x range: 1 ms when a 1 ms window can be all GC, 100 log-spaced windows up to the trace length', () => {
    const p = mmuPlot([pause], new MmuCurve([pause]), false)!;
    // MMU(1 s) = 0.9 is not < 1e-4, MMU(1 ms) = 0 is: start at 1 ms; 1 ms × 10^6 is capped at the 1 s trace.
    expect(p.xMinNs).toBe(MS);
    expect(p.xMaxNs).toBe(1000 * MS);
    expect(p.curve).toHaveLength(100);
    expect(p.quantiles).toBeNull();
    // Go's Exp lands an ulp below both ends: its windows are 999 999 ns … 999 999 999 ns.
    expect(p.curve[0]).toEqual([999_999, 0]);
    expect(p.curve[99]).toEqual([999_999_999, 0.8999999999]);
  });

  it("window sizes are truncated from Go's Exp, which differs from Math.exp in the last bit", () => {
    // Values from go1.26 on amd64 (math.Exp/Log; FMA path). Math.exp gives 100019.99999999999 → 100019 for the first.
    expect(plotWindowsNs(1000, 100_020)[99]).toBe(100_020);
    expect(plotWindowsNs(1000, 100_125)[99]).toBe(100_124);
    expect(plotWindowsNs(1000, 100_125)[0]).toBe(999);
  });

  it('with percentiles each point has the MMU then the 99.9th, 99th and 95th percentile', () => {
    const p = mmuPlot([pause], new MmuCurve([pause]), true)!;
    expect(p.quantiles).toEqual([0, 0.001, 0.01, 0.05]);
    expect(p.curve.every((pt) => pt.length === 5)).toBe(true);
  });
});
