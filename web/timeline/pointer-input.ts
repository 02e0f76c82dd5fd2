/**
 * Mouse, trackpad and touch on the timeline: wheel zooms at the pointer
 * (pinch too), sideways swipes pan, Shift+wheel scrolls the lanes; drag pans
 * (both axes) or, with Shift, in select mode or on the axis, selects a time
 * range; a click selects the span (or region, CPU sample, log) under the pointer,
 * a double click zooms to it.
 */
import { wheelZoomFactor } from '../state/viewport-math.ts';
import type { TraceSession } from '../state/trace-session.ts';
import type { TimeScale } from '../render/time-scale.ts';
import type { HitTarget } from './hit-target.ts';

export interface PointerHost {
  session: TraceSession;
  scale(): TimeScale;
  /** Hit test at canvas coordinates (null above/below the rows). */
  hit(xPx: number, yPx: number): HitTarget | null;
  scrollBy(dyPx: number): void;
  setHover(xPx: number | null, target: HitTarget | null, clientX: number, clientY: number): void;
  selectSpan(target: HitTarget): void;
  onSelectionEnd(): void;
  redraw(): void;
}

/** Movement (px) below which a press and release is a click, not a drag. */
const CLICK_SLOP_PX = 3;

export function attachPointer(lanes: HTMLElement, axis: HTMLElement, host: PointerHost): () => void {
  const { viewport, ui } = host.session;
  let drag: { mode: 'pan' | 'select'; x0: number; y0: number; lastX: number; lastY: number; t0: number; moved: boolean; id: number } | null = null;
  const local = (el: HTMLElement, e: MouseEvent) => {
    const r = el.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const { x } = local(lanes, e);
    if (e.shiftKey) {
      host.scrollBy(e.deltaY || e.deltaX);
      return;
    }
    if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      viewport.panByPx(-(e.deltaMode === 1 ? e.deltaX * 16 : e.deltaX));
      return;
    }
    viewport.zoomAt(wheelZoomFactor(e.deltaY, e.deltaMode, e.ctrlKey), x);
  };

  const startDrag = (el: HTMLElement, e: PointerEvent, mode: 'pan' | 'select') => {
    if (e.button !== 0) return;
    const { x, y } = local(lanes, e);
    drag = { mode, x0: x, y0: y, lastX: x, lastY: y, t0: host.scale().pxToTime(x), moved: false, id: e.pointerId };
    el.setPointerCapture?.(e.pointerId);
    e.preventDefault();
  };
  const onLanesDown = (e: PointerEvent) => startDrag(lanes, e, e.shiftKey || ui.get().dragMode === 'select' ? 'select' : 'pan');
  const onAxisDown = (e: PointerEvent) => startDrag(axis, e, 'select');

  const onMove = (e: PointerEvent) => {
    const { x, y } = local(lanes, e);
    if (!drag) {
      if (e.currentTarget === lanes) host.setHover(x, host.hit(x, y), e.clientX, e.clientY);
      return;
    }
    if (Math.abs(x - drag.x0) + Math.abs(y - drag.y0) > CLICK_SLOP_PX) drag.moved = true;
    if (drag.mode === 'pan') {
      viewport.panByPx(x - drag.lastX);
      if (y !== drag.lastY) host.scrollBy(drag.lastY - y);
    } else if (drag.moved) {
      const t = host.scale().pxToTime(x);
      ui.update((s) => ({ ...s, selection: { startNs: Math.max(0, Math.min(drag!.t0, t)), endNs: Math.min(viewport.durationNs, Math.max(drag!.t0, t)) } }));
    }
    drag.lastX = x;
    drag.lastY = y;
    host.setHover(drag.mode === 'select' ? x : null, null, e.clientX, e.clientY);
  };

  const onUp = (e: PointerEvent) => {
    if (!drag) return;
    const d = drag;
    drag = null;
    (e.currentTarget as HTMLElement).releasePointerCapture?.(d.id);
    if (d.moved) {
      if (d.mode === 'select') host.onSelectionEnd();
      return;
    }
    if (e.currentTarget !== lanes) return;
    const { x, y } = local(lanes, e);
    const target = host.hit(x, y);
    if (target?.row.kind === 'group' && target.row.group !== undefined) {
      const g = target.row.group;
      ui.update((s) => {
        const next = new Set(s.expandedGroups);
        if (next.has(g)) next.delete(g);
        else next.add(g);
        return { ...s, expandedGroups: next };
      });
      return;
    }
    if (target && (target.item || (target.lane && target.index >= 0 && target.lane.kind === 'spans'))) host.selectSpan(target);
    else if (ui.get().span || ui.get().selection) ui.update((s) => ({ ...s, span: null, selection: null }));
  };

  const onDouble = (e: MouseEvent) => {
    const { x, y } = local(lanes, e);
    const target = host.hit(x, y);
    if (target?.item && target.item.endNs > target.item.startNs) viewport.fit(target.item.startNs, target.item.endNs);
    else if (target?.lane?.kind === 'spans' && target.index >= 0) {
      const a = target.lane.arrays;
      viewport.fit(a.startNs[target.index], a.endNs[target.index]);
    }
  };
  const onLeave = () => {
    if (!drag) host.setHover(null, null, 0, 0);
  };

  lanes.addEventListener('wheel', onWheel, { passive: false });
  axis.addEventListener('wheel', onWheel, { passive: false });
  lanes.addEventListener('pointerdown', onLanesDown);
  axis.addEventListener('pointerdown', onAxisDown);
  for (const el of [lanes, axis]) {
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointercancel', onUp);
  }
  lanes.addEventListener('dblclick', onDouble);
  lanes.addEventListener('pointerleave', onLeave);
  return () => {
    lanes.removeEventListener('wheel', onWheel);
    axis.removeEventListener('wheel', onWheel);
    lanes.removeEventListener('pointerdown', onLanesDown);
    axis.removeEventListener('pointerdown', onAxisDown);
    for (const el of [lanes, axis]) {
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onUp);
    }
    lanes.removeEventListener('dblclick', onDouble);
    lanes.removeEventListener('pointerleave', onLeave);
  };
}
