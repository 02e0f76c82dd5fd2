import { SEARCH_KINDS, type GoroutineHit, type SearchHit, type SearchKind, type SearchResponse } from '../../shared/search-api.ts';
import { goroutineLane, taskLane } from '../../shared/lanes.ts';
import { logTitle } from '../../shared/lane-tracks.ts';
import type { QueryContext } from './query-context.ts';
import { SearchIndex } from './search-index.ts';
import { MAX_TASK_LANES } from './task-index.ts';

/** "G123" or "123": a goroutine id; "T7" or "7": a task id. */
const GOROUTINE_ID = /^g?(\d{1,15})$/i;
const TASK_ID = /^t?(\d{1,15})$/i;

/**
 * How many finds of each kind an answer of `limit` lists, given how many
 * each kind has (in priority order): an equal share each, and what a kind
 * with fewer leaves goes to the next kinds in order. So 5 goroutines, 300
 * regions and 300 logs under a limit of 50 list 5, 23 and 22, not 5, 45 and
 * none: every kind found shows up.
 */
export function allotQuota(available: readonly number[], limit: number): number[] {
  const out = available.map(() => 0);
  let left = limit;
  for (;;) {
    const open = available.map((n, i) => n - out[i]).filter((n) => n > 0).length;
    if (open === 0 || left <= 0) return out;
    const share = Math.max(1, Math.floor(left / open));
    for (let i = 0; i < available.length && left > 0; i++) {
      const give = Math.min(share, available[i] - out[i], left);
      out[i] += give;
      left -= give;
    }
  }
}

/**
 * /api/search: goroutines by id or label, groups, tasks by id or type,
 * regions by name and logs by message or category. The index is built on
 * the first search; each kind is one pass over its rows in time order.
 */
export class SearchService {
  private index: SearchIndex | null = null;

  constructor(private readonly ctx: QueryContext) {}

  search(query: string, limit: number): SearchResponse {
    const t0 = performance.now();
    const q = query.trim().toLowerCase();
    const found: Record<SearchKind, SearchHit[]> = { goroutine: [], group: [], task: [], region: [], log: [] };
    const totals: Record<SearchKind, number> = { goroutine: 0, group: 0, task: 0, region: 0, log: 0 };
    if (q !== '') {
      this.index ??= new SearchIndex(this.ctx.model, this.ctx.groups.names, this.ctx.tasks);
      totals.goroutine = this.goroutines(q, limit, found.goroutine);
      totals.group = this.groupHits(q, limit, found.group);
      totals.task = this.tasks(q, limit, found.task);
      totals.region = this.regions(q, limit, found.region);
      totals.log = this.logs(q, limit, found.log);
    }
    const quota = allotQuota(SEARCH_KINDS.map((k) => found[k].length), limit);
    const results = SEARCH_KINDS.flatMap((k, i) => found[k].slice(0, quota[i]));
    const total = SEARCH_KINDS.reduce((n, k) => n + totals[k], 0);
    return { query, results, totals, truncated: total > results.length, elapsedMs: performance.now() - t0 };
  }

  private goroutineHit(g: number, match: GoroutineHit['match']): GoroutineHit {
    const { model, groups } = this.ctx;
    const gs = model.goroutines;
    const group = groups.groupOf(g);
    return {
      kind: 'goroutine',
      match,
      id: gs.id(g),
      lane: goroutineLane(gs.id(g)),
      group,
      member: groups.memberIndex(g),
      groupName: groups.names[group],
      label: model.strings.get(gs.label(g)),
      startNs: Math.max(0, gs.createdNs(g)),
      endNs: gs.endOr(g, model.endNs),
    };
  }

