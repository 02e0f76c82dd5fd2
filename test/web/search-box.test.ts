import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchResponse } from '../../shared/search-api.ts';
import type { TraceApi } from '../../web/data/api-client.ts';
import { revealSearchHit, timeInLifetime } from '../../web/state/reveal-search-hit.ts';
import { DEBOUNCE_MS, SearchLoader } from '../../web/state/search-loader.ts';
import { INITIAL_SEARCH, searchSummary, stepSearch, withResponse, type SearchState } from '../../web/state/search-state.ts';
import { createTraceSession } from '../../web/state/trace-session.ts';
import { DEFAULT_URL_STATE } from '../../web/state/url-state.ts';
import { handleTimelineKey } from '../../web/timeline/keyboard-input.ts';
import { SHORTCUTS } from '../../web/timeline/shortcuts.ts';
import { fakeSummary } from '../helpers/fake-summary.ts';

/** The search box's state, requests and keys, against a fake server. */
const group = (i: number): SearchHit => ({ kind: 'group', group: i, name: `main.f${i}`, count: 1 });
const answer = (query: string, n: number): SearchResponse => ({
  query,
  results: Array.from({ length: n }, (_, i) => group(i)),
  totals: { goroutine: 0, group: n, task: 0, region: 0, log: 0 },
  truncated: false,
  elapsedMs: 0,
});
const withN = (n: number): SearchState => withResponse({ ...INITIAL_SEARCH, query: 'q' }, answer('q', n));

/** Applies keys in order; returns the results shown. */
function press(s: SearchState, keys: string[]): { state: SearchState; shown: number[] } {
  const shown: number[] = [];
  for (const k of keys) {
    const shift = k.startsWith('Shift+');
    const step = stepSearch(s, (shift ? k.slice(6) : k) as 'Enter', shift);
    s = step.state;
    if (step.show !== null) shown.push(step.show);
  }
  return { state: s, shown };
}

