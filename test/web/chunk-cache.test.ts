import { describe, expect, it } from 'vitest';
import type { LaneChunk } from '../../shared/chunk-codec.ts';
import type { ChunkQuery } from '../../web/data/api-client.ts';
import { ChunkCache } from '../../web/data/chunk-cache.ts';
import { overTheWire, spansLane } from './helpers/fake-chunks.ts';

const D = 1_000_000_000;

interface Call {
  q: ChunkQuery;
  signal: AbortSignal;
  resolve: () => void;
  reject: (e: unknown) => void;
}

function fakeServer(spansPerLane = 10) {
  const calls: Call[] = [];
  const fetchChunk = (q: ChunkQuery, signal: AbortSignal) =>
    new Promise<{ lanes: LaneChunk[] }>((res, rej) => {
      const lanes = q.lanes.map((id) => {
        const step = (q.endNs - q.startNs) / spansPerLane;
        return spansLane(id, Array.from({ length: spansPerLane }, (_, i) => [q.startNs + i * step, q.startNs + (i + 1) * step, 1] as [number, number, number]));
      });
      const chunk = overTheWire({ startNs: q.startNs, endNs: q.endNs, nsPerPx: q.nsPerPx, lanes });
      signal.addEventListener('abort', () => rej(new DOMException('aborted', 'AbortError')));
      calls.push({ q, signal, resolve: () => res(chunk), reject: rej });
    });
  return { calls, fetchChunk };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('chunk cache', () => {
  it('asks once for a view however often the frame loop asks', async () => {
    const s = fakeServer();
    let updates = 0;
    const cache = new ChunkCache({ fetchChunk: s.fetchChunk, durationNs: D, onUpdate: () => updates++ });
    cache.ensure(['proc:0', 'proc:1'], 0, D, 1000);
    cache.ensure(['proc:0', 'proc:1'], 0, D, 1000);
    expect(s.calls).toHaveLength(1);
    expect(s.calls[0].q.lanes).toEqual(['proc:0', 'proc:1']);
    s.calls[0].resolve();
    await flush();
    expect(updates).toBe(1);
    cache.ensure(['proc:0', 'proc:1'], 0, D, 1000);
    expect(s.calls).toHaveLength(1);
    expect(cache.layers('proc:0', 0, D, s.calls[0].q.nsPerPx)).toHaveLength(1);
  });

  it('panning inside the padding fetches nothing; panning past it fetches the next window', async () => {
    const s = fakeServer();
    const cache = new ChunkCache({ fetchChunk: s.fetchChunk, durationNs: D });
    cache.ensure(['g:1'], 400_000_000, 410_000_000, 1000);
    s.calls[0].resolve();
    await flush();
    cache.ensure(['g:1'], 402_000_000, 412_000_000, 1000);
    expect(s.calls).toHaveLength(1);
    cache.ensure(['g:1'], 430_000_000, 440_000_000, 1000);
    expect(s.calls).toHaveLength(2);
    expect(s.calls[1].q.startNs).toBeLessThanOrEqual(420_000_000);
  });

  it('zooming to another resolution aborts the stale request and keeps drawing the old data', async () => {
    const s = fakeServer();
    const cache = new ChunkCache({ fetchChunk: s.fetchChunk, durationNs: D });
    cache.ensure(['proc:0'], 0, D, 1000);
    s.calls[0].resolve();
    await flush();
    cache.ensure(['proc:0'], 100_000_000, 200_000_000, 1000); // request 2
    cache.ensure(['proc:0'], 100_000_000, 110_000_000, 1000); // request 3 aborts 2
    expect(s.calls).toHaveLength(3);
    expect(s.calls[1].signal.aborted).toBe(true);
    expect(s.calls[2].signal.aborted).toBe(false);
    expect(cache.requestsAborted).toBe(1);
    // While 3 loads, the whole-trace chunk stands in.
    const layers = cache.layers('proc:0', 100_000_000, 110_000_000, s.calls[2].q.nsPerPx);
    expect(layers).toHaveLength(1);
    expect(layers[0].piece.nsPerPx).toBe(s.calls[0].q.nsPerPx);
  });

  it('batches lanes, in display order', () => {
    const s = fakeServer();
    const cache = new ChunkCache({ fetchChunk: s.fetchChunk, durationNs: D, batchLanes: 2 });
    cache.ensure(['a', 'b', 'c'], 0, D, 1000);
    expect(s.calls.map((c) => c.q.lanes)).toEqual([['a', 'b'], ['c']]);
  });

  it('a failed window is not asked for again until the retry delay passes', async () => {
    const s = fakeServer();
    let now = 0;
    const errors: unknown[] = [];
    const cache = new ChunkCache({ fetchChunk: s.fetchChunk, durationNs: D, now: () => now, retryMs: 1000, onError: (e) => errors.push(e) });
    cache.ensure(['x'], 0, D, 1000);
    s.calls[0].reject(new Error('boom'));
    await flush();
    expect(errors).toHaveLength(1);
    cache.ensure(['x'], 0, D, 1000);
    expect(s.calls).toHaveLength(1);
    now = 1500;
    cache.ensure(['x'], 0, D, 1000);
    expect(s.calls).toHaveLength(2);
  });

  it('memory stays under maxBytes, least recently drawn first, overview chunks kept', async () => {
    const s = fakeServer(1000);
    const cache = new ChunkCache({ fetchChunk: s.fetchChunk, durationNs: D, maxBytes: 60_000 });
    cache.ensure(['proc:0'], 0, D, 1000); // pinned overview (~21 kB)
    s.calls[0].resolve();
    await flush();
    for (let i = 0; i < 6; i++) {
      const start = i * 100_000_000;
      cache.ensure([`g:${i}`], start, start + 10_000_000, 1000);
      s.calls[s.calls.length - 1].resolve();
      await flush();
    }
    expect(cache.bytes).toBeLessThanOrEqual(60_000);
    expect(cache.overview('proc:0')).toBeDefined();
    expect(cache.layers('g:5', 500_000_000, 510_000_000, s.calls[s.calls.length - 1].q.nsPerPx)).not.toHaveLength(0);
    expect(cache.layers('g:0', 0, 10_000_000, 1)).toHaveLength(0);
  });
});

describe('chunk cache and scrolling', () => {
  it('a request whose lanes all scrolled out of view is aborted', () => {
    const s = fakeServer();
    const cache = new ChunkCache({ fetchChunk: s.fetchChunk, durationNs: D });
    cache.ensure(['g:1', 'g:2'], 0, D, 1000);
    cache.ensure(['g:2', 'g:3'], 0, D, 1000); // g:2 still shown: the first request stays
    expect(s.calls[0].signal.aborted).toBe(false);
    expect(s.calls[1].q.lanes).toEqual(['g:3']);
    cache.ensure(['g:9'], 0, D, 1000);
    expect(s.calls[0].signal.aborted).toBe(true);
    expect(s.calls[1].signal.aborted).toBe(true);
    expect(s.calls[2].q.lanes).toEqual(['g:9']);
  });
});