  private goroutines(q: string, limit: number, out: SearchHit[]): number {
    const index = this.index!;
    const m = GOROUTINE_ID.exec(q);
    const byId = m ? this.ctx.model.goroutines.indexOf(Number(m[1])) : -1;
    let total = 0;
    if (byId >= 0) {
      out.push(this.goroutineHit(byId, 'id'));
      total++;
    }
    for (let k = 0; k < index.labelled.length; k++) {
      if (!index.labels[k].includes(q) || index.labelled[k] === byId) continue;
      if (total++ < limit) out.push(this.goroutineHit(index.labelled[k], 'label'));
    }
    return total;
  }

  private groupHits(q: string, limit: number, out: SearchHit[]): number {
    const { groups } = this.ctx;
    let total = 0;
    this.index!.groupNames.forEach((name, i) => {
      if (name === '' || !name.includes(q)) return;
      if (total++ < limit) out.push({ kind: 'group', group: i, name: groups.names[i], count: groups.counts[i] });
    });
    return total;
  }

  private tasks(q: string, limit: number, out: SearchHit[]): number {
    const index = this.index!;
    const tasks = this.ctx.tasks;
    const hit = (r: number): SearchHit => ({
      kind: 'task',
      id: tasks.id(r),
      type: tasks.typeName(r),
      lane: index.taskRank[r] >= 0 && index.taskRank[r] < MAX_TASK_LANES ? taskLane(tasks.id(r)) : null,
      startNs: tasks.startNs(r),
      endNs: tasks.endNs(r),
    });
    const m = TASK_ID.exec(q);
    const byId = m ? tasks.rowOf(Number(m[1])) : -1;
    let total = 0;
    if (byId >= 0) {
      out.push(hit(byId));
      total++;
    }
    const types = index.taskTypes.matching(q);
    if (!types) return total;
    for (const r of index.taskOrder) {
      if (types[index.taskTypes.keyOf[r]] === 0 || r === byId) continue;
      if (total++ < limit) out.push(hit(r));
    }
    return total;
  }

  private regions(q: string, limit: number, out: SearchHit[]): number {
    const index = this.index!;
    const names = index.regionNames.matching(q);
    if (!names) return 0;
    const { model, groups } = this.ctx;
    const r = model.tasks.regions;
    let total = 0;
    for (const row of index.regionOrder) {
      const g = r.goroutine[row];
      if (names[index.regionNames.keyOf[row]] === 0 || g < 0) continue;
      if (total++ >= limit) continue;
      const id = model.goroutines.id(g);
      out.push({
        kind: 'region',
        row,
        name: model.strings.get(r.name[row]),
        goroutine: id,
        lane: goroutineLane(id),
        group: groups.groupOf(g),
        member: groups.memberIndex(g),
        startNs: r.startNs[row] >= 0 ? r.startNs[row] : 0,
        endNs: r.endNs[row] >= 0 ? r.endNs[row] : model.endNs,
      });
    }
    return total;
  }

  private logs(q: string, limit: number, out: SearchHit[]): number {
    const index = this.index!;
    const categories = index.logCategories.matching(q);
    const messages = index.logMessages.matching(q);
    if (!categories && !messages) return 0;
    const { model, groups } = this.ctx;
    const l = model.tasks.logs;
    let total = 0;
    for (const row of index.logOrder) {
      const inCategory = categories !== null && categories[index.logCategories.keyOf[row]] === 1;
      const inMessage = messages !== null && messages[index.logMessages.keyOf[row]] === 1;
      if (!inCategory && !inMessage) continue;
      if (total++ >= limit) continue;
      const g = l.goroutine[row];
      const id = g >= 0 ? model.goroutines.id(g) : null;
      out.push({
        kind: 'log',
        row,
        title: logTitle(model.strings.get(l.category[row]), model.strings.get(l.message[row])),
        goroutine: id,
        lane: id === null ? null : goroutineLane(id),
        group: g >= 0 ? groups.groupOf(g) : -1,
        member: g >= 0 ? groups.memberIndex(g) : -1,
        timeNs: l.timeNs[row],
      });
    }
    return total;
  }
}
