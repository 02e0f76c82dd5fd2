import { describe, expect, it } from 'vitest';
import { traceSummary } from '../../server/api/summary.ts';
import type { ChunkRequest } from '../../server/query/build-chunk.ts';
import { warmUpChunks } from '../../server/query/warm-up.ts';
import { fixtureContext } from '../helpers/model-cache.ts';

/** The chunk warm-up the server runs right after it starts listening. */

const TRACE = 'gcheavy-go1.26.trace';
const laneIds = () => traceSummary(fixtureContext(TRACE)).lanes.map((l) => l.id);
const tick = () => new Promise<void>((r) => setImmediate(r));

describe('warmUpChunks', () => {
  it('asks the whole trace, then ten zoom levels at two places, each 2000 px wide, and resolves done', async () => {
    const ctx = fixtureContext(TRACE);
    const asked: ChunkRequest[] = [];
    await warmUpChunks(ctx, laneIds(), (req) => void asked.push(req)).done;
    expect(asked).toHaveLength(21);
    expect(asked[0].startNs).toBe(0);
    expect(asked[0].endNs).toBeGreaterThanOrEqual(ctx.model.endNs);
    for (const req of asked) {
      expect((req.endNs - req.startNs) / req.nsPerPx).toBeCloseTo(2000, 0);
      expect(Math.log2(req.nsPerPx) % 1).toBe(0);
      expect(req.startNs).toBeGreaterThanOrEqual(0);
      expect(req.lanes).toEqual([...laneIds(), `g:${ctx.model.goroutines.id(0)}`]);
    }
    // Deeper and deeper: each level's resolution is at most the one before.
    for (let i = 1; i < asked.length; i++) expect(asked[i].nsPerPx).toBeLessThanOrEqual(asked[i - 1].nsPerPx);
    expect(asked[0].nsPerPx / asked[20].nsPerPx).toBeGreaterThanOrEqual(2 ** 16);
  });

  it('answers every query with the real chunk builder and encoder', async () => {
    await expect(warmUpChunks(fixtureContext(TRACE), laneIds()).done).resolves.toBeUndefined();
  });

  it('rejects done with the error of a failing query, and asks no more', async () => {
    let asked = 0;
    const w = warmUpChunks(fixtureContext(TRACE), laneIds(), () => {
      if (++asked === 3) throw new Error('lane builder broke');
    });
    await expect(w.done).rejects.toThrow('lane builder broke');
    await tick();
    expect(asked).toBe(3);
  });

  it('runs one query per macrotask, so a request arriving meanwhile is answered between two', async () => {
    const order: string[] = [];
    const w = warmUpChunks(fixtureContext(TRACE), laneIds(), () => {
      order.push('warm');
      if (order.length === 1) setImmediate(() => order.push('request'));
    });
    await w.done;
    expect(order.slice(0, 3)).toEqual(['warm', 'request', 'warm']);
    expect(order.filter((x) => x === 'warm')).toHaveLength(21);
  });

  it('cancel stops before the next query and resolves done', async () => {
    let asked = 0;
    const w = warmUpChunks(fixtureContext(TRACE), laneIds(), () => {
      asked++;
    });
    await tick();
    await tick();
    w.cancel();
    await w.done;
    const after = asked;
    for (let i = 0; i < 5; i++) await tick();
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(21);
    expect(asked).toBe(after);
  });
});
