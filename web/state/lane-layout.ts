/**
 * The vertical layout of the timeline: section headers, the STATS and PROCS
 * (or THREADS) lanes, the TASKS lanes (when the trace has tasks; the section
 * closes to its header), then the goroutine groups, each a header row followed,
 * when expanded, by one row per goroutine. A layout is a list of blocks (a
 * header row plus n equal child rows), so 100 000 goroutine rows cost no
 * memory: rows are computed only for the visible pixel range. A lane focus
 * ("Show only related", state/lane-focus.ts) keeps only the groups of the
 * focused goroutines, each with only those goroutines as its rows.
 */
import type { GoroutineGroupInfo } from '../../shared/api.ts';
import type { LaneDescriptor, LaneKind } from '../../shared/lanes.ts';
import { regionBandPx } from './track-geometry.ts';

export type RowKind = 'section' | 'lane' | 'group' | 'goroutine';

export interface Row {
  kind: RowKind;
  /** Stable key (React key, selection). */
  key: string;
  yPx: number;
  heightPx: number;
  title: string;
  /** Lane id for lane rows (goroutine rows get theirs from the goroutine directory). */
  laneId?: string;
  laneKind?: LaneKind;
  /** Goroutine group index (group and goroutine rows). */
  group?: number;
  /** Index of the goroutine in its group (goroutine rows). */
  member?: number;
  expanded?: boolean;
  count?: number;
}

/** A goroutine kept by a lane focus: its id and its position in its group's lane list. */
export interface FocusMember {
  id: number;
  member: number;
}

export const ROW_HEIGHTS = {
  section: 22,
  counter: 44,
  marker: 18,
  gc: 30,
  proc: 24,
  group: 22,
  goroutine: 18,
  task: 18,
} as const;

interface Block {
  header: Omit<Row, 'yPx'>;
  childCount: number;
  childHeightPx: number;
  group: number;
  /** Under a lane focus: the group's goroutines shown, by member (else all of them, member = row index). */
  members?: readonly FocusMember[];
}

export interface LaneLayout {
  readonly totalHeightPx: number;
  /** Rows overlapping [topPx, bottomPx), in order. */
  rowsIn(topPx: number, bottomPx: number): Row[];
  /** The row at yPx, or null below the last row. */
  rowAt(yPx: number): Row | null;
  /** Top of the header row of a group. */
  groupTopPx(group: number): number;
  /** Whether the group is laid out (a lane focus hides the groups of goroutines it does not show). */
  hasGroup(group: number): boolean;
  /** Top of a goroutine row (group expanded), or null. */
  memberTopPx(group: number, member: number): number | null;
  /** Top of a fixed lane (stats/procs/threads), or null when not shown. */
  laneTopPx(laneId: string): number | null;
}

export interface LayoutOptions {
  lanes: readonly LaneDescriptor[];
  groups: readonly GoroutineGroupInfo[];
  /** Procs (one lane per P) or threads (one lane per M). */
  view: 'procs' | 'threads';
  expandedGroups: ReadonlySet<number>;
  /** The TASKS section lists its lanes (default) or only its header. */
  tasksExpanded?: boolean;
  /** A lane focus: the only goroutines shown, by group index, each list by member (null or absent: every goroutine). */
  focus?: ReadonlyMap<number, readonly FocusMember[]> | null;
}

function laneHeight(l: LaneDescriptor): number {
  if (l.kind === 'counter') return ROW_HEIGHTS.counter;
  if (l.kind === 'markers') return ROW_HEIGHTS.marker;
  if (l.id === 'gc') return ROW_HEIGHTS.gc;
  if (l.section === 'tasks') return ROW_HEIGHTS.task;
  return ROW_HEIGHTS.proc;
}

