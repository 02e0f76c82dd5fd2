import { describe, expect, it } from 'vitest';
import { allotQuota, SearchService } from '../../server/query/search.ts';
import type { GoroutineHit, GroupHit, LogHit, RegionHit, SearchHit, TaskHit } from '../../shared/search-api.ts';
import { fixtureContext } from '../helpers/model-cache.ts';

/** /api/search's finds against the model's tables, on the annotations fixture (tasks, regions, logs) and gcheavy (goroutine labels). */
const ctx = fixtureContext('annotations-go1.26.trace');
const model = ctx.model;
const service = new SearchService(ctx);
const str = (id: number) => model.strings.get(id);
const of = <K extends SearchHit['kind']>(hits: SearchHit[], kind: K) => hits.filter((h): h is Extract<SearchHit, { kind: K }> => h.kind === kind);

describe('search on annotations-go1.26.trace', () => {
  it('finds a goroutine by "G<id>", "g<id>" and "<id>", with its lane, group, member and lifetime', () => {
    const g = Math.floor(model.goroutines.count / 2);
    const id = model.goroutines.id(g);
    for (const q of [`G${id}`, `g${id}`, `${id}`, ` G${id} `]) {
      const hit = of(service.search(q, 50).results, 'goroutine')[0] as GoroutineHit;
      expect(hit).toMatchObject({ match: 'id', id, lane: `g:${id}`, group: ctx.groups.groupOf(g), member: ctx.groups.memberIndex(g), startNs: Math.max(0, model.goroutines.createdNs(g)) });
    }
    expect(service.search('G999999999', 50).totals.goroutine).toBe(0);
  });

  it('finds every group whose start function contains the text, case-insensitively, in summary order', () => {
    const r = service.search('MAIN.', 500);
    const expected = ctx.groups.names.map((n, i) => [n, i] as const).filter(([n]) => n.toLowerCase().includes('main.'));
    expect(expected.length).toBeGreaterThan(2);
    expect(of(r.results, 'group').map((h: GroupHit) => [h.name, h.group])).toEqual(expected);
    expect(r.totals.group).toBe(expected.length);
  });

  it('finds tasks by type (in begin order) and by id "T<id>", each with its task lane', () => {
    const t = model.tasks.tasks;
    const type = 'fetch price';
    const expected = Array.from(t.id).filter((_, r) => str(t.name[r]) === type);
    const r = service.search('Fetch Pr', 500);
    const tasks = of(r.results, 'task') as TaskHit[];
    expect(r.totals.task).toBe(expected.length);
    expect(tasks.map((h) => h.id).sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
    const begins = tasks.map((h) => h.startNs);
    expect(begins).toEqual([...begins].sort((a, b) => a - b));
    expect(tasks[0]).toMatchObject({ type, lane: `task:${tasks[0].id}` });
    const byId = of(service.search(`T${expected[0]}`, 50).results, 'task');
    expect(byId).toEqual([expect.objectContaining({ id: expected[0], type })]);
  });

  it('finds regions by name, in start order, with the goroutine lane and the row that selects them', () => {
    const rg = model.tasks.regions;
    const rows = Array.from(rg.name.keys()).filter((i) => str(rg.name[i]).includes('charge') && rg.goroutine[i] >= 0);
    const r = service.search('charge', 500);
    const hits = of(r.results, 'region') as RegionHit[];
    expect(rows.length).toBeGreaterThan(3);
    expect(r.totals.region).toBe(rows.length);
    expect(hits.map((h) => h.row).sort((a, b) => a - b)).toEqual(rows);
    const starts = hits.map((h) => h.startNs);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const h = hits[0];
    expect(h).toMatchObject({ name: str(rg.name[h.row]), goroutine: model.goroutines.id(rg.goroutine[h.row]), lane: `g:${model.goroutines.id(rg.goroutine[h.row])}` });
  });

  it('finds logs by message and by category, in time order, titled "[category] message"', () => {
    const l = model.tasks.logs;
    const byMessage = Array.from(l.message.keys()).filter((i) => str(l.message[i]).includes('costs'));
    const byCategory = Array.from(l.category.keys()).filter((i) => str(l.category[i]).includes('warning'));
    const m = service.search('costs', 500);
    expect(m.totals.log).toBe(byMessage.length);
    const hits = of(m.results, 'log') as LogHit[];
    const times = hits.map((h) => h.timeNs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(hits[0].title).toBe(`[${str(l.category[hits[0].row])}] ${str(l.message[hits[0].row])}`);
    expect(of(service.search('WARNING', 500).results, 'log').map((h) => h.row).sort((a, b) => a - b)).toEqual(byCategory);
  });

  it('caps the answer at the limit, shares it among the kinds found, and keeps the totals exact', () => {
    // "o" is in groups, task types, region names and log messages alike.
    const r = service.search('o', 20);
    expect(r.results.length).toBe(20);
    expect(r.truncated).toBe(true);
    const kinds = new Set(r.results.map((h) => h.kind));
    expect([...kinds]).toEqual(['group', 'task', 'region', 'log']);
    const all = service.search('o', 500);
    expect(all.totals).toEqual(r.totals);
    const l = model.tasks.logs;
    const logs = Array.from(l.message.keys()).filter((i) => [str(l.category[i]), str(l.message[i])].some((s) => s.toLowerCase().includes('o')));
    expect(r.totals.log).toBe(logs.length);
  });

  it('an all-blank query finds nothing', () => {
    const r = service.search('   ', 50);
    expect(r.results).toEqual([]);
    expect(r.truncated).toBe(false);
  });
});

describe('search by goroutine label (gcheavy-go1.26.trace)', () => {
  it('finds the goroutines whose label contains the text', () => {
    const gc = fixtureContext('gcheavy-go1.26.trace');
    const labelled = [...gc.model.goroutines.labels.entries()].filter(([, s]) => gc.model.strings.get(s).includes('fractional')).map(([g]) => gc.model.goroutines.id(g));
    expect(labelled.length).toBeGreaterThan(0);
    const hits = of(new SearchService(gc).search('Fractional', 50).results, 'goroutine');
    expect(hits.map((h) => h.id).sort((a, b) => a - b)).toEqual(labelled.sort((a, b) => a - b));
    expect(hits.every((h) => h.match === 'label' && h.label.includes('fractional'))).toBe(true);
  });
});

describe('allotQuota', () => {
  it.each([
    [[5, 300, 300], 50, [5, 23, 22]],
    [[1, 0, 0, 0, 0], 50, [1, 0, 0, 0, 0]],
    [[100, 100], 3, [2, 1]],
    [[0, 0], 10, [0, 0]],
    [[3, 3, 3, 3, 3], 2, [1, 1, 0, 0, 0]],
  ])('%j under %i lists %j', (available, limit, expected) => {
    expect(allotQuota(available, limit)).toEqual(expected);
  });
});
