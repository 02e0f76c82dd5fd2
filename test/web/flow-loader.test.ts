import { describe, expect, it } from 'vitest';
import type { FlowsResponse } from '../../shared/flow-api.ts';
import type { FlowQuery } from '../../web/data/api-client.ts';
import { FlowLoader } from '../../web/data/flow-loader.ts';

/** The flow loader: one answer, one request at a time, aborted when the view moves on, reused while it serves. */
function harness(truncated = false) {
  const calls: { q: FlowQuery; signal: AbortSignal; resolve: (r: FlowsResponse) => void }[] = [];
  let updates = 0;
  const loader = new FlowLoader({
    durationNs: 10_000,
    fetchFlows: (q, signal) => new Promise((resolve) => calls.push({ q, signal, resolve })),
    onUpdate: () => updates++,
  });
  const answer = (i: number) => calls[i].resolve({ arrows: [{ kind: 'create', reason: '', fromLane: 'g:1', fromNs: 1, toLane: 'g:2', toNs: 2, goroutine: 2 }], total: 1, truncated, cut: {} });
  return { loader, calls, answer, updates: () => updates };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('flow loader', () => {
  it('asks for the visible lanes over the view padded by half a view each side, clamped to the trace', async () => {
    const h = harness();
    h.loader.ensure(['g:1', 'proc:0'], 1000, 3000);
    expect(h.calls.map((c) => c.q)).toEqual([{ lanes: ['g:1', 'proc:0'], startNs: 0, endNs: 4000, limit: undefined }]);
    h.answer(0);
    await flush();
    expect(h.loader.arrows).toHaveLength(1);
    expect(h.updates()).toBe(1);
  });

  it('reuses the answer for a pan inside the padding and for fewer lanes', async () => {
    const h = harness();
    h.loader.ensure(['g:1', 'proc:0'], 4000, 6000);
    h.answer(0);
    await flush();
    h.loader.ensure(['g:1'], 3200, 5200);
    h.loader.ensure(['g:1', 'proc:0'], 4800, 6800);
    expect(h.calls).toHaveLength(1);
  });

  it('asks again for a lane scrolled into view or a pan past the padding, aborting the request that no longer serves', async () => {
    const h = harness();
    h.loader.ensure(['g:1'], 4000, 6000);
    h.loader.ensure(['g:1', 'g:9'], 4000, 6000);
    expect(h.calls).toHaveLength(2);
    expect(h.calls[0].signal.aborted).toBe(true);
    h.answer(0); // too late: ignored
    await flush();
    expect(h.loader.arrows).toHaveLength(0);
    h.answer(1);
    await flush();
    h.loader.ensure(['g:1'], 7500, 9500);
    expect(h.calls).toHaveLength(3);
    expect(h.calls[2].q.startNs).toBe(6500);
  });

  it('a sampled answer is asked again once the view is four times narrower; a complete one is kept', async () => {
    for (const truncated of [true, false]) {
      const h = harness(truncated);
      h.loader.ensure(['g:1'], 0, 8000);
      h.answer(0);
      await flush();
      h.loader.ensure(['g:1'], 1000, 2900); // 4.2x narrower
      expect(h.calls.length, `truncated=${truncated}`).toBe(truncated ? 2 : 1);
    }
  });

  it('tells subscribers when an answer arrives and when it is dropped (the toolbar shows whether it was sampled)', async () => {
    const h = harness(true);
    let calls = 0;
    const off = h.loader.subscribe(() => calls++);
    h.loader.ensure(['g:1'], 0, 1000);
    h.answer(0);
    await flush();
    expect([calls, h.loader.response?.truncated]).toEqual([1, true]);
    h.loader.clear();
    expect([calls, h.loader.response]).toEqual([2, null]);
    off();
    h.loader.ensure(['g:1'], 0, 1000);
    h.answer(1);
    await flush();
    expect(calls).toBe(2);
  });

  it('clear drops the answer and aborts the request in flight', async () => {
    const h = harness();
    h.loader.ensure(['g:1'], 0, 1000);
    h.answer(0);
    await flush();
    h.loader.ensure(['g:2'], 0, 1000);
    h.loader.clear();
    expect(h.calls[1].signal.aborted).toBe(true);
    expect(h.loader.arrows).toHaveLength(0);
    expect(h.loader.pending).toBe(false);
  });
});
