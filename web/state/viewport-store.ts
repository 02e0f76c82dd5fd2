import { createStore, type Store } from './store.ts';
import { clampViewport, fitRange, panByFraction, panByPx, sameViewport, zoomAt, type Viewport } from './viewport-math.ts';

/**
 * The visible time window, read by the canvas loop on every frame and by the
 * few DOM bits that show it (axis labels, URL). Writes are clamped to the
 * trace. `widthPx` is the width of the timeline canvas in CSS pixels, set by
 * the timeline when it is laid out.
 */
export interface ViewportStore extends Store<Viewport> {
  readonly durationNs: number;
  widthPx: number;
  nsPerPx(): number;
  zoomAt(factor: number, atPx: number): void;
  panByPx(dxPx: number): void;
  panByFraction(fraction: number): void;
  show(startNs: number, endNs: number): void;
  fit(startNs: number, endNs: number): void;
  reset(): void;
}

export function createViewportStore(durationNs: number, initial?: Viewport): ViewportStore {
  const full = clampViewport({ startNs: 0, endNs: durationNs }, durationNs);
  const store = createStore<Viewport>(initial ? clampViewport(initial, durationNs) : full, sameViewport);
  const vs: ViewportStore = {
    ...store,
    durationNs,
    widthPx: 1000,
    set: (v) => store.set(clampViewport(v, durationNs)),
    update: (fn) => store.set(clampViewport(fn(store.get()), durationNs)),
    nsPerPx: () => (store.get().endNs - store.get().startNs) / Math.max(1, vs.widthPx),
    zoomAt: (factor, atPx) => store.set(zoomAt(store.get(), factor, atPx, vs.widthPx, durationNs)),
    panByPx: (dxPx) => store.set(panByPx(store.get(), dxPx, vs.widthPx, durationNs)),
    panByFraction: (f) => store.set(panByFraction(store.get(), f, durationNs)),
    show: (startNs, endNs) => store.set(clampViewport({ startNs, endNs }, durationNs)),
    fit: (startNs, endNs) => store.set(fitRange(startNs, endNs, durationNs)),
    reset: () => store.set(full),
  };
  return vs;
}
