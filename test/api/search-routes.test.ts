import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/api/app.ts';
import { creatorOf } from '../../server/model/goroutine-table.ts';
import { API } from '../../shared/api.ts';
import type { RelatedGoroutines } from '../../shared/related-api.ts';
import type { SearchResponse } from '../../shared/search-api.ts';
import { fixtureContext } from '../helpers/model-cache.ts';

/** /api/search and /api/goroutine/related through Fastify's inject. */
const annotations = fixtureContext('annotations-go1.26.trace');
const mutex = fixtureContext('mutex-go1.26.trace');
const app = buildApp({ ctx: annotations });
const mutexApp = buildApp({ ctx: mutex });
afterAll(() => Promise.all([app.close(), mutexApp.close()]));

const get = (url: string, a = app) => a.inject({ method: 'GET', url });

describe('GET /api/search', () => {
  it('answers goroutines, groups, tasks, regions and logs for one query, with totals', async () => {
    const r = await get(`${API.search}?q=${encodeURIComponent('order')}&limit=500`);
    expect(r.statusCode).toBe(200);
    const body = r.json() as SearchResponse;
    expect(body.query).toBe('order');
    const kinds = [...new Set(body.results.map((h) => h.kind))];
    // "order" is a task type and a log category of the fixture.
    expect(kinds).toEqual(expect.arrayContaining(['task', 'log']));
    expect(kinds).toEqual(Object.entries(body.totals).filter(([, n]) => n > 0).map(([k]) => k));
    for (const k of kinds) expect(body.totals[k]).toBe(body.results.filter((h) => h.kind === k).length);
    expect(body.truncated).toBe(false);
    expect(body.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('lists at most 50 by default', async () => {
    const body = (await get(`${API.search}?q=e`)).json() as SearchResponse;
    expect(body.results.length).toBe(50);
    expect(body.truncated).toBe(true);
  });

  it.each([
    ['no q', '', /q/],
    ['an empty q', '?q=', /must NOT have fewer than 1 characters/],
    ['a q over 200 characters', `?q=${'x'.repeat(201)}`, /must NOT have more than 200 characters/],
    ['a limit over 500', '?q=a&limit=501', /limit must be <= 500/],
    ['an unexpected parameter', '?q=a&kind=task', /must NOT have additional properties/],
  ])('rejects %s with 400 and says which parameter', async (_, query, message) => {
    const r = await get(`${API.search}${query}`);
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toMatch(message);
  });
});

describe('GET /api/goroutine/related', () => {
  it('answers the creator and the unblock relations of a worker of the mutex fixture', async () => {
    const m = mutex.model;
    // The worker unblocked most often.
    let best = -1;
    for (let g = 0, most = -1; g < m.goroutines.count; g++) {
      const n = m.transitions.offsets[g + 1] - m.transitions.offsets[g];
      if (creatorOf(m.transitions, g) >= 0 && n > most) [best, most] = [g, n];
    }
    const id = m.goroutines.id(best);
    const r = await get(`${API.goroutineRelated}?id=${id}`, mutexApp);
    expect(r.statusCode).toBe(200);
    const body = r.json() as RelatedGoroutines;
    expect(body.id).toBe(id);
    expect(body.creator?.id).toBe(m.goroutines.id(creatorOf(m.transitions, best)));
    expect(body.unblockedBy.total).toBeGreaterThan(0);
    expect(body.unblocked.total).toBeGreaterThan(0);
    const capped = (await get(`${API.goroutineRelated}?id=${id}&limit=1`, mutexApp)).json() as RelatedGoroutines;
    expect(capped.unblockedBy.goroutines).toEqual(body.unblockedBy.goroutines.slice(0, 1));
    expect(capped.unblockedBy.total).toBe(body.unblockedBy.total);
  });

  it.each([
    ['an unknown goroutine', '?id=987654321', 404, /no goroutine 987654321/],
    ['no id', '', 400, /id/],
    ['a limit of 0', '?id=1&limit=0', 400, /limit must be >= 1/],
    ['a limit over 5000', '?id=1&limit=5001', 400, /limit must be <= 5000/],
  ])('answers %s with %i', async (_, query, status, message) => {
    const r = await get(`${API.goroutineRelated}${query}`, mutexApp);
    expect(r.statusCode).toBe(status);
    expect(r.json().message).toMatch(message);
  });
});
