/**
 * Flow arrows over the lanes, batched by kind: one path of shafts and one of
 * heads per colour, so a thousand arrows cost a few canvas calls. The shafts
 * are drawn with a white halo first, so an arrow stays visible across spans
 * of its own colour. Ends cut at the top or bottom edge get no head.
 */
import type { FlowKind } from '../../shared/flow-api.ts';
import { arrowHead, type ArrowSegment } from './flow-geometry.ts';

/** One colour per kind, apart from the state and group colours of the lanes below. */
export const FLOW_COLOURS: Record<FlowKind, string> = {
  create: '#00695c',
  unblock: '#1a237e',
  syscall: '#6a1b9a',
  task: '#111111',
};

const HEAD_PX = 7;

export function drawFlows(ctx: CanvasRenderingContext2D, segments: readonly ArrowSegment[]): void {
  if (segments.length === 0) return;
  ctx.save();
  ctx.lineCap = 'round';
  // Halo: a wider light line under every shaft.
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.7)';
  ctx.lineWidth = 3;
  ctx.beginPath();
  for (const s of segments) {
    ctx.moveTo(s.x0, s.y0);
    ctx.lineTo(s.x1, s.y1);
  }
  ctx.stroke();
  ctx.lineWidth = 1.25;
  for (const kind of Object.keys(FLOW_COLOURS) as FlowKind[]) {
    const colour = FLOW_COLOURS[kind];
    ctx.strokeStyle = colour;
    ctx.fillStyle = colour;
    ctx.beginPath();
    let any = false;
    for (const s of segments) {
      if (s.kind !== kind) continue;
      ctx.moveTo(s.x0, s.y0);
      ctx.lineTo(s.x1, s.y1);
      any = true;
    }
    if (!any) continue;
    ctx.stroke();
    ctx.beginPath();
    for (const s of segments) {
      if (s.kind !== kind) continue;
      if (!s.tailInView) continue;
      // The cause: a small dot where the arrow leaves its row.
      ctx.moveTo(s.x0 + 2, s.y0);
      ctx.arc(s.x0, s.y0, 2, 0, Math.PI * 2);
    }
    for (const s of segments) {
      if (s.kind !== kind || !s.headInView) continue;
      const [ax, ay, bx, by] = arrowHead(s, HEAD_PX);
      ctx.moveTo(s.x1, s.y1);
      ctx.lineTo(ax, ay);
      ctx.lineTo(bx, by);
      ctx.closePath();
    }
    ctx.fill();
  }
  ctx.restore();
}
