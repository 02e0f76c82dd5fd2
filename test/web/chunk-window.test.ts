import { describe, expect, it } from 'vitest';
import { chooseLayers } from '../../web/data/chunk-layers.ts';
import { covers, fetchWindow, MAX_WINDOW_PX, neededRange, quantizeNsPerPx, TILE_PX, windowKey } from '../../web/data/chunk-window.ts';

const D = 1_231_419_521;

describe('chunk window quantization', () => {
  it('resolution is a power of two ns per pixel, at least 1', () => {
    expect(quantizeNsPerPx(0.3)).toBe(1);
    expect(quantizeNsPerPx(1)).toBe(1);
    expect(quantizeNsPerPx(1000)).toBe(1024);
    expect(quantizeNsPerPx(1400)).toBe(1024);
    expect(quantizeNsPerPx(1500)).toBe(2048);
    for (const x of [3, 77, 5e5, 1.3e9]) expect(Math.log2(quantizeNsPerPx(x)) % 1).toBe(0);
  });

  it('the window pads the view by one view width each side, on the tile grid', () => {
    const w = fetchWindow(400_000_000, 500_000_000, 1000, D);
    const tileNs = TILE_PX * w.nsPerPx;
    expect(w.startNs % tileNs).toBe(0);
    expect(w.startNs).toBeLessThanOrEqual(300_000_000);
    expect(w.endNs).toBeGreaterThanOrEqual(600_000_000);
    expect((w.endNs - w.startNs) / w.nsPerPx).toBeLessThanOrEqual(MAX_WINDOW_PX);
  });

  it('small pans give the same window, so the cache key repeats', () => {
    const a = fetchWindow(400_000_000, 500_000_000, 1000, D);
    const b = fetchWindow(400_050_000, 500_050_000, 1000, D);
    expect(windowKey(b)).toBe(windowKey(a));
  });

  it('the whole trace at full zoom-out is one window from 0', () => {
    const w = fetchWindow(0, D, 1400, D);
    expect(w.startNs).toBe(0);
    expect(w.endNs).toBeGreaterThanOrEqual(D);
    expect(covers(w, neededRange(0, D, D))).toBe(true);
  });

  it('a very wide canvas still asks for at most MAX_WINDOW_PX pixels', () => {
    const w = fetchWindow(300_000_000, 500_000_000, 6000, D);
    expect((w.endNs - w.startNs) / w.nsPerPx).toBeLessThanOrEqual(MAX_WINDOW_PX);
    expect(w.startNs).toBeLessThanOrEqual(300_000_000);
    expect(w.endNs).toBeGreaterThanOrEqual(500_000_000);
  });

  it('a fresh window covers what the view needs', () => {
    for (const [s, e] of [
      [0, 1000],
      [123_456, 9_999_999],
      [600_000_000, 700_000_000],
      [D - 5_000_000, D],
    ]) {
      const w = fetchWindow(s, e, 1200, D);
      expect(covers(w, neededRange(s, e, D))).toBe(true);
    }
  });
});

describe('chunk layers', () => {
  const piece = (startNs: number, endNs: number, nsPerPx: number) => ({ startNs, endNs, nsPerPx });

  it('the exact resolution wins where it is loaded, coarser data fills the gaps', () => {
    const exact = piece(100, 200, 4);
    const coarse = piece(0, 1000, 64);
    const layers = chooseLayers([coarse, exact], 50, 250, 4);
    expect(layers.map((l) => [l.piece.nsPerPx, l.clipStartNs, l.clipEndNs])).toEqual([
      [4, 100, 200],
      [64, 50, 100],
      [64, 200, 250],
    ]);
  });

  it('finer data is preferred over coarser at the same distance', () => {
    const layers = chooseLayers([piece(0, 100, 16), piece(0, 100, 4)], 0, 100, 8);
    expect(layers).toHaveLength(1);
    expect(layers[0].piece.nsPerPx).toBe(4);
  });

  it('nothing loaded over the view gives no layers', () => {
    expect(chooseLayers([piece(0, 10, 1)], 20, 30, 1)).toEqual([]);
  });
});
