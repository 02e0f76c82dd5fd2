/**
 * The time axis (ticks and labels on its own strip) and the matching faint
 * grid lines across the lanes.
 */
import { timeTicks, type TimeScale } from './time-scale.ts';

export const AXIS_HEIGHT_PX = 24;
const AXIS_FONT = '11px system-ui, -apple-system, "Segoe UI", sans-serif';

export function drawAxis(ctx: CanvasRenderingContext2D, scale: TimeScale, heightPx = AXIS_HEIGHT_PX): void {
  ctx.fillStyle = '#f6f7f9';
  ctx.fillRect(0, 0, scale.widthPx, heightPx);
  ctx.fillStyle = '#c9ced6';
  ctx.fillRect(0, heightPx - 1, scale.widthPx, 1);
  ctx.font = AXIS_FONT;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.fillStyle = '#3a4048';
  const ticks = timeTicks(scale);
  ctx.beginPath();
  for (const t of ticks) {
    const x = Math.round(t.xPx) + 0.5;
    ctx.moveTo(x, heightPx - 7);
    ctx.lineTo(x, heightPx);
  }
  ctx.strokeStyle = '#8a929c';
  ctx.lineWidth = 1;
  ctx.stroke();
  for (const t of ticks) {
    if (t.xPx + 3 > scale.widthPx - 20) continue;
    ctx.fillText(t.label, Math.round(t.xPx) + 3, 4);
  }
}

export function drawGrid(ctx: CanvasRenderingContext2D, scale: TimeScale, heightPx: number): void {
  ctx.beginPath();
  for (const t of timeTicks(scale)) {
    const x = Math.round(t.xPx) + 0.5;
    ctx.moveTo(x, 0);
    ctx.lineTo(x, heightPx);
  }
  ctx.strokeStyle = 'rgba(60, 70, 80, 0.08)';
  ctx.lineWidth = 1;
  ctx.stroke();
}
