import { describe, expect, it } from 'vitest';
import type { GoroutineGroupInfo } from '../../shared/api.ts';
import type { RelatedGoroutine, RelatedGoroutines } from '../../shared/related-api.ts';
import type { TraceApi } from '../../web/data/api-client.ts';
import { laneFocusOf } from '../../web/state/lane-focus.ts';
import { buildLaneLayout, ROW_HEIGHTS } from '../../web/state/lane-layout.ts';
import { revealGoroutine } from '../../web/state/reveal-goroutine.ts';
import { createTraceSession } from '../../web/state/trace-session.ts';
import { decodeUrlState, DEFAULT_URL_STATE, encodeUrlState } from '../../web/state/url-state.ts';
import { fakeSummary } from '../helpers/fake-summary.ts';

/** "Show only related": the lanes kept for an answer of /api/goroutine/related, the layout of them, the URL, and the session following the UI state. */
const groups: GoroutineGroupInfo[] = [
  { name: 'main.main', count: 1, execNs: 9 },
  { name: 'main.worker', count: 10_000, execNs: 5 },
  { name: 'main.idle', count: 50, execNs: 1 },
];
// Group 1's goroutines have ids 100 + member; group 0 is G1; group 2: 20 000 + member.
const idOf = (group: number, member: number) => (group === 0 ? 1 : group === 1 ? 100 + member : 20_000 + member);
const rel = (group: number, member: number, count = 1): RelatedGoroutine => ({ id: idOf(group, member), group, member, groupName: groups[group].name, count, firstNs: 10 });
const list = (items: RelatedGoroutine[], total = items.length) => ({ total, goroutines: items });

/** G150 (worker 50): created by G1, unblocked by workers 7 and 9000, unblocked worker 7 (again) and worker 3. */
const related: RelatedGoroutines = {
  id: 150,
  group: 1,
  member: 50,
  groupName: 'main.worker',
  creator: rel(0, 0),
  created: list([]),
  unblockedBy: list([rel(1, 9000, 4), rel(1, 7, 2)]),
  unblocked: list([rel(1, 7, 3), rel(1, 3)]),
};

describe('lane focus', () => {
  it('keeps the goroutine and each related one once, per group, by position', () => {
    const f = laneFocusOf(related);
    expect([...f.groups.keys()].sort()).toEqual([0, 1]);
    expect(f.groups.get(0)).toEqual([{ id: 1, member: 0 }]);
    expect(f.groups.get(1)).toEqual([3, 7, 50, 9000].map((member) => ({ id: 100 + member, member })));
    expect(f.relatedCount).toBe(4);
    expect(f.truncated).toBe(false);
    expect(laneFocusOf({ ...related, unblocked: list([rel(1, 3)], 40) }).truncated).toBe(true);
  });

  it('lays out only the focused groups, each with only the kept goroutines as rows', () => {
    const f = laneFocusOf(related);
    const l = buildLaneLayout({ lanes: [], groups, view: 'procs', expandedGroups: new Set([0, 1, 2]), focus: f.groups });
    const rows = l.rowsIn(0, l.totalHeightPx);
    expect(rows.filter((r) => r.kind === 'group').map((r) => [r.group, r.count])).toEqual([
      [0, 1],
      [1, 4],
    ]);
    const lanes = rows.filter((r) => r.kind === 'goroutine').map((r) => r.laneId);
    expect(lanes).toEqual(['g:1', 'g:103', 'g:107', 'g:150', 'g:9100']);
    const all = buildLaneLayout({ lanes: [], groups, view: 'procs', expandedGroups: new Set([0, 1, 2]) });
    expect(l.totalHeightPx).toBeLessThan(all.totalHeightPx);
    // PROCS and GOROUTINES headers, two group headers, five goroutine rows.
    expect(l.totalHeightPx).toBe(2 * ROW_HEIGHTS.section + 2 * ROW_HEIGHTS.group + 5 * ROW_HEIGHTS.goroutine);
  });

  it('finds a kept goroutine by its member (a scroll request) and no row for one it hides', () => {
    const l = buildLaneLayout({ lanes: [], groups, view: 'procs', expandedGroups: new Set([1]), focus: laneFocusOf(related).groups });
    const top = l.memberTopPx(1, 9000)!;
    expect(l.rowAt(top + 1)).toMatchObject({ kind: 'goroutine', group: 1, member: 9000, laneId: 'g:9100' });
    expect(l.memberTopPx(1, 8)).toBeNull();
    expect(l.hasGroup(2)).toBe(false);
    expect(l.hasGroup(1)).toBe(true);
  });

  it('a collapsed focused group shows its header only', () => {
    const l = buildLaneLayout({ lanes: [], groups, view: 'procs', expandedGroups: new Set(), focus: laneFocusOf(related).groups });
    expect(l.rowsIn(0, l.totalHeightPx).map((r) => r.key)).toEqual(['section:PROCS', 'section:GOROUTINES', 'group:0', 'group:1']);
  });

  it('the URL keeps the focus as focus=g:N and brings it back; malformed values are ignored', () => {
    const url = encodeUrlState({ ...DEFAULT_URL_STATE, focus: 150 });
    expect(url).toBe('?focus=g%3A150');
    expect(decodeUrlState(url).focus).toBe(150);
    expect(decodeUrlState('?focus=150').focus).toBeUndefined();
    expect(decodeUrlState('?focus=g:x').focus).toBeUndefined();
  });
});

