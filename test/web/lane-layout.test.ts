import { describe, expect, it } from 'vitest';
import type { GoroutineGroupInfo } from '../../shared/api.ts';
import type { LaneDescriptor } from '../../shared/lanes.ts';
import { buildLaneLayout, defaultExpandedGroups, ROW_HEIGHTS } from '../../web/state/lane-layout.ts';

const lanes: LaneDescriptor[] = [
  { id: 'stats:goroutines', section: 'stats', kind: 'counter', title: 'Goroutines', series: ['running', 'runnable', 'waiting'] },
  { id: 'stats:heap', section: 'stats', kind: 'counter', title: 'Heap' },
  { id: 'gc', section: 'procs', kind: 'spans', title: 'GC' },
  { id: 'net', section: 'procs', kind: 'markers', title: 'Network' },
  { id: 'proc:0', section: 'procs', kind: 'spans', title: 'Proc 0' },
  { id: 'proc:1', section: 'procs', kind: 'spans', title: 'Proc 1' },
  { id: 'thread:7', section: 'threads', kind: 'spans', title: 'Thread 7' },
];
const groups: GoroutineGroupInfo[] = [
  { name: 'main.worker', count: 100_000, execNs: 5 },
  { name: 'main.main', count: 1, execNs: 1 },
];

describe('lane layout', () => {
  it('lists stats, then the GC/network lanes and procs, then goroutine groups', () => {
    const l = buildLaneLayout({ lanes, groups, view: 'procs', expandedGroups: new Set() });
    const rows = l.rowsIn(0, 10_000);
    expect(rows.map((r) => r.key)).toEqual(['section:STATS', 'stats:goroutines', 'stats:heap', 'section:PROCS', 'gc', 'net', 'proc:0', 'proc:1', 'section:GOROUTINES', 'group:0', 'group:1']);
    expect(rows.every((r, i) => i === 0 || r.yPx === rows[i - 1].yPx + rows[i - 1].heightPx)).toBe(true);
    expect(l.totalHeightPx).toBe(rows[rows.length - 1].yPx + rows[rows.length - 1].heightPx);
  });

  it('the thread view swaps the proc lanes for thread lanes and keeps GC and network', () => {
    const l = buildLaneLayout({ lanes, groups, view: 'threads', expandedGroups: new Set() });
    const keys = l.rowsIn(0, 10_000).map((r) => r.key);
    expect(keys).toContain('thread:7');
    expect(keys).toContain('gc');
    expect(keys).not.toContain('proc:0');
    expect(keys).toContain('section:THREADS');
  });

  it('an expanded group of 100 000 goroutines yields only the rows on screen', () => {
    const l = buildLaneLayout({ lanes, groups, view: 'procs', expandedGroups: new Set([0]) });
    expect(l.totalHeightPx).toBeGreaterThan(100_000 * ROW_HEIGHTS.goroutine);
    const top = l.memberTopPx(0, 50_000)!;
    const rows = l.rowsIn(top, top + 900);
    expect(rows.length).toBeLessThanOrEqual(Math.ceil(900 / ROW_HEIGHTS.goroutine) + 1);
    expect(rows[0]).toMatchObject({ kind: 'goroutine', group: 0, member: 50_000, yPx: top });
    expect(l.rowAt(top + 3)).toMatchObject({ member: 50_000 });
    expect(l.rowAt(top + ROW_HEIGHTS.goroutine)).toMatchObject({ member: 50_001 });
  });

  it('rows after an expanded group move down by its goroutines', () => {
    const closed = buildLaneLayout({ lanes, groups, view: 'procs', expandedGroups: new Set() });
    const open = buildLaneLayout({ lanes, groups, view: 'procs', expandedGroups: new Set([0]) });
    expect(open.groupTopPx(1) - closed.groupTopPx(1)).toBe(100_000 * ROW_HEIGHTS.goroutine);
    expect(open.rowsIn(open.totalHeightPx - 1, open.totalHeightPx)[0]).toMatchObject({ kind: 'group', group: 1 });
    expect(closed.memberTopPx(0, 3)).toBeNull();
  });

  it('rowAt outside the layout is null, laneTopPx finds fixed lanes', () => {
    const l = buildLaneLayout({ lanes, groups, view: 'procs', expandedGroups: new Set() });
    expect(l.rowAt(-1)).toBeNull();
    expect(l.rowAt(l.totalHeightPx)).toBeNull();
    expect(l.rowAt(l.laneTopPx('proc:1')! + 1)).toMatchObject({ laneId: 'proc:1' });
    expect(l.laneTopPx('thread:7')).toBeNull();
  });

  it('small traces open every group, large ones none', () => {
    expect(defaultExpandedGroups([{ name: 'a', count: 3, execNs: 0 }]).size).toBe(1);
    expect(defaultExpandedGroups(groups).size).toBe(0);
  });
});
