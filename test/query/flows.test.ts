import { describe, expect, it } from 'vitest';
import type { FlowArrow, FlowKind } from '../../shared/flow-api.ts';
import { SpanState } from '../../shared/states.ts';
import { creationRow, creatorOf } from '../../server/model/goroutine-table.ts';
import { toOf } from '../../server/model/transition-log.ts';
import { FlowService, type FlowQuery } from '../../server/query/flows.ts';
import { forEachGoroutineSpan } from '../../server/query/goroutine-lane.ts';
import { spanDetail } from '../../server/query/span-detail.ts';
import { GoState } from '../../server/trace/event-kinds.ts';
import { fixtureContext } from '../helpers/model-cache.ts';

/**
 * /api/flows' arrows against the transition log's facts and /api/span's
 * answers: who created a goroutine, who unblocked a runnable span, which
 * goroutine ran on a proc at a time, the Syscalls and Network markers.
 */
const ALL: ReadonlySet<FlowKind> = new Set(['create', 'unblock', 'syscall', 'task']);

function flows(fixture: string, q: Partial<FlowQuery> & { lanes: string[] }) {
  const ctx = fixtureContext(fixture);
  const service = new FlowService(ctx);
  return { ctx, res: service.query({ startNs: 0, endNs: ctx.model.endNs, kinds: ALL, limit: 10_000, ...q }) };
}

/** The first Running row of goroutine g after row `after` (the start the arrow must end at). */
function nextStartNs(fixture: string, g: number, after: number): number | null {
  const log = fixtureContext(fixture).model.transitions;
  for (let r = after + 1; r < log.offsets[g + 1]; r++) if (toOf(log.packed[r]) === GoState.Running) return log.time.at(r);
  return null;
}

