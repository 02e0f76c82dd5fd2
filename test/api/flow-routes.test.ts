import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/api/app.ts';
import { analyzeTasks } from '../../server/model/user-annotations.ts';
import { API, type TraceSummary } from '../../shared/api.ts';
import { decodeChunk } from '../../shared/chunk-codec.ts';
import type { FlowsResponse, TaskDetail } from '../../shared/flow-api.ts';
import { SpanState } from '../../shared/states.ts';
import { fixtureContext } from '../helpers/model-cache.ts';

/** /api/flows, /api/task and the TASKS lanes of /api/summary and /api/chunk, through Fastify's inject. */
const annotations = fixtureContext('annotations-go1.26.trace');
const chansel = fixtureContext('chansel-go1.26.trace');
const app = buildApp({ ctx: annotations });
const plain = buildApp({ ctx: chansel });
afterAll(() => Promise.all([app.close(), plain.close()]));

const get = (url: string, a = app) => a.inject({ method: 'GET', url });

describe('GET /api/flows', () => {
  it('answers arrows with an end on the asked lanes, sorted by their start', async () => {
    const r = await get(`${API.flows}?lanes=g:1,proc:0&start=0&end=${chansel.model.endNs}`, plain);
    expect(r.statusCode).toBe(200);
    const body = r.json() as FlowsResponse;
    expect(body.arrows.length).toBeGreaterThan(10);
    for (const a of body.arrows) expect(['g:1', 'proc:0'].includes(a.fromLane) || ['g:1', 'proc:0'].includes(a.toLane)).toBe(true);
    for (let i = 1; i < body.arrows.length; i++) expect(body.arrows[i].fromNs).toBeGreaterThanOrEqual(body.arrows[i - 1].fromNs);
    // Goroutine ends carry where their lane is, so an end off screen can still be placed.
    const g = body.arrows.find((a) => a.toLane.startsWith('g:'))!;
    const loc = (await get(`${API.goroutine}?id=${g.goroutine}`, plain)).json() as { group: number; member: number };
    expect(g.toRow).toEqual([loc.group, loc.member]);
  });

  it('caps the answer at limit and says the rest was cut', async () => {
    const r = await get(`${API.flows}?lanes=proc:0,proc:1&start=0&end=${chansel.model.endNs}&limit=25`, plain);
    const body = r.json() as FlowsResponse;
    expect(body.arrows.length).toBeLessThanOrEqual(25);
    expect(body.truncated).toBe(true);
    expect(Object.keys(body.cut).sort()).toEqual(['proc:0', 'proc:1']);
    expect(body.total).toBeGreaterThan(1000);
  });

  it('draws newTask arrows between task lanes', async () => {
    const r = await get(`${API.flows}?lanes=task:2&start=0&end=${annotations.model.endNs}&kinds=task`);
    const body = r.json() as FlowsResponse;
    const t = annotations.model.tasks.tasks;
    const row = Array.from(t.id).indexOf(2);
    expect(body.arrows).toContainEqual(expect.objectContaining({ kind: 'task', fromLane: `task:${t.parent[row]}`, toLane: 'task:2', fromNs: t.startNs[row] }));
  });

  it.each([
    ['no lanes', `?start=0&end=10`, /lanes/],
    ['an unknown kind', `?lanes=g:1&start=0&end=10&kinds=create,teleport`, /kinds must match/],
    ['a limit of 0', `?lanes=g:1&start=0&end=10&limit=0`, /limit must be >= 1/],
    ['a limit over 10000', `?lanes=g:1&start=0&end=10&limit=10001`, /limit must be <= 10000/],
    ['end before start', `?lanes=g:1&start=10&end=5`, /before start/],
    ['an unexpected parameter', `?lanes=g:1&start=0&end=10&nsPerPx=3`, /must NOT have additional properties/],
  ])('rejects %s with 400 and says which parameter', async (_, query, message) => {
    const r = await get(`${API.flows}${query}`);
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toMatch(message);
  });
});