describe('search stepping', () => {
  it('Enter shows the first result, then each next one, wrapping after the last', () => {
    expect(press(withN(3), ['Enter', 'Enter', 'Enter', 'Enter']).shown).toEqual([0, 1, 2, 0]);
  });

  it('Shift+Enter steps back, from the last result when nothing was shown yet', () => {
    expect(press(withN(3), ['Shift+Enter', 'Shift+Enter']).shown).toEqual([2, 1]);
    expect(press(withN(3), ['Enter', 'Enter', 'Shift+Enter']).shown).toEqual([0, 1, 0]);
  });

  it('↓ and ↑ move the highlight without showing; Enter then shows the highlighted result', () => {
    const r = press(withN(4), ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowUp']);
    expect(r.shown).toEqual([]);
    expect(r.state.active).toBe(1);
    expect(press(r.state, ['Enter', 'Enter']).shown).toEqual([1, 2]);
    expect(press(withN(4), ['ArrowUp']).state.active).toBe(3);
  });

  it('keys do nothing without results, and a new answer forgets the old position', () => {
    expect(press(withN(0), ['Enter', 'ArrowDown']).shown).toEqual([]);
    const moved = press(withN(3), ['Enter', 'Enter']).state;
    const fresh = withResponse(moved, answer('q2', 3));
    expect([fresh.active, fresh.shown]).toEqual([-1, -1]);
  });

  it('the summary names each kind found, and says when the list is cut', () => {
    expect(searchSummary({ ...answer('x', 1), totals: { goroutine: 1, group: 0, task: 2, region: 0, log: 1200 }, truncated: true, results: [group(0)] })).toBe(
      '1 goroutine, 2 tasks, 1,200 logs (showing 1)',
    );
    expect(searchSummary(answer('x', 0))).toBe('nothing found');
  });
});

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('search requests', () => {
  it('asks once typing pauses, for the last text only', async () => {
    const asked: string[] = [];
    const loader = new SearchLoader({ search: async (q: string) => (asked.push(q), answer(q, 2)) });
    void loader.setQuery('G');
    void loader.setQuery('G1');
    const done = loader.setQuery('G12');
    await wait(DEBOUNCE_MS / 2);
    expect(asked).toEqual([]);
    await done;
    expect(asked).toEqual(['G12']);
    expect(loader.store.get()).toMatchObject({ query: 'G12', status: 'done', active: -1 });
  });

  it('an Enter pressed before the answer waits for it and shows its first result', async () => {
    const loader = new SearchLoader({ search: async (q: string) => answer(q, 3) });
    const shown: SearchHit[] = [];
    const done = loader.setQuery('f');
    loader.key('Enter', false, (h) => shown.push(h));
    expect(shown).toEqual([]);
    await done;
    expect(shown).toEqual([group(0)]);
    loader.key('Enter', false, (h) => shown.push(h));
    expect(shown).toEqual([group(0), group(1)]);
  });

  it('a blank query clears the answer without asking', async () => {
    const asked: string[] = [];
    const loader = new SearchLoader({ search: async (q: string) => (asked.push(q), answer(q, 1)) });
    await loader.setQuery('a');
    await loader.setQuery('  ');
    expect(asked).toEqual(['a']);
    expect(loader.store.get()).toMatchObject({ status: 'idle', response: null });
  });
});

const summary = fakeSummary({
  durationNs: 1_000_000_000,
  goroutineCount: 2,
  lanes: [{ id: 'task:5', section: 'tasks', kind: 'spans', title: 'T5 order' }],
  groups: [
    { name: 'main.main', count: 1, execNs: 2 },
    { name: 'main.worker', count: 1, execNs: 1 },
  ],
});
const never = () => new Promise<never>(() => undefined);
const quietApi = new Proxy({}, { get: () => never }) as unknown as TraceApi;

describe('the / key and choosing a result', () => {
  it('/ opens the search; Esc closes it before it clears the selection', () => {
    const session = createTraceSession(quietApi, summary, DEFAULT_URL_STATE);
    const key = (k: string) => handleTimelineKey({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false }, { session, pointerXPx: () => null, scrollBy: () => undefined, pageHeightPx: () => 500 });
    session.ui.update((s) => ({ ...s, selection: { startNs: 1, endNs: 2 } }));
    expect(key('/')).toBe(true);
    expect(session.search.store.get().open).toBe(true);
    key('Escape');
    expect(session.search.store.get().open).toBe(false);
    expect(session.ui.get().selection).not.toBeNull();
    key('Escape');
    expect(session.ui.get().selection).toBeNull();
    expect(SHORTCUTS.flatMap((s) => s.items.flatMap((i) => i.keys))).toContain('/');
  });

  it('a task zooms to the task and selects its lane; a group opens and is scrolled to', async () => {
    const session = createTraceSession(quietApi, summary, DEFAULT_URL_STATE);
    session.viewport.widthPx = 1000;
    session.ui.update((s) => ({ ...s, tasksExpanded: false, expandedGroups: new Set() }));
    await revealSearchHit(session, { kind: 'task', id: 5, type: 'order', lane: 'task:5', startNs: 200_000, endNs: 400_000 });
    const v = session.viewport.get();
    expect(v.startNs).toBeLessThanOrEqual(200_000);
    expect(v.endNs).toBeGreaterThanOrEqual(400_000);
    expect(v.endNs - v.startNs).toBeLessThan(300_000);
    expect(session.ui.get()).toMatchObject({ tasksExpanded: true, span: { lane: 'task:5', startNs: 200_000, endNs: 400_000 } });
    expect(session.scrollRequest.get()).toEqual({ laneId: 'task:5' });
    await revealSearchHit(session, group(1));
    expect(session.ui.get().expandedGroups.has(1)).toBe(true);
    expect(session.scrollRequest.get()).toEqual({ group: 1, member: -1 });
  });

  it('a goroutine is selected at the view centre when the view shows its life, else at its start', () => {
    expect(timeInLifetime(100, 900, { startNs: 0, endNs: 1000 })).toBe(500);
    expect(timeInLifetime(100, 300, { startNs: 0, endNs: 1000 })).toBe(300);
    expect(timeInLifetime(2000, 3000, { startNs: 0, endNs: 1000 })).toBe(2000);
  });
});