const summary = fakeSummary({ goroutineCount: 10_051, groups });

function fakeApi() {
  const asked: number[] = [];
  const api = {
    related: async (id: number) => (asked.push(id), id === 150 ? related : null),
    goroutine: async (id: number) => {
      const [group, member] = id === 1 ? [0, 0] : id >= 20_000 ? [2, id - 20_000] : [1, id - 100];
      return { id, group, member, groupName: groups[group].name, label: '', createdNs: 0, endNs: -1 };
    },
    span: async () => null,
    goroutines: async () => ({ group: '', total: 0, offset: 0, items: [] }),
  } as unknown as TraceApi;
  return { api, asked };
}
const tick = () => new Promise((r) => setTimeout(r, 10));

describe('a session with a lane focus', () => {
  it('restored from the URL: asks for the relations, opens their groups, lays out only them, scrolls to the goroutine', async () => {
    const f = fakeApi();
    const s = createTraceSession(f.api, summary, decodeUrlState('?focus=g:150'));
    expect(s.focus.store.get()).toEqual({ status: 'loading', goroutine: 150 });
    await tick();
    expect(f.asked).toEqual([150]);
    expect(s.ui.get().expandedGroups.has(1)).toBe(true);
    const layout = s.layout.get();
    expect(layout.hasGroup(2)).toBe(false);
    expect(layout.rowsIn(0, layout.totalHeightPx).filter((r) => r.kind === 'goroutine').map((r) => r.laneId)).toEqual(['g:1', 'g:103', 'g:107', 'g:150', 'g:9100']);
    expect(s.scrollRequest.get()).toEqual({ group: 1, member: 50 });
  });

  it('clearing the focus lays out every goroutine again', async () => {
    const s = createTraceSession(fakeApi().api, summary, decodeUrlState('?focus=g:150'));
    await tick();
    s.ui.update((u) => ({ ...u, focus: null }));
    expect(s.focus.store.get().status).toBe('off');
    expect(s.layout.get().hasGroup(2)).toBe(true);
    expect(s.layout.get().memberTopPx(1, 8)).not.toBeNull();
  });

  it('an unknown goroutine says so and filters nothing', async () => {
    const s = createTraceSession(fakeApi().api, summary, decodeUrlState('?focus=g:77'));
    await tick();
    expect(s.focus.store.get()).toMatchObject({ status: 'error', message: 'no goroutine G77 in this trace' });
    expect(s.layout.get().hasGroup(2)).toBe(true);
  });

  it('revealing a goroutine the focus hides clears the focus; one it shows keeps it', async () => {
    const s = createTraceSession(fakeApi().api, summary, decodeUrlState('?focus=g:150'));
    await tick();
    await revealGoroutine(s, 107);
    expect(s.ui.get().focus).toBe(150);
    await revealGoroutine(s, 20_003);
    expect(s.ui.get().focus).toBeNull();
    expect(s.layout.get().memberTopPx(2, 3)).not.toBeNull();
  });
});
