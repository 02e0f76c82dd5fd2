/**
 * The Flows overlay of the timeline: places the arrows of the flow loader's
 * answer on the lane layout and draws them, and after each frame asks the
 * loader for the arrows of the lanes on screen. Arrow ends on goroutine lanes
 * carry their group and position, so an end whose row is scrolled away (or
 * whose group is collapsed: the arrow goes to the group's header) is placed
 * without the goroutine directory.
 */
import { drawFlows } from '../render/draw-flows.ts';
import { arrowSegments, type EndY } from '../render/flow-geometry.ts';
import type { TimeScale } from '../render/time-scale.ts';
import { ROW_HEIGHTS, type LaneLayout } from '../state/lane-layout.ts';
import type { TraceSession } from '../state/trace-session.ts';

/** Lanes the server has arrows for (stats and GC lanes have none). */
export function flowLanes(laneIds: readonly string[]): string[] {
  return laneIds.filter((id) => /^(g|proc|thread|task):/.test(id) || id === 'net' || id === 'syscalls');
}

/** Vertical centre of an arrow end's row, in canvas px (rows above the view are negative). */
export function layoutEndY(layout: LaneLayout, scrollTopPx: number): EndY {
  return (lane, row) => {
    if (lane.startsWith('g:')) {
      if (!row) return null;
      const [group, member] = row;
      const top = layout.memberTopPx(group, member);
      // A goroutine row's state band is its top ROW_HEIGHTS.goroutine px (user regions may follow below).
      if (top !== null) return top + ROW_HEIGHTS.goroutine / 2 - scrollTopPx;
      // A lane focus hides the group: the arrow has no end to draw to.
      if (!layout.hasGroup(group)) return null;
      return layout.groupTopPx(group) + ROW_HEIGHTS.group / 2 - scrollTopPx;
    }
    const top = layout.laneTopPx(lane);
    if (top === null) return null;
    const height = layout.rowAt(top)?.heightPx ?? ROW_HEIGHTS.proc;
    return top + height / 2 - scrollTopPx;
  };
}

export class FlowOverlay {
  /** Segments drawn by the last frame (the debug hook reports it). */
  segmentsDrawn = 0;

  constructor(private readonly session: TraceSession) {}

  draw(ctx: CanvasRenderingContext2D, scale: TimeScale, layout: LaneLayout, scrollTopPx: number, heightPx: number): void {
    const segments = arrowSegments(this.session.flows.arrows, scale, heightPx, layoutEndY(layout, scrollTopPx));
    drawFlows(ctx, segments);
    this.segmentsDrawn = segments.length;
  }

  /** Asks for the arrows of the lanes on screen (no request while the answer serves them). */
  ensure(laneIds: readonly string[], scale: TimeScale): void {
    this.session.flows.ensure(flowLanes(laneIds), scale.startNs, scale.endNs);
  }

  clear(): void {
    this.segmentsDrawn = 0;
  }
}
