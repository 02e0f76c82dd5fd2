import type { RelatedGoroutine, RelatedGoroutines, RelatedList } from '../../shared/related-api.ts';
import { lowerBound } from '../model/columns.ts';
import { creationRow } from '../model/goroutine-table.ts';
import type { TraceModel } from '../model/trace-model.ts';
import { fromOf, toOf } from '../model/transition-log.ts';
import { GoState } from '../trace/event-kinds.ts';
import type { GroupIndex } from './group-index.ts';
import { topK } from './top-k.ts';

/** Relations as stored per actor-table entry (0: the entry relates no two goroutines). */
export const RELATION_CREATE = 1;
export const RELATION_UNBLOCK = 2;

const NOT_EXIST: number = GoState.NotExist;
const WAITING: number = GoState.Waiting;

/**
 * What a transition says about its actor: a creation (NotExist → anything) or
 * an unblock (Waiting → anything else, as go tool trace's RelatedGoroutinesV2
 * reads it), else 0 (status repeats at generation boundaries keep an actor too).
 */
export function relationOf(packed: number): number {
  const from = fromOf(packed);
  const to = toOf(packed);
  if (from === to) return 0;
  if (from === NOT_EXIST) return RELATION_CREATE;
  if (from === WAITING) return RELATION_UNBLOCK;
  return 0;
}

/**
 * Who created and unblocked whom, from the transition log's actor side table
 * (one entry per creation or unblock with a known actor). Incoming relations
 * of a goroutine are its own rows (a binary search into the sorted actor
 * rows); outgoing ones are listed per actor here, built once on the first
 * request: a pass over the table and a counting sort, 17 MB and 80–110 ms
 * for the 1.43 M entries of the 68 MB bench trace.
 */
export class RelatedIndex {
  /** Per actor-table entry: the goroutine it happened to (-1: no relation, or the actor itself), and the relation. */
  readonly targetOf: Int32Array;
  readonly relation: Uint8Array;
  /** Entries of actor goroutine a: byActor[actorOffsets[a] … actorOffsets[a+1]), ascending (so grouped by target). */
  readonly actorOffsets: Int32Array;
  readonly byActor: Int32Array;

  constructor(
    readonly model: TraceModel,
    private readonly groups: GroupIndex,
  ) {
    const log = model.transitions;
    const { actorRows, actorGoroutine, offsets, packed } = log;
    const entries = actorRows.length;
    const n = model.goroutines.count;
    this.targetOf = new Int32Array(entries);
    this.relation = new Uint8Array(entries);
    this.actorOffsets = new Int32Array(n + 1);
    // Actor rows ascend and rows are grouped by goroutine: the goroutine of each row is a merge, not a search.
    let g = 0;
    for (let i = 0; i < entries; i++) {
      const row = actorRows[i];
      while (offsets[g + 1] <= row) g++;
      const actor = actorGoroutine[i];
      const rel = actor >= 0 && actor !== g ? relationOf(packed[row]) : 0;
      this.relation[i] = rel;
      this.targetOf[i] = rel === 0 ? -1 : g;
      if (rel !== 0) this.actorOffsets[actor + 1]++;
    }
    for (let a = 0; a < n; a++) this.actorOffsets[a + 1] += this.actorOffsets[a];
    this.byActor = new Int32Array(this.actorOffsets[n]);
    const next = this.actorOffsets.slice(0, n);
    for (let i = 0; i < entries; i++) if (this.relation[i] !== 0) this.byActor[next[actorGoroutine[i]]++] = i;
  }

  /** Goroutine g's creator, the goroutines it created, those that unblocked it and those it unblocked; at most `limit` per list. */
  related(g: number, limit: number): RelatedGoroutines {
    const m = this.model;
    const log = m.transitions;
    const self = this.place(g, 0, 0);
    const outgoing = this.actorOffsets[g + 1] - this.actorOffsets[g];
    const created = new Relation(outgoing);
    const unblocked = new Relation(outgoing);
    // Outgoing: the actor's entries come grouped by target, so each target's count is a run.
    for (let k = this.actorOffsets[g], end = this.actorOffsets[g + 1]; k < end; k++) {
      const e = this.byActor[k];
      (this.relation[e] === RELATION_CREATE ? created : unblocked).add(this.targetOf[e], log.time.at(log.actorRows[e]));
    }
    // Incoming unblocks: g's own rows that have an actor.
    const unblockedBy = new Map<number, { count: number; firstNs: number }>();
    for (let e = lowerBound(log.actorRows, log.offsets[g]); e < log.actorRows.length && log.actorRows[e] < log.offsets[g + 1]; e++) {
      if (this.relation[e] !== RELATION_UNBLOCK) continue;
      const a = log.actorGoroutine[e];
      const had = unblockedBy.get(a);
      if (had) had.count++;
      else unblockedBy.set(a, { count: 1, firstNs: log.time.at(log.actorRows[e]) });
    }
    const by = new Relation(unblockedBy.size);
    for (const [a, v] of unblockedBy) by.addRun(a, v.count, v.firstNs);
    const row = creationRow(log, g);
    const creatorIndex = row >= 0 ? log.actorIndex(row) : -1;
    const creator = creatorIndex >= 0 && this.relation[creatorIndex] === RELATION_CREATE ? log.actorGoroutine[creatorIndex] : -1;
    return {
      id: m.goroutines.id(g),
      group: self.group,
      member: self.member,
      groupName: self.groupName,
      creator: creator >= 0 ? this.place(creator, 1, log.time.at(row)) : null,
      created: this.list(created, limit, false),
      unblockedBy: this.list(by, limit, true),
      unblocked: this.list(unblocked, limit, true),
    };
  }

  /** The `limit` first of a relation: most often first (unblocks), or earliest first (creations). */
  private list(r: Relation, limit: number, byCount: boolean): RelatedList {
    const best = topK(r.length, limit, (a, b) => (byCount ? r.count[b] - r.count[a] : 0) || r.firstNs[a] - r.firstNs[b] || r.goroutine[a] - r.goroutine[b]);
    return { total: r.length, goroutines: best.map((i) => this.place(r.goroutine[i], r.count[i], r.firstNs[i])) };
  }

  private place(g: number, count: number, firstNs: number): RelatedGoroutine {
    const group = this.groups.groupOf(g);
    return { id: this.model.goroutines.id(g), group, member: this.groups.memberIndex(g), groupName: this.groups.names[group], count, firstNs };
  }
}

/**
 * Goroutines of one relation with a count and first time each (a run per
 * goroutine), in typed arrays sized to the actor's entries: for the 960 005
 * goroutines main created in the bench trace, pushing to plain arrays took
 * 60 of a 110 ms request.
 */
class Relation {
  readonly goroutine: Int32Array;
  readonly count: Int32Array;
  readonly firstNs: Float64Array;
  length = 0;

  constructor(capacity: number) {
    this.goroutine = new Int32Array(capacity);
    this.count = new Int32Array(capacity);
    this.firstNs = new Float64Array(capacity);
  }

  /** One more occurrence with goroutine g: extends the last run when it is g's. */
  add(g: number, timeNs: number): void {
    const last = this.length - 1;
    if (last >= 0 && this.goroutine[last] === g) {
      this.count[last]++;
      if (timeNs < this.firstNs[last]) this.firstNs[last] = timeNs;
    } else this.addRun(g, 1, timeNs);
  }

  addRun(g: number, count: number, firstNs: number): void {
    const i = this.length++;
    this.goroutine[i] = g;
    this.count[i] = count;
    this.firstNs[i] = firstNs;
  }
}
