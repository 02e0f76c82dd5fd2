import { describe, expect, it } from 'vitest';
import { clampViewport, fitRange, MIN_SPAN_NS, panByFraction, panByPx, wheelZoomFactor, zoomAt } from '../../web/state/viewport-math.ts';
import { createViewportStore } from '../../web/state/viewport-store.ts';

const D = 1_000_000_000;

describe('viewport zoom and pan', () => {
  it('zooming at the cursor keeps the time under the cursor in place', () => {
    const v = { startNs: 100_000_000, endNs: 300_000_000 };
    const atPx = 250; // of 1000 px: time 150 ms
    const z = zoomAt(v, 0.5, atPx, 1000, D);
    expect(z.endNs - z.startNs).toBeCloseTo(100_000_000, 3);
    expect(z.startNs + (atPx / 1000) * (z.endNs - z.startNs)).toBeCloseTo(150_000_000, 3);
  });

  it('zoom in and back out by the inverse factor returns to the same window', () => {
    const v = { startNs: 100_000_000, endNs: 300_000_000 };
    const back = zoomAt(zoomAt(v, 0.8, 420, 1000, D), 1 / 0.8, 420, 1000, D);
    expect(back.startNs).toBeCloseTo(v.startNs, 3);
    expect(back.endNs).toBeCloseTo(v.endNs, 3);
  });

  it('zoom stops at MIN_SPAN_NS and at the whole trace', () => {
    const tiny = zoomAt({ startNs: 500, endNs: 700 }, 1e-6, 500, 1000, D);
    expect(tiny.endNs - tiny.startNs).toBe(MIN_SPAN_NS);
    const whole = zoomAt({ startNs: 100, endNs: 200_000 }, 1e6, 0, 1000, D);
    expect(whole).toEqual({ startNs: 0, endNs: D });
  });

  it('dragging right shows earlier times and stops at the trace start', () => {
    const v = { startNs: 100_000_000, endNs: 200_000_000 };
    const p = panByPx(v, 100, 1000, D); // 100 px of 1000 = 10 ms
    expect(p.startNs).toBeCloseTo(90_000_000, 3);
    expect(p.endNs - p.startNs).toBeCloseTo(100_000_000, 3);
    expect(panByPx(v, 5000, 1000, D)).toEqual({ startNs: 0, endNs: 100_000_000 });
    expect(panByFraction(v, 100, D)).toEqual({ startNs: D - 100_000_000, endNs: D });
  });

  it('clamping keeps a window inside the trace', () => {
    expect(clampViewport({ startNs: -50, endNs: 150 }, D)).toEqual({ startNs: 0, endNs: 200 });
    expect(clampViewport({ startNs: D - 10, endNs: D + 90 }, D)).toEqual({ startNs: D - 100, endNs: D });
    expect(clampViewport({ startNs: Number.NaN, endNs: Number.NaN }, D).startNs).toBe(0);
  });

  it('a wheel notch zooms by about 1.2× and opposite notches cancel', () => {
    const out = wheelZoomFactor(100, 0, false);
    expect(out).toBeGreaterThan(1.15);
    expect(out).toBeLessThan(1.25);
    expect(out * wheelZoomFactor(-100, 0, false)).toBeCloseTo(1, 9);
    expect(wheelZoomFactor(3, 1, false)).toBeCloseTo(wheelZoomFactor(48, 0, false), 9);
    expect(wheelZoomFactor(-10, 0, true)).toBeLessThan(wheelZoomFactor(-10, 0, false));
  });

  it('zoom to selection leaves a margin around the range', () => {
    const v = fitRange(400_000, 500_000, D);
    expect(v.startNs).toBeCloseTo(395_000, 3);
    expect(v.endNs).toBeCloseTo(505_000, 3);
  });

  it('the store clamps and notifies only on change', () => {
    const s = createViewportStore(D);
    s.widthPx = 1000;
    let n = 0;
    s.subscribe(() => n++);
    s.show(0, D);
    expect(n).toBe(0);
    s.zoomAt(0.5, 500);
    expect(n).toBe(1);
    expect(s.nsPerPx()).toBeCloseTo(D / 2 / 1000, 6);
    s.reset();
    expect(s.get()).toEqual({ startNs: 0, endNs: D });
  });
});