describe('TASKS lanes', () => {
  it('the summary lists one lane per task, by begin, titled "T<id> <type>", only when the trace has tasks', async () => {
    const s = (await get(API.summary)).json() as TraceSummary;
    const lanes = s.lanes.filter((l) => l.section === 'tasks');
    const t = annotations.model.tasks.tasks;
    const real = Array.from(t.id).filter((id, r) => id !== 0 || t.startNs[r] >= 0);
    expect(lanes.length).toBe(real.length);
    expect(s.taskCount).toBe(real.length);
    const row = Array.from(t.id).indexOf(2);
    expect(lanes).toContainEqual({ id: 'task:2', section: 'tasks', kind: 'spans', title: `T2 ${annotations.model.strings.get(t.name[row])}` });
    const begins = lanes.map((l) => Math.max(0, t.startNs[Array.from(t.id).indexOf(Number(l.id.slice(5)))]));
    expect(begins).toEqual([...begins].sort((a, b) => a - b));
    const none = (await get(API.summary, plain)).json() as TraceSummary;
    expect(none.lanes.filter((l) => l.section === 'tasks')).toEqual([]);
  });

  it('a task lane chunk is the task from its begin to its end, coloured by type and labelled with its title', async () => {
    const t = annotations.model.tasks.tasks;
    const row = Array.from(t.id).indexOf(2);
    const r = await get(`${API.chunk}?lanes=task:2,task:3&start=0&end=${annotations.model.endNs}&nsPerPx=65536`);
    expect(r.statusCode).toBe(200);
    const [lane, other] = decodeChunk(new Uint8Array(r.rawPayload)).lanes;
    expect(lane.count).toBe(1);
    expect(lane.arrays.startNs[0]).toBe(t.startNs[row]);
    expect(lane.arrays.endNs[0]).toBe(t.endNs[row]);
    expect(lane.arrays.state[0]).toBe(SpanState.Task);
    expect((lane.meta?.labels as string[])[lane.arrays.label[0]]).toBe('T2 order');
    // Tasks of one type share a colour (the group column is the type).
    expect(other.arrays.group[0]).toBe(lane.arrays.group[0]);
    const outside = await get(`${API.chunk}?lanes=task:2&start=${t.endNs[row] + 1000}&end=${t.endNs[row] + 2000}&nsPerPx=1`);
    expect(decodeChunk(new Uint8Array(outside.rawPayload)).lanes[0].count).toBe(0);
  });
});

describe('GET /api/task', () => {
  it('gives type, parent, children, times, goroutines and logs as the tasks page counts them', async () => {
    const page = analyzeTasks(annotations.model).flatMap((type) => type.tasks.map((x) => ({ ...x, type: type.type })));
    let checked = 0;
    for (const id of [1, 2, 6, 642, 643]) {
      const r = await get(`${API.task}?id=${id}`);
      expect(r.statusCode).toBe(200);
      const d = r.json() as TaskDetail;
      const p = page.find((x) => x.id === id)!;
      expect({ name: d.name, parent: d.parent, durationNs: d.durationNs, goroutines: d.goroutines, logs: d.logs }).toEqual({ name: p.type, parent: p.parent, durationNs: p.durationNs, goroutines: p.goroutines, logs: p.logs.slice(0, 200) });
      expect(d.logCount).toBe(p.logs.length);
      expect(d.children.sort((a, b) => a - b)).toEqual(page.filter((x) => x.parent === id).map((x) => x.id).sort((a, b) => a - b));
      checked++;
    }
    expect(checked).toBe(5);
  });

  it('404s an unknown task and 400s a bad id', async () => {
    expect((await get(`${API.task}?id=999999`)).statusCode).toBe(404);
    expect((await get(`${API.task}?id=abc`)).statusCode).toBe(400);
  });
});
