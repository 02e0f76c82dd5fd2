import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/api/app.ts';
import { API, type LogDetail, type RegionDetail, type SampleDetail, type TraceSummary } from '../../shared/api.ts';
import { decodeChunk } from '../../shared/chunk-codec.ts';
import { INSTANTS_TRACK, REGIONS_TRACK } from '../../shared/lane-tracks.ts';
import { MarkerKind } from '../../shared/states.ts';
import { fixtureContext } from '../helpers/model-cache.ts';

/**
 * /api/annotation on the annotations and cpuprofile fixtures: what a region,
 * a log message and a CPU sample row of a lane track stand for, against the
 * model's tables and the fixture program (fixtures/programs/annotations).
 */
const webRoot = mkdtempSync(join(tmpdir(), 'gtv-web-'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html>');
const ann = fixtureContext('annotations-go1.26.trace');
const cpu = fixtureContext('cpuprofile-go1.26.trace');
const annApp = buildApp({ ctx: ann, webRoot });
const cpuApp = buildApp({ ctx: cpu, webRoot });
afterAll(() => Promise.all([annApp.close(), cpuApp.close()]));

const get = (app: typeof annApp, url: string) => app.inject({ method: 'GET', url });

describe('GET /api/annotation on regions', () => {
  const m = ann.model;
  const r = m.tasks.regions;
  const t = m.tasks.tasks;

  it('a region clicked on a goroutine lane: its name, task and task type, goroutine, bounds and both stacks', async () => {
    // The row as the lane's chunk gives it: the first "fraud check" of G20's lane (its first orders are in the first 8 ms).
    const chunk = decodeChunk(new Uint8Array((await get(annApp, `${API.chunk}?lanes=g:20&start=0&end=8000000&nsPerPx=1024`)).rawPayload));
    const track = chunk.lanes[0].tracks![REGIONS_TRACK];
    const names = track.meta!.names as string[];
    const i = Array.from({ length: track.count }, (_, k) => k).find((k) => names[track.arrays.name[k]] === 'fraud check' && track.arrays.count[k] === 1)!;
    const row = track.arrays.row[i];
    const res = await get(annApp, `${API.annotation}?kind=region&row=${row}`);
    expect(res.statusCode).toBe(200);
    const d = res.json() as RegionDetail;
    const taskRow = Array.from(t.id).indexOf(r.task[row]);
    expect(d).toMatchObject({
      kind: 'region',
      row,
      name: 'fraud check',
      task: r.task[row],
      taskName: m.strings.get(t.name[taskRow]),
      goroutine: 20,
      goroutineName: m.strings.get(m.goroutines.name(m.goroutines.indexOf(20))),
      startNs: track.arrays.startNs[i],
      endNs: track.arrays.endNs[i],
      beganBeforeTrace: false,
      endedAfterTrace: false,
    });
    // The program: "fraud check" is a region of an "order" task, begun and ended inside handleOrder.
    expect(d.taskName).toBe('order');
    expect(d.startStack.map((f) => f.func)).toContain('main.handleOrder.func3');
    expect(d.startStack.some((f) => f.func === 'main.handleOrder' && f.file.endsWith('annotations/main.go'))).toBe(true);
    expect(d.endStack.length).toBeGreaterThan(0);
  });

  it('a region of the background task has task 0 and no task type', async () => {
    const row = Array.from(r.name, (s) => m.strings.get(s)).indexOf('cleanup');
    const d = (await get(annApp, `${API.annotation}?kind=region&row=${row}`)).json() as RegionDetail;
    expect(d.task).toBe(0);
    expect(d.taskName).toBe('');
    expect(d.goroutine).toBe(1);
    expect(d.endNs - d.startNs).toBeGreaterThanOrEqual(100_000); // the program sleeps 100 µs in it
  });
});

describe('GET /api/annotation on logs and CPU samples', () => {
  it('a log message: go tool trace’s "[category] message" title, its parts, task, goroutine, time and stack', async () => {
    const m = ann.model;
    const l = m.tasks.logs;
    const chunk = decodeChunk(new Uint8Array((await get(annApp, `${API.chunk}?lanes=g:1&start=0&end=1000000&nsPerPx=64`)).rawPayload));
    const track = chunk.lanes[0].tracks![INSTANTS_TRACK];
    const i = Array.from(track.arrays.kind).indexOf(MarkerKind.Log);
    const row = track.arrays.row[i];
    const d = (await get(annApp, `${API.annotation}?kind=log&row=${row}`)).json() as LogDetail;
    expect(d).toMatchObject({ kind: 'log', row, timeNs: l.timeNs[row], goroutine: 1, category: m.strings.get(l.category[row]), message: m.strings.get(l.message[row]), task: l.task[row] });
    // The program's first log, in main: trace.Log(ctx, "batch", "unicode: …") in the "batch" task.
    expect(d.title).toBe('[batch] unicode: héllo, 世界, "quoted"\ttab');
    expect(d.taskName).toBe('batch');
    expect(d.stack[0]?.func).toBe('main.main');
    // A log without a category is titled by its message alone.
    const charged = Array.from(l.message, (s) => m.strings.get(s)).indexOf('charged');
    expect(((await get(annApp, `${API.annotation}?kind=log&row=${charged}`)).json() as LogDetail).title).toBe('charged');
  });

  it('a CPU sample: time, goroutine, proc, thread and its stack', async () => {
    const m = cpu.model;
    const s = m.samples;
    const summary = (await get(cpuApp, API.summary)).json() as TraceSummary;
    expect(summary.groups.every((g) => g.regionLevels === undefined)).toBe(true);
    const row = 5;
    const d = (await get(cpuApp, `${API.annotation}?kind=sample&row=${row}`)).json() as SampleDetail;
    expect(d).toMatchObject({ kind: 'sample', row, timeNs: s.timeNs[row], goroutine: m.goroutines.id(s.goroutine[row]), proc: s.proc[row], thread: s.thread[row] });
    expect(d.stack.length).toBeGreaterThan(0);
    expect(d.stack.every((f) => f.func !== '' && f.line >= 0)).toBe(true);
  });

  it.each([
    ['a kind it does not know', '?kind=task&row=0', 400, /kind must be equal to one of the allowed values/],
    ['a negative row', '?kind=log&row=-1', 400, /row must be >= 0/],
    ['no row', '?kind=log', 400, /row/],
    ['a row past the table', '?kind=sample&row=1000000', 404, /no sample row 1000000/],
  ])('answers %s with %s', async (_, query, status, message) => {
    const res = await get(cpuApp, `${API.annotation}${query}`);
    expect(res.statusCode).toBe(status);
    expect(res.json().message).toMatch(message);
  });
});

describe('GET /api/summary: region levels per goroutine group', () => {
  it('gives the groups whose goroutines have regions their deepest nesting (handleOrder’s workers: charge > authorize card > fraud check)', async () => {
    const s = (await get(annApp, API.summary)).json() as TraceSummary;
    const levels = Object.fromEntries(s.groups.map((g) => [g.name, g.regionLevels ?? 0]));
    expect(levels['main.main.func1']).toBe(3);
    expect(levels['main.handleOrder.func2']).toBe(1);
    expect(levels['main.main']).toBe(1);
    expect(levels['runtime.bgsweep']).toBe(0);
  });
});
