/**
 * The imperative half of the timeline: owns the canvases, the frame loop and
 * the input handlers, and redraws when the viewport, the layout, the
 * selection, the scroll position or the data change. React mounts it once
 * (TimelineView) and never re-renders for a pan or a zoom.
 */
import { quantizeNsPerPx } from '../data/chunk-window.ts';
import { AXIS_HEIGHT_PX, drawAxis } from '../render/draw-axis.ts';
import { FrameLoop } from '../render/frame-loop.ts';
import { measureCharWidth } from '../render/label-list.ts';
import { reasonColours } from '../render/palette.ts';
import { createTimeScale, type TimeScale } from '../render/time-scale.ts';
import type { Store } from '../state/store.ts';
import type { TraceSession } from '../state/trace-session.ts';
import { FrameDrawer } from './draw-frame.ts';
import { FlowOverlay } from './flow-overlay.ts';
import { hitTarget, type HitTarget } from './hit-target.ts';
import { attachKeyboard } from './keyboard-input.ts';
import { attachPointer } from './pointer-input.ts';

export interface TimelineElements {
  canvas: HTMLCanvasElement;
  axis: HTMLCanvasElement;
  /** The vertically scrolling element (its scrollTop is the lanes' offset). */
  scroller: HTMLElement;
  /** The sticky frame holding headers and canvas: sized to the scroller's visible height. */
  frame: HTMLElement;
  tooltip: HTMLElement;
}

/** How long the view must hold still before new chunks are asked for (ms), when something is already drawn. */
const SETTLE_MS = 60;

export class TimelineController {
  readonly loop: FrameLoop;
  private readonly drawer: FrameDrawer;
  readonly flows: FlowOverlay;
  /** The visible lanes of the last frame with flows on, and when they changed (flows are asked for once they hold still). */
  private flowLaneKey = '';
  private flowLanesChangedMs = -Infinity;
  private readonly detach: (() => void)[] = [];
  private widthPx = 0;
  private heightPx = 0;
  private dpr = 1;
  private hoverXPx: number | null = null;
  private pointerXPx: number | null = null;
  private lastViewChangeMs = -Infinity;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  /** performance.now() of the first frame drawn with data for every visible lane. */
  firstCompleteFrameMs: number | null = null;
  firstFrameMs: number | null = null;
  lastMissing = 0;

  constructor(
    readonly session: TraceSession,
    private readonly el: TimelineElements,
    /** scrollTop and height of the lanes area, for the DOM lane headers. */
    readonly scrollState: Store<{ topPx: number; heightPx: number }>,
  ) {
    this.drawer = new FrameDrawer(session, reasonColours(session.summary.reasons));
    this.flows = new FlowOverlay(session);
    this.loop = new FrameLoop(() => this.draw());
    const request = () => this.loop.request();
    this.detach.push(
      session.viewport.subscribe(() => {
        this.lastViewChangeMs = performance.now();
        request();
      }),
      session.ui.subscribe(request),
      session.layout.subscribe(request),
      session.directory.subscribe(request),
    );
    session.onData.add(request);
    this.detach.push(() => session.onData.delete(request));
    const onScroll = () => {
      this.scrollState.set({ topPx: el.scroller.scrollTop, heightPx: this.heightPx });
      request();
    };
    el.scroller.addEventListener('scroll', onScroll, { passive: true });
    this.detach.push(() => el.scroller.removeEventListener('scroll', onScroll));
    const ro = new ResizeObserver(() => this.resize());
    ro.observe(el.scroller);
    ro.observe(el.canvas.parentElement ?? el.canvas);
    this.detach.push(() => ro.disconnect());
    this.detach.push(
      attachPointer(el.canvas, el.axis, {
        session,
        scale: () => this.scale(),
        hit: (x, y) => this.hit(x, y),
        scrollBy: (dy) => this.scrollBy(dy),
        setHover: (x, target, cx, cy) => this.setHover(x, target, cx, cy),
        selectSpan: (t) => this.selectSpan(t),
        onSelectionEnd: () => session.details.loadRange(session.ui.get().selection),
        redraw: request,
      }),
      attachKeyboard({ session, pointerXPx: () => this.pointerXPx, scrollBy: (dy) => this.scrollBy(dy), pageHeightPx: () => this.heightPx * 0.9 }),
    );
    const ctx = el.canvas.getContext('2d');
    if (ctx) measureCharWidth(ctx);
    this.resize();
  }

  scale(): TimeScale {
    const v = this.session.viewport.get();
    return createTimeScale(v.startNs, v.endNs, this.widthPx);
  }

