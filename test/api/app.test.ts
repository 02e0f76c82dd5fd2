import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/api/app.ts';
import { allowedHosts } from '../../server/api/host-guard.ts';
import { goroutineStats } from '../../server/model/goroutine-stats.ts';
import { API, type GoroutineListResponse, type SpanDetail, type TraceSummary } from '../../shared/api.ts';
import { decodeChunk } from '../../shared/chunk-codec.ts';
import { SpanState } from '../../shared/states.ts';
import { fixtureContext } from '../helpers/model-cache.ts';

const ctx = fixtureContext('chansel-go1.26.trace');
const webRoot = mkdtempSync(join(tmpdir(), 'gtv-web-'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>gotrace-view</title>');
const app = buildApp({ ctx, webRoot });
afterAll(() => app.close());

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

describe('GET /api/summary', () => {
  it('describes the trace: version, duration, counts, lanes, groups', async () => {
    const r = await get(API.summary);
    expect(r.statusCode).toBe(200);
    const s = r.json() as TraceSummary;
    expect(s.version).toBe('go 1.26');
    expect(s.durationNs).toBe(ctx.model.endNs);
    expect(s.goroutineCount).toBe(ctx.model.goroutines.count);
    expect(s.lanes.map((l) => l.id)).toEqual(expect.arrayContaining(['stats:goroutines', 'stats:heap', 'stats:threads', 'gc', 'net', 'syscalls', 'proc:0', 'proc:1']));
    expect(s.groups[0].execNs).toBeGreaterThanOrEqual(s.groups[s.groups.length - 1].execNs);
    expect(s.reasons[0]).toBe('');
  });
});

describe('GET /api/chunk', () => {
  it('returns binary lanes that decode, with spans merged below a pixel', async () => {
    const nsPerPx = 2 ** 20;
    const r = await get(`${API.chunk}?lanes=proc:0,g:1,stats:goroutines&start=0&end=${ctx.model.endNs}&nsPerPx=${nsPerPx}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/octet-stream/);
    const chunk = decodeChunk(new Uint8Array(r.rawPayload));
    expect(chunk.lanes.map((l) => l.id)).toEqual(['proc:0', 'g:1', 'stats:goroutines']);
    const proc = chunk.lanes[0];
    expect(proc.count).toBeGreaterThan(0);
    const start = proc.arrays.startNs as Float64Array;
    const count = proc.arrays.count as Uint32Array;
    // Narrow spans merge per absolute pixel bucket: at most one merged span starts in any bucket.
    const mergedBuckets = new Set<number>();
    for (let i = 0; i < proc.count; i++) {
      if (count[i] > 1) {
        const b = Math.floor(start[i] / nsPerPx);
        expect(mergedBuckets.has(b)).toBe(false);
        mergedBuckets.add(b);
      }
      if (i > 0) expect(start[i]).toBeGreaterThanOrEqual(start[i - 1]);
    }
    expect(mergedBuckets.size).toBeGreaterThan(0);
    expect([...(proc.arrays.state as Uint8Array)].every((s) => s === SpanState.Executing || s === SpanState.ExecutingSyscall)).toBe(true);
    const counters = chunk.lanes[2];
    expect(counters.meta?.series).toEqual(['running', 'runnable', 'waiting', 'gcwaiting']);
    const runMax = counters.arrays['running.max'] as Float64Array;
    const runMin = counters.arrays['running.min'] as Float64Array;
    for (let i = 0; i < counters.count; i++) expect(runMax[i]).toBeGreaterThanOrEqual(runMin[i]);
  });

  it.each([
    ['no lanes', `?start=0&end=10&nsPerPx=1`, /lanes/],
    ['a start that is not a number', `?lanes=gc&start=abc&end=10&nsPerPx=1`, /start must be number/],
    ['an unknown lane', `?lanes=proc:99&start=0&end=10&nsPerPx=1`, /unknown lane "proc:99"/],
    ['end before start', `?lanes=gc&start=10&end=5&nsPerPx=1`, /before start/],
    ['too many pixels', `?lanes=gc&start=0&end=1000000&nsPerPx=1`, /at most 20000/],
    ['an unexpected parameter', `?lanes=gc&start=0&end=10&nsPerPx=1&evil=1`, /must NOT have additional properties/],
  ])('rejects %s with 400 and says which parameter', async (_, query, message) => {
    const r = await get(`${API.chunk}${query}`);
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toMatch(message);
  });
});

describe('GET /api/goroutines and /api/span', () => {
  it('pages through a goroutine group', async () => {
    const group = ctx.groups.names[0];
    const r = await get(`${API.goroutineList}?group=${encodeURIComponent(group)}&offset=0&limit=2`);
    expect(r.statusCode).toBe(200);
    const body = r.json() as GoroutineListResponse;
    expect(body.total).toBe(ctx.groups.counts[0]);
    expect(body.items.length).toBe(Math.min(2, body.total));
  });

  it('details the span under a time: goroutine, state, stacks, creator', async () => {
    const m = ctx.model;
    const g = m.goroutines.indexOf(1);
    const t = m.transitions.time.at(m.transitions.offsets[g] + 1) + 1;
    const r = await get(`${API.span}?lane=g:1&t=${t}`);
    expect(r.statusCode).toBe(200);
    const d = r.json() as SpanDetail;
    expect(d.goroutine).toBe(1);
    expect(d.goroutineName).toBe('main.main');
    expect(d.startNs).toBeLessThanOrEqual(t);
    expect(d.endNs).toBeGreaterThanOrEqual(t);
  });

  it('404s a time with nothing on the lane', async () => {
    const r = await get(`${API.span}?lane=proc:0&t=0`);
    expect([200, 404]).toContain(r.statusCode);
  });
});

describe('analysis routes', () => {
  it('goroutine analysis over a window matches the model replay', async () => {
    const m = ctx.model;
    const start = Math.floor(m.endNs / 4);
    const end = Math.floor(m.endNs / 2);
    const r = await get(`${API.goroutineAnalysis}?start=${start}&end=${end}`);
    expect(r.statusCode).toBe(200);
    const body = r.json() as { goroutines: { id: number; execNs: number }[] };
    const g1 = body.goroutines.find((g) => g.id === 1)!;
    expect(g1.execNs).toBe(goroutineStats(m, m.goroutines.indexOf(1), start, end).execNs);
  });

  it('serves a profile as JSON and as a gzipped pprof download with go tool trace sample types', async () => {
    const json = await get(`${API.profile}?kind=sched`);
    expect(json.statusCode).toBe(200);
    const view = json.json() as { totalNs: number; root: { totalNs: number } };
    expect(view.root.totalNs).toBe(view.totalNs);
    const raw = await get(`${API.profile}?kind=sched&format=pprof`);
    expect(raw.headers['content-disposition']).toMatch(/attachment; filename="sched.pb.gz"/);
    const p = Profile.decode(gunzipSync(raw.rawPayload));
    expect(p.sampleType.map((t) => [p.stringTable.strings[Number(t.type)], p.stringTable.strings[Number(t.unit)]])).toEqual([
      ['contentions', 'count'],
      ['delay', 'nanoseconds'],
    ]);
    const total = p.sample.reduce((n, s) => n + Number(s.value[1]), 0);
    expect(total).toBe(view.totalNs);
  });

  it('rejects an unknown profile kind', async () => {
    const r = await get(`${API.profile}?kind=cpu`);
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toMatch(/kind must be equal to one of the allowed values/);
  });
});

describe('security', () => {
  const guarded = buildApp({ ctx, webRoot, allowedHosts: () => allowedHosts('127.0.0.1', 4321) });
  afterAll(() => guarded.close());
  it('answers its own address and localhost', async () => {
    for (const host of ['127.0.0.1:4321', 'localhost:4321']) expect((await guarded.inject({ url: API.summary, headers: { host } })).statusCode).toBe(200);
  });
  it('refuses other Host headers (DNS rebinding)', async () => {
    const r = await guarded.inject({ url: API.summary, headers: { host: 'attacker.example:4321' } });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('HOST_NOT_ALLOWED');
  });
  it('serves the web app and never a file outside it', async () => {
    expect((await get('/')).body).toMatch(/gotrace-view/);
    for (const url of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/api/../../etc/passwd']) {
      const r = await get(url);
      expect(r.body).not.toMatch(/"name": "gotrace-view"|root:x:/);
    }
  });
  it('serves the app shell for client-side routes but 404s unknown API paths', async () => {
    expect((await get('/goroutines')).body).toMatch(/gotrace-view/);
    expect((await get('/api/nope')).statusCode).toBe(404);
  });
});
