/**
 * Spans lanes (goroutine, proc, thread and GC lanes) into the frame's rect
 * batch and label list. Spans are clipped to the layer's time range, snapped
 * to whole pixels and at least one pixel wide; exact spans wider than 4 px
 * keep a 1 px gap on their right so neighbours of one colour stay apart.
 */
import type { LaneChunk } from '../../shared/chunk-codec.ts';
import { SPAN_STATE_NAMES, SpanState } from '../../shared/states.ts';
import { firstSpanEndingAfter } from './hit-test.ts';
import type { LabelList } from './label-list.ts';
import { MIN_LABEL_PX } from './label-list.ts';
import { spanColour, textColourOn } from './palette.ts';
import type { RectBatch } from './rect-batch.ts';
import type { TimeScale } from './time-scale.ts';

export interface SpanLaneContext {
  scale: TimeScale;
  batch: RectBatch;
  labels: LabelList;
  /** summary.reasons and their colours (goroutine lanes). */
  reasons: readonly string[];
  reasonColours: readonly string[];
  /** summary.groups names (proc/thread lanes label spans "G12 main.worker"). */
  groupNames: readonly string[];
}

const textColours = new Map<string, string>();
function textOn(colour: string): string {
  let t = textColours.get(colour);
  if (!t) {
    t = textColourOn(colour);
    textColours.set(colour, t);
  }
  return t;
}

function spanLabel(c: SpanLaneContext, lane: LaneChunk, i: number, state: number): string {
  const a = lane.arrays;
  if (a.goroutine) {
    const g = a.goroutine[i];
    if (g < 0) return '';
    const name = a.group ? (c.groupNames[a.group[i]] ?? '') : '';
    return state === SpanState.ExecutingSyscall ? `G${g} syscall` : `G${g} ${name}`;
  }
  if (a.label) {
    const labels = (lane.meta?.labels as string[] | undefined) ?? [];
    const text = labels[a.label[i]] ?? '';
    return state === SpanState.STW ? `STW ${text}` : text || 'GC';
  }
  if (state === SpanState.Waiting && a.reason) return c.reasons[a.reason[i]] || 'waiting';
  return SPAN_STATE_NAMES[state] ?? '';
}

/** Draws one layer of a spans lane; returns the number of spans visited. */
export function drawSpansLane(c: SpanLaneContext, lane: LaneChunk, clipStartNs: number, clipEndNs: number, yPx: number, heightPx: number): number {
  const a = lane.arrays;
  const start = a.startNs;
  const end = a.endNs;
  const state = a.state;
  const count = a.count;
  if (!start || !end || !state) return 0;
  const reason = a.reason;
  const group = a.group;
  const nested = a.label !== undefined; // the GC lane: STW inside mark phases, not sorted by end
  const { scale, batch, labels } = c;
  const y = yPx + 2;
  const h = Math.max(1, heightPx - 4);
  const yMid = yPx + heightPx / 2;
  const leftPx = scale.timeToPx(clipStartNs);
  let visited = 0;
  for (let i = nested ? 0 : firstSpanEndingAfter(lane, clipStartNs); i < lane.count; i++) {
    const s0 = start[i];
    if (s0 >= clipEndNs) break;
    const e0 = end[i];
    if (e0 <= clipStartNs) continue;
    visited++;
    const st = state[i];
    const colour = spanColour(st, reason ? (c.reasonColours[reason[i]] ?? null) : null, group ? group[i] : -1);
    const x0 = Math.round(scale.timeToPx(s0 > clipStartNs ? s0 : clipStartNs));
    let x1 = Math.round(scale.timeToPx(e0 < clipEndNs ? e0 : clipEndNs));
    if (x1 <= x0) x1 = x0 + 1;
    const exact = !count || count[i] === 1;
    const w = exact && x1 - x0 > 4 ? x1 - x0 - 1 : x1 - x0;
    // GC lane: stop-the-world pauses on the lower half, over the mark phases, so both stay visible.
    const stw = nested && st === SpanState.STW;
    if (stw) batch.add(colour, x0, y + Math.floor(h / 2), w, h - Math.floor(h / 2), 1);
    else batch.add(colour, x0, y, w, h);
    if (w >= MIN_LABEL_PX && exact) {
      const text = spanLabel(c, lane, i, st);
      // GC lane: mark-phase text on the upper half, pause text on the lower half.
      const yText = nested ? (stw ? y + h * 0.75 : y + h * 0.27) : yMid;
      if (text) labels.add(text, x0, w, yText, textOn(colour), leftPx);
    }
  }
  return visited;
}
