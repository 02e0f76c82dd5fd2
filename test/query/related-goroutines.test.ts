import { describe, expect, it } from 'vitest';
import { creatorOf } from '../../server/model/goroutine-table.ts';
import type { TraceModel } from '../../server/model/trace-model.ts';
import { fromOf, toOf } from '../../server/model/transition-log.ts';
import { RelatedIndex } from '../../server/query/related-index.ts';
import { topK } from '../../server/query/top-k.ts';
import { GoState } from '../../server/trace/event-kinds.ts';
import { fixtureContext } from '../helpers/model-cache.ts';

/**
 * Related goroutines against the transition log read row by row: for every
 * row with an actor (log.actor), a NotExist → * row is a creation by the
 * actor, a Waiting → (not Waiting) row an unblock by it (go tool trace's
 * RelatedGoroutinesV2 edges). Counted per pair, by goroutine id.
 */
function oracle(model: TraceModel) {
  const log = model.transitions;
  const id = (g: number) => model.goroutines.id(g);
  const created = new Map<number, Map<number, number>>();
  const unblocked = new Map<number, Map<number, number>>();
  const unblockedBy = new Map<number, Map<number, number>>();
  const bump = (m: Map<number, Map<number, number>>, a: number, b: number) => {
    let inner = m.get(a);
    if (!inner) m.set(a, (inner = new Map()));
    inner.set(b, (inner.get(b) ?? 0) + 1);
  };
  for (let g = 0; g < model.goroutines.count; g++) {
    for (let row = log.offsets[g]; row < log.offsets[g + 1]; row++) {
      const actor = log.actor(row);
      const from = fromOf(log.packed[row]);
      const to = toOf(log.packed[row]);
      if (actor < 0 || actor === g || from === to) continue;
      if (from === GoState.NotExist) bump(created, id(actor), id(g));
      else if (from === GoState.Waiting) {
        bump(unblocked, id(actor), id(g));
        bump(unblockedBy, id(g), id(actor));
      }
    }
  }
  return { created, unblocked, unblockedBy };
}

const asCounts = (list: { id: number; count: number }[]) => new Map(list.map((r) => [r.id, r.count]));

describe.each(['mutex-go1.26.trace', 'chansel-go1.26.trace'])('related goroutines on %s', (fixture) => {
  const ctx = fixtureContext(fixture);
  const model = ctx.model;
  const index = new RelatedIndex(model, ctx.groups);
  const expected = oracle(model);

  it('every goroutine: creator, created, unblockers and unblocked equal what the transition log actors say', () => {
    let unblocks = 0;
    for (let g = 0; g < model.goroutines.count; g++) {
      const id = model.goroutines.id(g);
      const r = index.related(g, 10_000);
      const creator = creatorOf(model.transitions, g);
      expect(r.creator?.id ?? null).toBe(creator >= 0 && creator !== g ? model.goroutines.id(creator) : null);
      expect(asCounts(r.created.goroutines)).toEqual(expected.created.get(id) ?? new Map());
      expect(asCounts(r.unblocked.goroutines)).toEqual(expected.unblocked.get(id) ?? new Map());
      expect(asCounts(r.unblockedBy.goroutines)).toEqual(expected.unblockedBy.get(id) ?? new Map());
      expect(r.unblocked.total).toBe(r.unblocked.goroutines.length);
      unblocks += r.unblocked.goroutines.reduce((n, x) => n + x.count, 0);
    }
    // The fixtures are about blocking: without unblocks this test would prove little.
    expect(unblocks).toBeGreaterThan(50);
  });

  it('each related goroutine carries its lane position (group and member as /api/goroutine gives them)', () => {
    const r = index.related(model.goroutines.indexOf(1), 10_000);
    for (const x of [...r.created.goroutines, ...r.unblockedBy.goroutines]) {
      const g = model.goroutines.indexOf(x.id);
      expect([x.group, x.member, x.groupName]).toEqual([ctx.groups.groupOf(g), ctx.groups.memberIndex(g), ctx.groups.names[ctx.groups.groupOf(g)]]);
    }
  });

  it('a limit keeps the most frequent unblockers and the earliest created, and says how many there were', () => {
    const busiest = [...expected.unblocked.entries()].sort((a, b) => b[1].size - a[1].size)[0];
    const g = model.goroutines.indexOf(busiest[0]);
    const all = index.related(g, 10_000);
    const two = index.related(g, 2);
    expect(two.unblocked.total).toBe(busiest[1].size);
    expect(two.unblocked.goroutines).toEqual(all.unblocked.goroutines.slice(0, 2));
    const counts = all.unblocked.goroutines.map((x) => x.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const main = index.related(model.goroutines.indexOf(1), 3);
    const firsts = index.related(model.goroutines.indexOf(1), 10_000).created.goroutines.map((x) => x.firstNs);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    expect(main.created.goroutines.map((x) => x.firstNs)).toEqual(firsts.slice(0, 3));
  });
});

describe('topK', () => {
  it('equals sorting everything and taking the first k, with the heap (n > 4k) and without', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const [n, k] of [
      [1000, 10],
      [30, 10],
      [5, 10],
      [2000, 1],
    ]) {
      const v = Array.from({ length: n }, () => Math.floor(rand() * 50));
      const by = (a: number, b: number) => v[b] - v[a] || a - b;
      const sorted = Array.from({ length: n }, (_, i) => i).sort(by);
      expect(topK(n, k, by)).toEqual(sorted.slice(0, k));
    }
  });
});
