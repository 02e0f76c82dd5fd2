import { describe, expect, it } from 'vitest';
import type { GoroutineListResponse, SelectionSummary, SpanDetail } from '../../shared/api.ts';
import type { TraceApi } from '../../web/data/api-client.ts';
import { revealGoroutine } from '../../web/state/reveal-goroutine.ts';
import { createTraceSession } from '../../web/state/trace-session.ts';
import { DEFAULT_URL_STATE } from '../../web/state/url-state.ts';
import { fakeSummary } from '../helpers/fake-summary.ts';

const summary = fakeSummary({
  goroutineCount: 1001,
  groups: [
    { name: 'main.main', count: 1, execNs: 10 },
    { name: 'main.worker', count: 1000, execNs: 5 },
  ],
});

function detail(goroutine: number, startNs: number, endNs: number): SpanDetail {
  return { lane: `g:${goroutine}`, goroutine, goroutineName: 'main.worker', state: 'running', reason: '', startNs, endNs, startStack: [], endStack: [], creator: null, unblockedBy: null, proc: null };
}

function fakeApi() {
  const spanCalls: string[] = [];
  const selectionCalls: string[] = [];
  const goroutineCalls: number[] = [];
  const api = {
    summary: async () => summary,
    goroutines: async (group: string, offset: number, limit: number): Promise<GoroutineListResponse> => {
      const ids = group === 'main.worker' ? Array.from({ length: 1000 }, (_, i) => 100 + i * 2) : [1];
      return { group, total: ids.length, offset, items: ids.slice(offset, offset + limit).map((id) => ({ id, group: 0, label: '', createdNs: 0, endNs: -1, execNs: 0 })) };
    },
    // The worker group's ids are 100, 102, 104 …; anything else is unknown.
    goroutine: async (id: number) => {
      goroutineCalls.push(id);
      const member = (id - 100) / 2;
      return Number.isInteger(member) && member >= 0 && member < 1000 ? { id, group: 1, groupName: 'main.worker', member, label: '', createdNs: 0, endNs: -1 } : null;
    },
    span: async (lane: string, t: number) => {
      spanCalls.push(`${lane}@${t}`);
      return detail(Number(lane.slice(2)), t - 10, t + 10);
    },
    selection: async (r: { startNs: number; endNs: number }, signal?: AbortSignal): Promise<SelectionSummary> => {
      selectionCalls.push(`${r.startNs}-${r.endNs}`);
      await new Promise((res) => setTimeout(res, 5));
      if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
      return { startNs: r.startNs, endNs: r.endNs, stateNs: {}, gcNs: 0, stwNs: 0, topBlocking: [] };
    },
  } as unknown as TraceApi;
  return { api, spanCalls, selectionCalls, goroutineCalls };
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('trace session', () => {
  it('selecting a span loads its detail and takes its exact bounds', async () => {
    const f = fakeApi();
    const s = createTraceSession(f.api, summary, DEFAULT_URL_STATE);
    s.ui.update((u) => ({ ...u, span: { lane: 'g:104', timeNs: 500, startNs: 400, endNs: 600, count: 3 } }));
    await tick();
    expect(f.spanCalls).toEqual(['g:104@500']);
    expect(s.details.store.get().span).toMatchObject({ status: 'done' });
    expect(s.ui.get().span).toMatchObject({ startNs: 490, endNs: 510, count: 3 });
  });

  it('a new range selection replaces the summary of the previous one', async () => {
    const f = fakeApi();
    const s = createTraceSession(f.api, summary, DEFAULT_URL_STATE);
    s.details.loadRange({ startNs: 0, endNs: 10 });
    s.details.loadRange({ startNs: 0, endNs: 20 });
    await tick();
    const st = s.details.store.get();
    expect(st.rangeKey).toBe('0-20');
    expect(st.range).toMatchObject({ status: 'done', value: { endNs: 20 } });
    s.ui.update((u) => ({ ...u, selection: { startNs: 0, endNs: 20 } }));
    s.ui.update((u) => ({ ...u, selection: null }));
    expect(s.details.store.get().range.status).toBe('idle');
  });

  it('a link to a goroutine expands its group, scrolls to its row and selects its span', async () => {
    const f = fakeApi();
    const s = createTraceSession(f.api, summary, { ...DEFAULT_URL_STATE });
    s.ui.update((u) => ({ ...u, expandedGroups: new Set() }));
    const ok = await revealGoroutine(s, 100 + 2 * 777, { timeNs: 5000 });
    expect(ok).toBe(true);
    expect(s.ui.get().expandedGroups.has(1)).toBe(true);
    expect(s.scrollRequest.get()).toEqual({ group: 1, member: 777 });
    expect(s.layout.get().memberTopPx(1, 777)).not.toBeNull();
    expect(s.ui.get().span).toMatchObject({ lane: 'g:1654', timeNs: 5000, startNs: 4990, endNs: 5010 });
    // One request located the lane.
    expect(f.goroutineCalls).toEqual([1654]);
  });

  it('an unknown goroutine reveals nothing', async () => {
    const f = fakeApi();
    const s = createTraceSession(f.api, summary, { ...DEFAULT_URL_STATE });
    expect(await revealGoroutine(s, 99_999)).toBe(false);
    expect(s.scrollRequest.get()).toBeNull();
  });
});
