import { describe, expect, it } from 'vitest';
import { clipSeries } from '../../server/model/mmu/clip-series.ts';
import { MmuCurve } from '../../server/model/mmu/mmu-curve.ts';
import type { UtilSeries } from '../../server/model/mmu/mutator-util.ts';

const series = (points: [number, number][]): UtilSeries => ({ timeNs: Float64Array.from(points.map((p) => p[0])), util: Float64Array.from(points.map((p) => p[1])) });
// Mutator until 100, a 100 ns pause, mutator again until the end at 1000.
const pause = series([
  [0, 1],
  [100, 0],
  [200, 1],
  [1000, 0],
]);

describe('clipSeries', () => {
  it('clipping to the whole extent changes nothing', () => {
    const [c] = clipSeries([pause], 0, 1000);
    expect([...c.timeNs]).toEqual([...pause.timeNs]);
    expect([...c.util]).toEqual([...pause.util]);
  });

  it('a window that starts inside the pause starts with utilization 0 and ends with the end marker', () => {
    const [c] = clipSeries([pause], 150, 400);
    expect([...c.timeNs]).toEqual([150, 200, 400]);
    expect([...c.util]).toEqual([0, 1, 0]);
    const curve = new MmuCurve([c]);
    expect(curve.mmu(50)).toBe(0);
    // The only 250 ns window is the whole clip: 50 ns paused, 200 ns mutator.
    expect(curve.mmu(250)).toBeCloseTo(0.8, 12);
  });

  it('a window after the pause has MMU 1, where the whole trace has 0', () => {
    expect(new MmuCurve([pause]).mmu(50)).toBe(0);
    expect(new MmuCurve(clipSeries([pause], 300, 900)).mmu(50)).toBe(1);
  });

  it('series outside the window and empty windows are dropped', () => {
    const early = series([
      [0, 1],
      [50, 0],
    ]);
    expect(clipSeries([early, pause], 100, 300)).toHaveLength(1);
    expect(clipSeries([pause], 500, 500)).toHaveLength(0);
  });
});