describe('create arrows ("go")', () => {
  it('run from the creator creatorOf names, at the creation, to the created goroutine at its first start (chansel)', () => {
    const fixture = 'chansel-go1.26.trace';
    const ctx = fixtureContext(fixture);
    const m = ctx.model;
    let checked = 0;
    for (let g = 0; g < m.goroutines.count; g++) {
      const id = m.goroutines.id(g);
      const { res } = flows(fixture, { lanes: [`g:${id}`], kinds: new Set(['create']) });
      const incoming = res.arrows.filter((a) => a.toLane === `g:${id}`);
      const creator = creatorOf(m.transitions, g);
      const row = creationRow(m.transitions, g);
      const startNs = row >= 0 ? nextStartNs(fixture, g, row) : null;
      if (creator < 0 || startNs === null) {
        expect(incoming, `G${id}`).toEqual([]);
        continue;
      }
      expect(incoming, `G${id}`).toEqual([
        expect.objectContaining({ kind: 'create', fromLane: `g:${m.goroutines.id(creator)}`, fromNs: m.goroutines.createdNs(g), toNs: startNs, goroutine: id }),
      ]);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('leave the creator lane once per goroutine it created in the window', () => {
    const fixture = 'chansel-go1.26.trace';
    const m = fixtureContext(fixture).model;
    const main = m.goroutines.indexOf(1);
    const created = [];
    for (let g = 0; g < m.goroutines.count; g++) if (creatorOf(m.transitions, g) === main && creationRow(m.transitions, g) >= 0 && nextStartNs(fixture, g, creationRow(m.transitions, g)) !== null) created.push(m.goroutines.id(g));
    const { res } = flows(fixture, { lanes: ['g:1'], kinds: new Set(['create']) });
    const outgoing = res.arrows.filter((a) => a.fromLane === 'g:1');
    expect(outgoing.map((a) => a.goroutine).sort((a, b) => a - b)).toEqual(created.sort((a, b) => a - b));
    expect(created.length).toBeGreaterThan(3);
  });
});

describe('unblock arrows', () => {
  it('join the unblocker /api/span reports for a runnable span to the end of that span, named after the wait (mutex)', () => {
    const fixture = 'mutex-go1.26.trace';
    const ctx = fixtureContext(fixture);
    const m = ctx.model;
    let checked = 0;
    for (let g = 0; g < m.goroutines.count && checked < 300; g++) {
      const lane = `g:${m.goroutines.id(g)}`;
      const { res } = flows(fixture, { lanes: [lane], kinds: new Set(['unblock']) });
      const incoming = res.arrows.filter((a) => a.toLane === lane);
      const expected: Partial<FlowArrow>[] = [];
      let waitReason = '';
      forEachGoroutineSpan(m, g, 0, m.endNs, (s, e, state) => {
        const d = spanDetail(ctx, lane, (s + e) / 2)!;
        if (state === SpanState.Waiting) waitReason = d.reason;
        if (state === SpanState.Runnable && d.unblockedBy && e > s) {
          expected.push({ kind: 'unblock', reason: waitReason, fromLane: `g:${d.unblockedBy.goroutine}`, fromNs: d.unblockedBy.timeNs, toLane: lane, toNs: e });
        }
      });
      // Spans that end at the trace end never started again: no arrow.
      const started = expected.filter((x) => x.toNs! < m.endNs);
      expect(incoming.map((a) => ({ kind: a.kind, reason: a.reason, fromLane: a.fromLane, fromNs: a.fromNs, toLane: a.toLane, toNs: a.toNs }))).toEqual(started);
      checked += started.length;
    }
    expect(checked).toBeGreaterThanOrEqual(100);
  });
});

describe('proc arrows', () => {
  it('start on the proc where /api/span shows the creator or unblocker running, and end where it shows the goroutine (chansel)', () => {
    const fixture = 'chansel-go1.26.trace';
    const { ctx, res } = flows(fixture, { lanes: ['proc:0', 'proc:1'], startNs: 0, endNs: fixtureContext(fixture).model.endNs / 4, kinds: new Set(['create', 'unblock']) });
    const onProcs = res.arrows.filter((a) => a.fromLane.startsWith('proc:'));
    expect(onProcs.length).toBeGreaterThan(100);
    const byGoroutine = res.arrows.filter((a) => a.fromLane.startsWith('g:'));
    expect(byGoroutine).toEqual([]); // no goroutine lane was asked for
    let checked = 0;
    for (const a of onProcs.slice(0, 400)) {
      const to = spanDetail(ctx, a.toLane, a.toNs);
      expect(to?.goroutine, `${a.toLane}@${a.toNs}`).toBe(a.goroutine);
      const from = spanDetail(ctx, a.fromLane, a.fromNs);
      const g = ctx.model.goroutines.indexOf(a.goroutine);
      // The actor: the creator for a create, the unblocker of the runnable span otherwise
      // (a timer's unblock has none: it is drawn from the proc of the event, checked against go tool trace elsewhere).
      const actor = a.kind === 'create' ? ctx.model.goroutines.id(creatorOf(ctx.model.transitions, g)) : spanDetail(ctx, `g:${a.goroutine}`, a.fromNs)!.unblockedBy?.goroutine;
      if (actor === undefined) continue;
      expect(from?.goroutine, `${a.fromLane}@${a.fromNs}`).toBe(actor);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('arrows from the Syscalls and Network rows', () => {
  it('syscall exits start at the Syscalls markers, one per marker, from the "syscalls" lane (fileio)', () => {
    const { ctx, res } = flows('fileio-go1.26.trace', { lanes: ['syscalls'], kinds: new Set(['syscall']) });
    const marks = ctx.model.markers.syscall;
    const arrows = res.arrows.filter((a) => a.fromLane === 'syscalls' && a.toLane.startsWith('g:'));
    expect(arrows.length).toBe(marks.timeNs.length);
    expect(arrows.map((a) => [a.fromNs, a.goroutine])).toEqual(Array.from(marks.timeNs, (t, i) => [t, marks.goroutine[i]]));
    for (const a of arrows) expect(a.toNs).toBeGreaterThanOrEqual(a.fromNs);
  });

  it('network unblocks start at the Network markers, named "network" (tcp)', () => {
    const { ctx, res } = flows('tcp-go1.26.trace', { lanes: ['net'], kinds: new Set(['unblock']) });
    const marks = ctx.model.markers.net;
    const arrows = res.arrows.filter((a) => a.toLane.startsWith('g:'));
    expect(arrows.length).toBe(marks.timeNs.length);
    expect(new Set(arrows.map((a) => a.fromLane))).toEqual(new Set(['net']));
    expect(new Set(arrows.map((a) => a.reason))).toEqual(new Set(['network']));
    expect(arrows.map((a) => a.fromNs)).toEqual(Array.from(marks.timeNs));
  });
});

describe('the window, the kinds and the limit', () => {
  const fixture = 'mutex-go1.26.trace';
  const m = () => fixtureContext(fixture).model;
  const lanes = ['proc:0', 'g:1', 'g:20', 'g:21', 'g:22'];

  it('keeps exactly the arrows with an end on an asked lane inside the window', () => {
    const all = flows(fixture, { lanes, kinds: ALL }).res.arrows;
    const s = m().endNs * 0.3;
    const e = m().endNs * 0.4;
    const inside = (a: FlowArrow) => (lanes.includes(a.fromLane) && a.fromNs >= s && a.fromNs <= e) || (lanes.includes(a.toLane) && a.toNs >= s && a.toNs <= e);
    const { res } = flows(fixture, { lanes, startNs: s, endNs: e });
    expect(res.arrows.length).toBeGreaterThan(5);
    expect(res.arrows).toEqual(all.filter(inside));
    expect(res.truncated).toBe(false);
  });

  it('leaves out the kinds not asked for', () => {
    const { res } = flows(fixture, { lanes, kinds: new Set(['create']) });
    expect(res.arrows.length).toBeGreaterThan(0);
    expect(new Set(res.arrows.map((a) => a.kind))).toEqual(new Set(['create']));
  });

  it('over the limit samples each lane evenly, says so, and counts what each lane lost', () => {
    const full = flows(fixture, { lanes }).res;
    const { res } = flows(fixture, { lanes, limit: 40 });
    expect(full.truncated).toBe(false);
    expect(res.truncated).toBe(true);
    expect(res.total).toBe(full.total);
    expect(res.arrows.length).toBeLessThanOrEqual(40);
    expect(res.arrows.length).toBeGreaterThan(20);
    const lost = Object.values(res.cut).reduce((a, b) => a + b, 0);
    expect(lost).toBeGreaterThanOrEqual(full.total - 40);
    // Sampled arrows are real ones, spread over the trace rather than its first part.
    for (const a of res.arrows) expect(full.arrows).toContainEqual(a);
    const times = res.arrows.map((a) => a.toNs);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(m().endNs / 2);
  });
});

describe('task arrows ("newTask")', () => {
  it('join each task lane to its parent task lane at the child begin (annotations)', () => {
    const fixture = 'annotations-go1.26.trace';
    const ctx = fixtureContext(fixture);
    const t = ctx.model.tasks.tasks;
    const child = Array.from(t.id).findIndex((_, r) => t.parent[r] > 0);
    const id = t.id[child];
    const { res } = flows(fixture, { lanes: [`task:${id}`] });
    expect(res.arrows).toContainEqual(expect.objectContaining({ kind: 'task', fromLane: `task:${t.parent[child]}`, toLane: `task:${id}`, fromNs: t.startNs[child], toNs: t.startNs[child], task: id }));
    // The parent's lane lists one arrow per child.
    const parent = t.parent[child];
    const children = Array.from(t.id).filter((_, r) => t.parent[r] === parent).length;
    const fromParent = flows(fixture, { lanes: [`task:${parent}`], kinds: new Set(['task']) }).res.arrows.filter((a) => a.fromLane === `task:${parent}`);
    expect(fromParent.length).toBe(children);
  });
});