export function buildLaneLayout(opts: LayoutOptions): LaneLayout {
  const blocks: Block[] = [];
  const fixed = (header: Omit<Row, 'yPx'>) => blocks.push({ header, childCount: 0, childHeightPx: 0, group: -1 });
  const section = (title: string) => fixed({ kind: 'section', key: `section:${title}`, heightPx: ROW_HEIGHTS.section, title });
  const lane = (l: LaneDescriptor) => fixed({ kind: 'lane', key: l.id, heightPx: laneHeight(l), title: l.title, laneId: l.id, laneKind: l.kind });

  const stats = opts.lanes.filter((l) => l.section === 'stats');
  if (stats.length) {
    section('STATS');
    stats.forEach(lane);
  }
  const procs = opts.lanes.filter((l) => l.section === 'procs');
  const globalLanes = procs.filter((l) => !l.id.startsWith('proc:'));
  const perLane = opts.view === 'threads' ? opts.lanes.filter((l) => l.section === 'threads') : procs.filter((l) => l.id.startsWith('proc:'));
  section(opts.view === 'threads' ? 'THREADS' : 'PROCS');
  globalLanes.forEach(lane);
  perLane.forEach(lane);
  // TASKS (go tool trace's task view): a header that opens and closes, then a lane per task.
  const tasks = opts.lanes.filter((l) => l.section === 'tasks');
  if (tasks.length) {
    const expanded = opts.tasksExpanded ?? true;
    fixed({ kind: 'section', key: 'section:TASKS', heightPx: ROW_HEIGHTS.section, title: 'TASKS', expanded, count: tasks.length });
    if (expanded) tasks.forEach(lane);
  }
  if (opts.groups.length) {
    section('GOROUTINES');
    opts.groups.forEach((g, i) => {
      const members = opts.focus ? opts.focus.get(i) : undefined;
      if (opts.focus && !members?.length) return;
      const expanded = opts.expandedGroups.has(i);
      const count = members ? members.length : g.count;
      blocks.push({
        header: { kind: 'group', key: `group:${i}`, heightPx: ROW_HEIGHTS.group, title: g.name || '(unknown start function)', group: i, expanded, count },
        childCount: expanded ? count : 0,
        // Goroutines with user regions get a bar per nesting level below their states (track-geometry.ts).
        childHeightPx: ROW_HEIGHTS.goroutine + regionBandPx(g.regionLevels),
        group: i,
        members,
      });
    });
  }

  // Prefix sums: tops[i] is the top of block i; tops[n] the total height.
  const tops = new Float64Array(blocks.length + 1);
  for (let i = 0; i < blocks.length; i++) tops[i + 1] = tops[i] + blocks[i].header.heightPx + blocks[i].childCount * blocks[i].childHeightPx;
  const totalHeightPx = tops[blocks.length];
  const groupBlock = new Map<number, number>();
  const laneBlock = new Map<string, number>();
  blocks.forEach((b, i) => {
    if (b.group >= 0) groupBlock.set(b.group, i);
    if (b.header.laneId) laneBlock.set(b.header.laneId, i);
  });

  /** Index of the block containing y (the last block whose top ≤ y). */
  const blockAt = (y: number): number => {
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tops[mid + 1] <= y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  /** The k-th goroutine row of a block (its member k, or under a focus the k-th goroutine kept, which carries its lane). */
  const childRow = (b: Block, top: number, k: number): Row => {
    const kept = b.members?.[k];
    const member = kept ? kept.member : k;
    return {
      kind: 'goroutine',
      key: `g:${b.group}:${member}`,
      yPx: top + b.header.heightPx + k * b.childHeightPx,
      heightPx: b.childHeightPx,
      title: kept ? `G${kept.id}` : '',
      ...(kept ? { laneId: `g:${kept.id}` } : {}),
      laneKind: 'spans',
      group: b.group,
      member,
    };
  };
  /** Row index of a member in its block, or -1 (a focus may not show it). */
  const indexOf = (b: Block, member: number): number => {
    if (!b.members) return member;
    let lo = 0;
    let hi = b.members.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (b.members[mid].member < member) lo = mid + 1;
      else hi = mid;
    }
    return lo < b.members.length && b.members[lo].member === member ? lo : -1;
  };

  return {
    totalHeightPx,
    rowsIn(topPx, bottomPx) {
      const out: Row[] = [];
      for (let i = blockAt(Math.max(0, topPx)); i < blocks.length && tops[i] < bottomPx; i++) {
        const b = blocks[i];
        const top = tops[i];
        if (top + b.header.heightPx > topPx) out.push({ ...b.header, yPx: top });
        if (b.childCount === 0) continue;
        const first = top + b.header.heightPx;
        const from = Math.max(0, Math.floor((topPx - first) / b.childHeightPx));
        const to = Math.min(b.childCount, Math.ceil((bottomPx - first) / b.childHeightPx));
        for (let m = from; m < to; m++) out.push(childRow(b, top, m));
      }
      return out;
    },
    rowAt(yPx) {
      if (yPx < 0 || yPx >= totalHeightPx) return null;
      const i = blockAt(yPx);
      const b = blocks[i];
      const top = tops[i];
      if (yPx < top + b.header.heightPx) return { ...b.header, yPx: top };
      return childRow(b, top, Math.floor((yPx - top - b.header.heightPx) / b.childHeightPx));
    },
    groupTopPx: (group) => {
      const i = groupBlock.get(group);
      return i === undefined ? 0 : tops[i];
    },
    hasGroup: (group) => groupBlock.has(group),
    memberTopPx(group, member) {
      const i = groupBlock.get(group);
      if (i === undefined || member < 0) return null;
      const k = indexOf(blocks[i], member);
      if (k < 0 || k >= blocks[i].childCount) return null;
      return tops[i] + blocks[i].header.heightPx + k * blocks[i].childHeightPx;
    },
    laneTopPx(laneId) {
      const i = laneBlock.get(laneId);
      return i === undefined ? null : tops[i];
    },
  };
}

/** Groups expanded by default: all of them for small traces, none beyond 200 goroutines. */
export function defaultExpandedGroups(groups: readonly GoroutineGroupInfo[]): Set<number> {
  const total = groups.reduce((n, g) => n + g.count, 0);
  if (total <= 200) return new Set(groups.map((_, i) => i));
  return new Set();
}