  private resize(): void {
    // The frame is sticky inside a spacer as tall as all rows (millions of px): give it the visible height.
    const visibleHeight = `${Math.max(1, this.el.scroller.clientHeight)}px`;
    if (this.el.frame.style.height !== visibleHeight) this.el.frame.style.height = visibleHeight;
    const host = this.el.canvas.parentElement ?? this.el.canvas;
    const w = Math.max(1, Math.floor(host.clientWidth));
    const h = Math.max(1, Math.floor(host.clientHeight));
    const dpr = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
    if (w === this.widthPx && h === this.heightPx && dpr === this.dpr) return;
    this.widthPx = w;
    this.heightPx = h;
    this.dpr = dpr;
    this.session.viewport.widthPx = w;
    for (const [c, ch] of [
      [this.el.canvas, h],
      [this.el.axis, AXIS_HEIGHT_PX],
    ] as const) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(ch * dpr);
      c.style.width = `${w}px`;
      c.style.height = `${ch}px`;
    }
    this.scrollState.set({ topPx: this.el.scroller.scrollTop, heightPx: h });
    this.loop.runNow();
  }

  private draw(): void {
    const ctx = this.el.canvas.getContext('2d');
    const axisCtx = this.el.axis.getContext('2d');
    if (!ctx || !axisCtx || this.widthPx <= 1) return;
    const { session } = this;
    const scale = this.scale();
    const top = this.el.scroller.scrollTop;
    const rows = session.layout.get().rowsIn(top, top + this.heightPx);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    axisCtx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    const ui = session.ui.get();
    const layout = session.layout.get();
    const drawOverLanes = ui.flows ? (c: CanvasRenderingContext2D) => this.flows.draw(c, scale, layout, top, this.heightPx) : undefined;
    if (!ui.flows) this.flows.clear();
    const result = this.drawer.draw({ ctx, session, scale, rows, scrollTopPx: top, heightPx: this.heightPx, overlay: { selection: ui.selection, hoverXPx: this.hoverXPx }, drawOverLanes });
    drawAxis(axisCtx, scale);
    if (ui.selection) {
      const x0 = scale.timeToPx(ui.selection.startNs);
      const x1 = scale.timeToPx(ui.selection.endNs);
      axisCtx.fillStyle = 'rgba(40, 110, 220, 0.25)';
      axisCtx.fillRect(x0, 0, Math.max(1, x1 - x0), AXIS_HEIGHT_PX);
    }
    this.lastMissing = result.missing;
    const now = performance.now();
    this.firstFrameMs ??= now;
    if (result.missing === 0 && result.laneIds.length > 0) this.firstCompleteFrameMs ??= now;
    // Ask for data: right away when lanes have nothing to show, else once the view holds still.
    const settled = now - this.lastViewChangeMs >= SETTLE_MS;
    if (settled || result.missing > 0) session.cache.ensure(result.laneIds, scale.startNs, scale.endNs, this.widthPx);
    else if (!this.settleTimer) {
      this.settleTimer = setTimeout(() => {
        this.settleTimer = null;
        this.loop.request();
      }, SETTLE_MS);
    }
    if (ui.flows) this.ensureFlows(result.laneIds, scale, now, settled);
    session.loading.set(session.cache.pending > 0 || (ui.flows && session.flows.pending));
  }

  /** Flow arrows are asked for once the view and the visible lanes (vertical scrolling) have held still. */
  private ensureFlows(laneIds: string[], scale: TimeScale, now: number, settled: boolean): void {
    const key = laneIds.join(',');
    if (key !== this.flowLaneKey) {
      this.flowLaneKey = key;
      this.flowLanesChangedMs = now;
    }
    if (settled && now - this.flowLanesChangedMs >= SETTLE_MS) this.flows.ensure(laneIds, scale);
    else if (!this.settleTimer) {
      this.settleTimer = setTimeout(() => {
        this.settleTimer = null;
        this.loop.request();
      }, SETTLE_MS);
    }
  }

  hit(xPx: number, yPx: number): HitTarget | null {
    const y = this.el.scroller.scrollTop + yPx;
    const row = this.session.layout.get().rowAt(y);
    return row ? hitTarget(this.session, this.scale(), row, xPx, y - row.yPx) : null;
  }

  scrollBy(dyPx: number): void {
    this.el.scroller.scrollTop += dyPx;
  }

  /** Scrolls so that a row whose top is at yPx (layout coordinates) is in view. */
  scrollToRow(yPx: number): void {
    const s = this.el.scroller;
    if (yPx < s.scrollTop || yPx > s.scrollTop + this.heightPx - 40) s.scrollTop = Math.max(0, yPx - this.heightPx / 3);
  }

  private setHover(xPx: number | null, target: HitTarget | null, clientX: number, clientY: number): void {
    this.hoverXPx = xPx;
    this.pointerXPx = xPx;
    const tip = this.el.tooltip;
    if (target && target.text) {
      tip.textContent = target.text;
      tip.style.display = 'block';
      const host = this.el.canvas.getBoundingClientRect();
      const x = Math.min(clientX - host.left + 14, this.widthPx - tip.offsetWidth - 4);
      tip.style.transform = `translate(${Math.max(0, x)}px, ${clientY - host.top + 16}px)`;
    } else tip.style.display = 'none';
    this.loop.request();
  }

  private selectSpan(t: HitTarget): void {
    if (t.item && t.laneId) {
      const { kind, row, startNs, endNs, count, text } = t.item;
      this.session.ui.update((s) => ({ ...s, span: { lane: t.laneId!, timeNs: startNs, startNs, endNs, count, text, item: { kind, row } } }));
      return;
    }
    if (!t.lane || !t.laneId) return;
    const a = t.lane.arrays;
    const i = t.index;
    const startNs = a.startNs[i];
    const endNs = a.endNs[i];
    // Ask the server about a time inside the span (the middle of a merged one).
    const timeNs = Math.min(endNs, Math.max(startNs, (a.count?.[i] ?? 1) > 1 ? t.timeNs : (startNs + endNs) / 2));
    this.session.ui.update((s) => ({ ...s, span: { lane: t.laneId!, timeNs, startNs, endNs, count: a.count?.[i] ?? 1, text: t.text } }));
  }

  /** Data for the debug hook. */
  debugInfo(): { nsPerPx: number; missing: number; widthPx: number; heightPx: number } {
    return { nsPerPx: quantizeNsPerPx(this.scale().nsPerPx), missing: this.lastMissing, widthPx: this.widthPx, heightPx: this.heightPx };
  }

  dispose(): void {
    this.loop.stop();
    if (this.settleTimer) clearTimeout(this.settleTimer);
    for (const d of this.detach) d();
  }
}
