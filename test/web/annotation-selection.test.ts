import { describe, expect, it } from 'vitest';
import type { AnnotationDetail, SpanDetail } from '../../shared/api.ts';
import type { TraceApi } from '../../web/data/api-client.ts';
import { revealGoroutine } from '../../web/state/reveal-goroutine.ts';
import { createTraceSession } from '../../web/state/trace-session.ts';
import { decodeUrlState } from '../../web/state/url-state.ts';
import { fakeSummary } from '../helpers/fake-summary.ts';

/** Selecting a region, CPU sample or log: its detail comes from /api/annotation, not /api/span, and survives a reload. */

const summary = fakeSummary({ groups: [{ name: 'main.worker', count: 1, execNs: 10, regionLevels: 2 }] });

const region: AnnotationDetail = { kind: 'region', row: 7, name: 'decode', task: 3, taskName: 'order', goroutine: 20, goroutineName: 'main.worker', startNs: 100, endNs: 300, beganBeforeTrace: false, endedAfterTrace: false, startStack: [], endStack: [] };

function fakeApi() {
  const calls: string[] = [];
  const api = {
    goroutines: async () => ({ group: 'main.worker', total: 0, offset: 0, items: [] }),
    goroutine: async (id: number) => (id === 20 ? { id, group: 0, groupName: 'main.worker', member: 0, label: '', createdNs: 0, endNs: -1 } : null),
    span: async (lane: string, t: number): Promise<SpanDetail> => {
      calls.push(`span ${lane}@${t}`);
      return { lane, goroutine: 20, goroutineName: 'main.worker', state: 'running', reason: '', startNs: t - 10, endNs: t + 10, startStack: [], endStack: [], creator: null, unblockedBy: null, proc: null };
    },
    annotation: async (kind: string, row: number) => {
      calls.push(`annotation ${kind}:${row}`);
      return row === region.row ? region : null;
    },
    selection: async () => ({ startNs: 0, endNs: 0, stateNs: {}, gcNs: 0, stwNs: 0, topBlocking: [] }),
  } as unknown as TraceApi;
  return { api, calls };
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('selecting a lane track item', () => {
  it('loads the item from /api/annotation and keeps the item’s bounds (no span lookup)', async () => {
    const f = fakeApi();
    const s = createTraceSession(f.api, summary, decodeUrlState(''));
    s.ui.update((u) => ({ ...u, span: { lane: 'g:20', timeNs: 100, startNs: 100, endNs: 300, count: 1, item: { kind: 'region', row: 7 } } }));
    await tick();
    expect(f.calls).toEqual(['annotation region:7']);
    expect(s.details.store.get().item).toEqual({ status: 'done', value: region });
    expect(s.ui.get().span).toMatchObject({ startNs: 100, endNs: 300 });
  });

  it('another item at the same time and lane loads again; a plain span afterwards clears the item', async () => {
    const f = fakeApi();
    const s = createTraceSession(f.api, summary, decodeUrlState(''));
    s.ui.update((u) => ({ ...u, span: { lane: 'g:20', timeNs: 100, startNs: 100, endNs: 100, count: 1, item: { kind: 'sample', row: 1 } } }));
    s.ui.update((u) => ({ ...u, span: { lane: 'g:20', timeNs: 100, startNs: 100, endNs: 100, count: 1, item: { kind: 'log', row: 2 } } }));
    await tick();
    expect(f.calls).toEqual(['annotation sample:1', 'annotation log:2']);
    s.ui.update((u) => ({ ...u, span: { lane: 'g:20', timeNs: 150, startNs: 140, endNs: 160, count: 1 } }));
    await tick();
    expect(f.calls.at(-1)).toBe('span g:20@150');
    expect(s.details.store.get().item.status).toBe('idle');
  });

  it('a URL with an item opens with that item selected and loaded, then takes the region’s bounds', async () => {
    const f = fakeApi();
    const s = createTraceSession(f.api, summary, decodeUrlState('?span=g:20@100&item=region:7'));
    expect(s.ui.get().span).toMatchObject({ startNs: 100, endNs: 100 });
    await tick();
    expect(s.ui.get().span).toMatchObject({ item: { kind: 'region', row: 7 }, startNs: region.startNs, endNs: region.endNs });
    expect(f.calls).toEqual(['annotation region:7']);
  });

  it('revealing the goroutine of a shared link keeps its item selected', async () => {
    const f = fakeApi();
    const s = createTraceSession(f.api, summary, decodeUrlState('?span=g:20@100&item=region:7'));
    expect(await revealGoroutine(s, 20, { timeNs: 100 })).toBe(true);
    await tick();
    expect(s.ui.get().span?.item).toEqual({ kind: 'region', row: 7 });
    expect(s.details.store.get().item).toEqual({ status: 'done', value: region });
    // Without an item, the same reveal selects the span there.
    const plain = createTraceSession(f.api, summary, decodeUrlState('?span=g:20@100'));
    await revealGoroutine(plain, 20, { timeNs: 100 });
    expect(plain.ui.get().span).toMatchObject({ lane: 'g:20', startNs: 90, endNs: 110 });
    expect(plain.ui.get().span?.item).toBeUndefined();
  });

  it('a pixel of merged regions keeps the pixel’s bounds when its longest region loads', async () => {
    const f = fakeApi();
    const s = createTraceSession(f.api, summary, decodeUrlState(''));
    s.ui.update((u) => ({ ...u, span: { lane: 'g:20', timeNs: 50, startNs: 50, endNs: 400, count: 9, item: { kind: 'region', row: 7 } } }));
    await tick();
    expect(s.ui.get().span).toMatchObject({ startNs: 50, endNs: 400, count: 9 });
  });
});
