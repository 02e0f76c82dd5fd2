import { describe, expect, it } from 'vitest';
import { formatBytes, formatDurationNs, formatPercent, formatTickNs, formatTimestampNs } from '../../web/render/format-time.ts';
import { createTimeScale, timeTicks } from '../../web/render/time-scale.ts';

describe('time scale', () => {
  it('maps the window onto the canvas width and back', () => {
    const s = createTimeScale(1_000, 3_000, 1000);
    expect(s.nsPerPx).toBe(2);
    expect(s.timeToPx(1_000)).toBe(0);
    expect(s.timeToPx(3_000)).toBe(1000);
    expect(s.timeToPx(2_000)).toBe(500);
    expect(s.pxToTime(250)).toBe(1_500);
    expect(s.durationToPx(400)).toBe(200);
  });

  it('ticks are round times about 110 px apart, inside the window', () => {
    const s = createTimeScale(0, 1.23e9, 1200);
    const ticks = timeTicks(s);
    expect(ticks.length).toBeGreaterThanOrEqual(5);
    expect(ticks.length).toBeLessThanOrEqual(20);
    for (const t of ticks) {
      expect(t.timeNs).toBeGreaterThanOrEqual(0);
      expect(t.timeNs).toBeLessThanOrEqual(1.23e9);
    }
    expect(ticks.map((t) => t.label).slice(0, 3)).toEqual(['0', '100 ms', '200 ms']);
  });

  it('tick labels deep in a zoom keep enough decimals to differ', () => {
    const s = createTimeScale(1_234_560_000, 1_234_570_000, 1000); // 10 µs window at 1.23 s
    const labels = timeTicks(s).map((t) => t.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels[0]).toMatch(/^1\.23456\d* s$/);
  });
});

describe('time formatting', () => {
  it('durations get three significant digits and a unit', () => {
    expect(formatDurationNs(0)).toBe('0 ns');
    expect(formatDurationNs(850)).toBe('850 ns');
    expect(formatDurationNs(1_234)).toBe('1.23 µs');
    expect(formatDurationNs(45_600_000)).toBe('45.6 ms');
    expect(formatDurationNs(123_400_000)).toBe('123 ms');
    expect(formatDurationNs(12_300_000_000)).toBe('12.3 s');
  });

  it('tick labels take the unit of the time and the decimals of the step', () => {
    expect(formatTickNs(0, 100)).toBe('0');
    expect(formatTickNs(200_000_000, 100_000_000)).toBe('200 ms');
    expect(formatTickNs(1_500_000_000, 500_000_000)).toBe('1.5 s');
    expect(formatTickNs(1_234_560_000, 10_000)).toBe('1.23456 s');
    expect(formatTickNs(2_500, 500)).toBe('2.5 µs');
  });

  it('timestamps are precise to the nanosecond', () => {
    expect(formatTimestampNs(1_234_567_891)).toBe('1.234567891 s');
    expect(formatTimestampNs(12_345)).toBe('12.345 µs');
    expect(formatTimestampNs(999)).toBe('999 ns');
  });

  it('bytes and percentages', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MiB');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0.0123)).toBe('1.2%');
  });
});

describe('MMU chart helpers', async () => {
  const { nearestPoint } = await import('../../web/pages/mmu-chart.tsx');
  it('picks the curve point nearest in log scale', () => {
    const curve = [[1e3, 0], [1e4, 0.2], [1e5, 0.5], [1e6, 0.9]];
    expect(nearestPoint(curve, 2e3)).toBe(0);
    expect(nearestPoint(curve, 5e3)).toBe(1);
    expect(nearestPoint(curve, 9e5)).toBe(3);
    expect(nearestPoint([], 10)).toBe(-1);
  });
});

describe('MMU answers', async () => {
  const { mmuSeriesNames, normalizeMmuWindows } = await import('../../web/pages/mmu-data.ts');
  it('names the curve columns with or without the MMU as quantile 0', () => {
    expect(mmuSeriesNames([[1, 0.5]], null)).toEqual(['MMU']);
    expect(mmuSeriesNames([[1, 0.5, 0.6, 0.7, 0.8]], [0, 0.001, 0.01, 0.05])).toEqual(['MMU', '99.9th percentile MU', '99th percentile MU', '95th percentile MU']);
    expect(mmuSeriesNames([[1, 0.5, 0.6]], [0.01])).toEqual(['MMU', '99th percentile MU']);
  });

  it('reads worst windows in the contract shape and in Go\'s', () => {
    expect(normalizeMmuWindows([{ startNs: 5, durationNs: 10, util: 0.25 }], 99)).toEqual([{ startNs: 5, durationNs: 10, util: 0.25 }]);
    expect(normalizeMmuWindows({ windows: [{ timeNs: 7, mutatorUtil: 0.5 }] }, 99)).toEqual([{ startNs: 7, durationNs: 99, util: 0.5 }]);
    expect(normalizeMmuWindows(null, 1)).toEqual([]);
  });
});
