import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/api/app.ts';
import { buildModel } from '../../server/model/build-model.ts';
import { MmuService } from '../../server/query/mmu-service.ts';
import { QueryContext } from '../../server/query/query-context.ts';
import { API, type MmuResponse, type MmuWindow } from '../../shared/api.ts';
import { REPO } from '../helpers/paths.ts';

const trace = (name: string) => join(REPO, 'fixtures/traces', `${name}.trace`);
const expected = (name: string) => JSON.parse(readFileSync(join(REPO, 'fixtures/expected', name, 'mmu.json'), 'utf8')) as { xMin: number; xMax: number; curve: number[][] };

const gc = trace('gcheavy-go1.26');
const inlineApp = buildApp({ ctx: new QueryContext(buildModel(gc)) });
const worker = new MmuService(gc, join(REPO, 'dist/server/mmu-worker.mjs'));
const workerApp = buildApp({ ctx: new QueryContext(buildModel(gc)), mmu: worker });
afterAll(async () => {
  await Promise.all([inlineApp.close(), workerApp.close(), worker.close()]);
});

const get = async <T>(app: typeof inlineApp, url: string) => {
  const r = await app.inject({ method: 'GET', url });
  return { status: r.statusCode, body: r.json() as T };
};

describe('MMU routes', () => {
  it('the default flags give go tool trace\'s /mmu plot of gcheavy-go1.26, point for point', async () => {
    const { status, body } = await get<MmuResponse>(inlineApp, API.mmu);
    expect(status).toBe(200);
    const go = expected('gcheavy-go1.26');
    expect(body.flags).toEqual(['stw', 'background', 'assist']);
    expect(body.xMinNs).toBe(go.xMin);
    expect(body.xMaxNs).toBe(go.xMax);
    expect(body.curve).toEqual(go.curve);
    expect(body.quantiles).toEqual([]);
  });

  it('the worker thread reads the same curves and worst windows as the inline read', async () => {
    for (const q of ['flags=stw,background,assist&percentiles=1', 'flags=stw,sweep,perproc', 'flags=']) {
      const a = await get<MmuResponse>(inlineApp, `${API.mmu}?${q}`);
      const b = await get<MmuResponse>(workerApp, `${API.mmu}?${q}`);
      expect(b.status).toBe(200);
      expect(b.body).toEqual(a.body);
    }
    const a = await get<MmuWindow[]>(inlineApp, `${API.mmuDetails}?flags=stw,assist&windowNs=100000`);
    const b = await get<MmuWindow[]>(workerApp, `${API.mmuDetails}?flags=stw,assist&windowNs=100000`);
    expect(b.body).toEqual(a.body);
    expect(a.body.length).toBeGreaterThan(0);
    expect(a.body.length).toBeLessThanOrEqual(10);
    // Worst first, each the requested width.
    for (let i = 1; i < a.body.length; i++) expect(a.body[i].util).toBeGreaterThanOrEqual(a.body[i - 1].util);
    for (const w of a.body) expect(w.durationNs).toBe(100000);
  });

  it('percentiles add the 99.9th, 99th and 95th percentile columns', async () => {
    const { body } = await get<MmuResponse>(inlineApp, `${API.mmu}?percentiles=1`);
    expect(body.quantiles).toEqual([0, 0.001, 0.01, 0.05]);
    expect(body.curve.every((p) => p.length === 5)).toBe(true);
  });

  it('an old trace that never reports GOMAXPROCS answers an empty curve with the reason (go tool trace panics)', async () => {
    const app = buildApp({ ctx: new QueryContext(buildModel(trace('annotations-go1.19'))) });
    const { status, body } = await get<MmuResponse>(app, API.mmu);
    expect(status).toBe(200);
    expect(body.curve).toEqual([]);
    expect(body.message).toMatch(/GOMAXPROCS/);
    await app.close();
  });

  it('unknown flags and a missing window size are 400 BAD_QUERY', async () => {
    expect((await get(inlineApp, `${API.mmu}?flags=stw,bogus`)).status).toBe(400);
    const r = await get<{ code: string }>(inlineApp, `${API.mmuDetails}?flags=stw`);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('BAD_QUERY');
  });
});

describe('MMU routes over a time window', () => {
  it('start=0 and end=the trace end are the whole trace; a window plots windows no longer than itself', async () => {
    const summary = (await get<{ durationNs: number }>(inlineApp, API.summary)).body;
    const whole = await get<MmuResponse>(inlineApp, API.mmu);
    const explicit = await get<MmuResponse>(inlineApp, `${API.mmu}?start=0&end=${summary.durationNs}`);
    expect(explicit.body).toEqual(whole.body);
    const half = Math.floor(summary.durationNs / 2);
    const part = await get<MmuResponse>(inlineApp, `${API.mmu}?start=${half}&end=${half + 1_000_000}`);
    expect(part.status).toBe(200);
    expect(part.body.xMaxNs).toBeLessThanOrEqual(1_000_000);
    const worst = await get<MmuWindow[]>(inlineApp, `${API.mmuDetails}?windowNs=10000&start=${half}&end=${half + 1_000_000}`);
    for (const w of worst.body) {
      expect(w.startNs).toBeGreaterThanOrEqual(half);
      expect(w.startNs + w.durationNs).toBeLessThanOrEqual(half + 1_000_000);
    }
  });
});
