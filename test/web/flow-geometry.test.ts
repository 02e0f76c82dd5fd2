import { describe, expect, it } from 'vitest';
import type { FlowArrow } from '../../shared/flow-api.ts';
import type { LaneDescriptor } from '../../shared/lanes.ts';
import { arrowHead, arrowSegments, type EndY } from '../../web/render/flow-geometry.ts';
import { createTimeScale } from '../../web/render/time-scale.ts';
import { buildLaneLayout, ROW_HEIGHTS } from '../../web/state/lane-layout.ts';
import { flowLanes, layoutEndY } from '../../web/timeline/flow-overlay.ts';

/** Arrow geometry: ends on rows, cut at the edges, left out when off screen; row centres from the lane layout. */
const scale = createTimeScale(1000, 2000, 1000); // 1 ns per px
const arrow = (fromLane: string, fromNs: number, toLane: string, toNs: number, extra: Partial<FlowArrow> = {}): FlowArrow => ({ kind: 'create', reason: '', fromLane, fromNs, toLane, toNs, goroutine: 7, ...extra });
const rows: Record<string, number> = { a: 100, b: 300, above: -200, below: 900, far: 5000 };
const endY: EndY = (lane) => rows[lane] ?? null;

describe('arrow segments', () => {
  it('run from the cause row at its time to the start row at its time', () => {
    const [s] = arrowSegments([arrow('a', 1100, 'b', 1400)], scale, 600, endY);
    expect(s).toEqual({ x0: 100, y0: 100, x1: 400, y1: 300, kind: 'create', headInView: true, tailInView: true });
  });

  it('an end on a row scrolled below is cut at the bottom edge, along the line, without a head', () => {
    const [s] = arrowSegments([arrow('a', 1100, 'below', 1900)], scale, 600, endY);
    // From (100, 100) towards (900, 900): the line meets y = 600 at x = 600.
    expect(s).toMatchObject({ x0: 100, y0: 100, x1: 600, y1: 600, headInView: false, tailInView: true });
  });

  it('an end on a row scrolled above is cut at the top edge', () => {
    const [s] = arrowSegments([arrow('above', 1000, 'b', 1500)], scale, 600, endY);
    // From (0, -200) to (500, 300): y = 0 at x = 200.
    expect(s).toMatchObject({ x0: 200, y0: 0, x1: 500, y1: 300, tailInView: false, headInView: true });
  });

  it('leaves out arrows with both ends above, both below, both before or both after the view, or a row not laid out', () => {
    const out = arrowSegments(
      [arrow('above', 1100, 'above', 1200), arrow('below', 1100, 'far', 1200), arrow('a', 100, 'b', 900), arrow('a', 2100, 'b', 2900), arrow('a', 1100, 'thread:9', 1200)],
      scale,
      600,
      endY,
    );
    expect(out).toEqual([]);
  });

  it('keeps an arrow that crosses the view from a row above to a row below', () => {
    const [s] = arrowSegments([arrow('above', 1000, 'below', 2000)], scale, 600, endY);
    expect(s.y0).toBe(0);
    expect(s.y1).toBe(600);
    expect(s.x0).toBeCloseTo((200 / 1100) * 1000, 6);
  });

  it('an arrowhead points back along the shaft, its corners either side of it', () => {
    const [ax, ay, bx, by] = arrowHead({ x0: 0, y0: 0, x1: 100, y1: 0, kind: 'create', headInView: true, tailInView: true }, 8);
    expect([ax, bx]).toEqual([92, 92]);
    expect([ay, by].sort((p, q) => p - q)).toEqual([-4, 4]);
  });
});

describe('arrow ends on the lane layout', () => {
  const lanes: LaneDescriptor[] = [
    { id: 'gc', section: 'procs', kind: 'spans', title: 'GC' },
    { id: 'proc:0', section: 'procs', kind: 'spans', title: 'Proc 0' },
    { id: 'task:1', section: 'tasks', kind: 'spans', title: 'T1 order' },
  ];
  const groups = [
    { name: 'main.main', count: 1, execNs: 2 },
    { name: 'main.worker', count: 50, execNs: 1 },
  ];

  it('is the centre of a fixed lane, of a goroutine row of an open group, or of the header of a closed group', () => {
    const open = buildLaneLayout({ lanes, groups, view: 'procs', expandedGroups: new Set([1]) });
    const y = layoutEndY(open, 40);
    expect(y('proc:0', undefined)).toBe(open.laneTopPx('proc:0')! + ROW_HEIGHTS.proc / 2 - 40);
    expect(y('task:1', undefined)).toBe(open.laneTopPx('task:1')! + ROW_HEIGHTS.task / 2 - 40);
    expect(y('g:12', [1, 10])).toBe(open.memberTopPx(1, 10)! + ROW_HEIGHTS.goroutine / 2 - 40);
    const closed = buildLaneLayout({ lanes, groups, view: 'procs', expandedGroups: new Set() });
    expect(layoutEndY(closed, 0)('g:12', [1, 10])).toBe(closed.groupTopPx(1) + ROW_HEIGHTS.group / 2);
  });

  it('is null for lanes that are not laid out: thread lanes in the proc view, task lanes of a closed TASKS section', () => {
    const closed = buildLaneLayout({ lanes, groups, view: 'procs', expandedGroups: new Set(), tasksExpanded: false });
    const y = layoutEndY(closed, 0);
    expect(y('thread:3', undefined)).toBeNull();
    expect(y('task:1', undefined)).toBeNull();
    expect(y('g:5', undefined)).toBeNull();
  });

  it('asks the server only about lanes that can have arrows', () => {
    expect(flowLanes(['stats:heap', 'gc', 'net', 'syscalls', 'proc:0', 'thread:4', 'g:9', 'task:2'])).toEqual(['net', 'syscalls', 'proc:0', 'thread:4', 'g:9', 'task:2']);
  });
});
