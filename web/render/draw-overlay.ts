/**
 * What is drawn over the lanes: the selected time range (shaded, with its
 * edges and duration), the selected span's outline, the pointer's time line.
 */
import { formatDurationNs } from './format-time.ts';
import type { TimeScale } from './time-scale.ts';

export interface OverlayState {
  selection: { startNs: number; endNs: number } | null;
  /** Outline of the selected span, in canvas px (null if not on screen). */
  spanBox: { x: number; y: number; w: number; h: number } | null;
  hoverXPx: number | null;
}

export function drawOverlay(ctx: CanvasRenderingContext2D, scale: TimeScale, heightPx: number, o: OverlayState): void {
  if (o.selection) {
    const x0 = scale.timeToPx(o.selection.startNs);
    const x1 = scale.timeToPx(o.selection.endNs);
    const l = Math.max(-1, Math.min(x0, x1));
    const r = Math.min(scale.widthPx + 1, Math.max(x0, x1));
    if (r > 0 && l < scale.widthPx) {
      ctx.fillStyle = 'rgba(40, 110, 220, 0.12)';
      ctx.fillRect(l, 0, r - l, heightPx);
      ctx.fillStyle = 'rgba(40, 110, 220, 0.8)';
      ctx.fillRect(Math.round(l), 0, 1, heightPx);
      ctx.fillRect(Math.round(r) - 1, 0, 1, heightPx);
      const text = formatDurationNs(Math.abs(o.selection.endNs - o.selection.startNs));
      ctx.font = 'bold 11px system-ui, sans-serif';
      const w = ctx.measureText(text).width + 8;
      const mid = Math.min(scale.widthPx - w, Math.max(0, (l + r) / 2 - w / 2));
      ctx.fillStyle = 'rgba(40, 110, 220, 0.9)';
      ctx.fillRect(mid, 2, w, 16);
      ctx.fillStyle = '#fff';
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';
      ctx.fillText(text, mid + 4, 10);
    }
  }
  if (o.spanBox) {
    const b = o.spanBox;
    ctx.strokeStyle = '#111';
    ctx.lineWidth = 2;
    ctx.strokeRect(Math.round(b.x) - 1, Math.round(b.y) + 1, Math.max(2, Math.round(b.w) + 2), b.h - 2);
  }
  if (o.hoverXPx !== null) {
    ctx.fillStyle = 'rgba(20, 20, 20, 0.35)';
    ctx.fillRect(Math.round(o.hoverXPx), 0, 1, heightPx);
  }
}
