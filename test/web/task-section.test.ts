import { describe, expect, it } from 'vitest';
import type { GoroutineLocation, TraceSummary } from '../../shared/api.ts';
import type { TaskDetail } from '../../shared/flow-api.ts';
import type { LaneDescriptor } from '../../shared/lanes.ts';
import type { TraceApi } from '../../web/data/api-client.ts';
import { focusTask, taskWindow } from '../../web/state/focus-task.ts';
import { buildLaneLayout, ROW_HEIGHTS } from '../../web/state/lane-layout.ts';
import { fitRange } from '../../web/state/viewport-math.ts';
import { createTraceSession } from '../../web/state/trace-session.ts';
import { decodeUrlState, DEFAULT_URL_STATE, encodeUrlState } from '../../web/state/url-state.ts';

/** The TASKS section of the lane layout, the Flows toggle in the URL, and focusing a task. */
const lanes: LaneDescriptor[] = [
  { id: 'gc', section: 'procs', kind: 'spans', title: 'GC' },
  { id: 'proc:0', section: 'procs', kind: 'spans', title: 'Proc 0' },
  { id: 'task:1', section: 'tasks', kind: 'spans', title: 'T1 batch' },
  { id: 'task:2', section: 'tasks', kind: 'spans', title: 'T2 order' },
];
const groups = [{ name: 'main.main', count: 3, execNs: 1 }];

describe('TASKS section', () => {
  it('comes after the procs and before the goroutines, a lane per task', () => {
    const l = buildLaneLayout({ lanes, groups, view: 'procs', expandedGroups: new Set() });
    const rows = l.rowsIn(0, 10_000);
    expect(rows.map((r) => r.key)).toEqual(['section:PROCS', 'gc', 'proc:0', 'section:TASKS', 'task:1', 'task:2', 'section:GOROUTINES', 'group:0']);
    expect(rows.find((r) => r.key === 'task:2')).toMatchObject({ kind: 'lane', laneId: 'task:2', title: 'T2 order', heightPx: ROW_HEIGHTS.task });
    expect(rows.find((r) => r.key === 'section:TASKS')).toMatchObject({ expanded: true, count: 2 });
  });

  it('closed, only its header remains and the rows below move up', () => {
    const open = buildLaneLayout({ lanes, groups, view: 'procs', expandedGroups: new Set() });
    const closed = buildLaneLayout({ lanes, groups, view: 'procs', expandedGroups: new Set(), tasksExpanded: false });
    expect(closed.rowsIn(0, 10_000).map((r) => r.key)).not.toContain('task:1');
    expect(closed.laneTopPx('task:1')).toBeNull();
    expect(open.groupTopPx(0) - closed.groupTopPx(0)).toBe(2 * ROW_HEIGHTS.task);
  });

  it('is absent without task lanes', () => {
    const l = buildLaneLayout({ lanes: lanes.slice(0, 2), groups, view: 'threads', expandedGroups: new Set() });
    expect(l.rowsIn(0, 10_000).map((r) => r.key)).not.toContain('section:TASKS');
  });
});

describe('the Flows toggle in the URL', () => {
  it('flows=1 round-trips and is absent when off', () => {
    expect(encodeUrlState({ ...DEFAULT_URL_STATE, flows: true })).toBe('?flows=1');
    expect(decodeUrlState('?flows=1').flows).toBe(true);
    expect(encodeUrlState({ ...DEFAULT_URL_STATE, flows: false })).toBe('');
    expect(decodeUrlState('?flows=yes').flows).toBeUndefined();
  });
});

describe('focusing a task', () => {
  const summary: TraceSummary = {
    file: 't',
    version: 'go 1.26',
    fileBytes: 1,
    durationNs: 1_000_000,
    eventCount: 1,
    generations: 1,
    goroutineCount: 2002,
    procCount: 1,
    threadCount: 1,
    lanes,
    taskCount: 2,
    groups: [
      { name: 'main.main', count: 1, execNs: 3 },
      // Over 200 goroutines: no group starts open.
      { name: 'main.worker', count: 2000, execNs: 2 },
      { name: 'main.idle', count: 1, execNs: 1 },
    ],
    reasons: [],
    warnings: [],
  };
  const places: Record<number, GoroutineLocation> = {
    9: { id: 9, group: 1, groupName: 'main.worker', member: 1, label: '', createdNs: 0, endNs: -1 },
    7: { id: 7, group: 1, groupName: 'main.worker', member: 0, label: '', createdNs: 0, endNs: -1 },
    1: { id: 1, group: 0, groupName: 'main.main', member: 0, label: '', createdNs: 0, endNs: -1 },
  };
  const api = { goroutine: async (id: number) => places[id] ?? null } as unknown as TraceApi;
  const task: TaskDetail = { id: 2, name: 'order', parent: 1, startNs: 100_000, endNs: 300_000, durationNs: 200_000, goroutines: [7, 9, 1, 55], children: [], logs: [], logCount: 0 };

  it('zooms to the task as the F key fits a span, opens the groups of its goroutines and scrolls to the first of them', async () => {
    const session = createTraceSession(api, summary, DEFAULT_URL_STATE);
    const opened = await focusTask(session, task);
    expect(opened.sort()).toEqual([0, 1]);
    expect(session.viewport.get()).toEqual(fitRange(100_000, 300_000, summary.durationNs));
    expect(session.viewport.get().startNs).toBeLessThan(100_000);
    expect([...session.ui.get().expandedGroups].sort()).toEqual([0, 1]);
    expect(session.scrollRequest.get()).toEqual({ group: 0, member: 0 });
    session.dispose();
  });

  it('a task open at either end of the trace spans to the trace bounds', () => {
    expect(taskWindow({ ...task, startNs: -1, endNs: -1 }, 1_000_000)).toEqual({ startNs: 0, endNs: 1_000_000 });
  });
});
