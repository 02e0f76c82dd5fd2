import type { FlowArrow, FlowKind, FlowsResponse } from '../../shared/flow-api.ts';
import { NET_LANE, parseLaneId, SYSCALL_LANE, taskLane } from '../../shared/lanes.ts';
import { FlowExecLanes } from './flow-exec-lanes.ts';
import { firstAtOrAfter, FLOW_CREATE, FLOW_NET_UNBLOCK, FLOW_SYSCALL, FLOW_UNBLOCK, FlowIndex } from './flow-index.ts';
import type { QueryContext } from './query-context.ts';

export interface FlowQuery {
  lanes: string[];
  startNs: number;
  endNs: number;
  kinds: ReadonlySet<FlowKind>;
  /** At most this many arrows (a zoomed-out view of a big trace has millions). */
  limit: number;
}

/** How an arrow is placed: between goroutine lanes, between proc or thread lanes, between task lanes. */
const ON_GOROUTINES = 0;
const ON_PROCS = 1;
const ON_THREADS = 2;
const ON_TASKS = 3;

/**
 * Candidate ends looked at per request before sampling: beyond this the ends
 * are taken at an even stride (a whole-trace view of the bench trace has 1.4 M
 * flows; 50 000 take ~5 ms to filter and more would not be drawn anyway).
 */
const SCAN_BUDGET = 50_000;

/** A run of candidate arrow ends on one asked lane: ids[lo … hi) of a list (or the ids lo … hi themselves). */
interface Source {
  lane: string;
  list: ArrayLike<number> | null;
  lo: number;
  hi: number;
  /** Placements to emit for each flow in the run. */
  on: number[];
}

/**
 * The arrows of go tool trace's "Flow events" with an end on one of the asked
 * lanes inside [startNs, endNs]: on goroutine lanes (g:N, creator or
 * unblocker → the goroutine where it next runs), proc or thread lanes (the
 * proc the actor ran on → the proc where the goroutine started), the Network
 * and Syscalls rows (network unblocks, exits from syscalls that lost their
 * proc) and task lanes (parent → child). Bounded by `limit`: past it the
 * arrows of each lane are sampled evenly in time and the answer says how many
 * ends each lane lost. Indexes are built on the first request.
 */
export class FlowService {
  private flowIndex: FlowIndex | null = null;
  private readonly execLanes = new Map<'proc' | 'thread', FlowExecLanes>();

  constructor(private readonly ctx: QueryContext) {}

  get index(): FlowIndex {
    return (this.flowIndex ??= new FlowIndex(this.ctx.model));
  }

  exec(view: 'proc' | 'thread'): FlowExecLanes {
    let e = this.execLanes.get(view);
    if (!e) this.execLanes.set(view, (e = new FlowExecLanes(this.index, view)));
    return e;
  }

  query(q: FlowQuery): FlowsResponse {
    const sources = this.sources(q);
    let candidates = 0;
    for (const s of sources) candidates += s.hi - s.lo;
    const stride = Math.max(1, Math.ceil(candidates / SCAN_BUDGET));
    // Pass 1: the ends of the asked kinds (every `stride`-th candidate), per source.
    const picked: number[][] = sources.map((s) => {
      const out: number[] = [];
      for (let i = s.lo; i < s.hi; i += stride) {
        const id = s.list ? s.list[i] : i;
        if (s.on[0] === ON_TASKS || (q.kinds.has(this.kindOf(id)) && s.on.some((on) => this.placeable(id, on)))) out.push(id);
      }
      return out;
    });
    let found = 0;
    for (const p of picked) found += p.length;
    const keep = Math.min(1, q.limit / Math.max(1, found));
    const seen = new Set<number>();
    const arrows: FlowArrow[] = [];
    const cut: Record<string, number> = {};
    sources.forEach((s, k) => {
      const ids = picked[k];
      // Pass 2: an even sample of each lane's ends when there are too many.
      const n = keep < 1 ? Math.floor(ids.length * keep) : ids.length;
      const lost = ids.length * stride - n;
      if (lost > 0) cut[s.lane] = (cut[s.lane] ?? 0) + lost;
      for (let j = 0; j < n; j++) {
        const id = ids[n === ids.length ? j : Math.floor((j * ids.length) / n)];
        for (const on of s.on) {
          const key = id * 4 + on;
          if (seen.has(key)) continue;
          seen.add(key);
          const a = on === ON_TASKS ? this.taskArrow(id) : this.arrow(id, on);
          if (a) arrows.push(a);
        }
      }
    });
    arrows.sort((a, b) => a.fromNs - b.fromNs || a.toNs - b.toNs);
    return { arrows, total: found * stride, truncated: stride > 1 || keep < 1, cut };
  }

  /** Whether flow f has both ends on lanes of that placement (an unblock by a timer has no goroutine to start from). */
  private placeable(f: number, on: number): boolean {
    const fi = this.index;
    const pseudo = fi.kind[f] === FLOW_NET_UNBLOCK || fi.kind[f] === FLOW_SYSCALL;
    if (on === ON_GOROUTINES) return pseudo || fi.actor[f] >= 0;
    if (on === ON_THREADS) return fi.kind[f] !== FLOW_SYSCALL && this.exec('thread').toLane[f] !== 0 && this.exec('thread').fromLane[f] !== 0;
    const x = this.exec('proc');
    return x.toLane[f] !== 0 && (pseudo || x.fromLane[f] !== 0);
  }

  private kindOf(f: number): FlowKind {
    const k = this.index.kind[f];
    return k === FLOW_CREATE ? 'create' : k === FLOW_SYSCALL ? 'syscall' : 'unblock';
  }

  /** The runs of flows with an end on each asked lane in the window. */
  private sources(q: FlowQuery): Source[] {
    const { startNs: s, endNs: e } = q;
    const out: Source[] = [];
    const ctx = this.ctx;
    const m = ctx.model;
    const wantFlows = q.kinds.has('create') || q.kinds.has('unblock') || q.kinds.has('syscall');
    // The Network and Syscalls rows start arrows to goroutine lanes and, in the proc view, to procs
    // (go tool trace's thread view draws network unblocks from the thread, and no syscall exits).
    const views: number[] = [ON_GOROUTINES];
    if (q.lanes.some((l) => l.startsWith('proc:'))) views.push(ON_PROCS);
    const add = (lane: string, list: ArrayLike<number> | null, lo: number, hi: number, timeOf: (id: number) => number, on: number[]) => {
      const timeAt = list ? (i: number) => timeOf(list[i]) : timeOf;
      const a = firstAtOrAfter(lo, hi, timeAt, s);
      const b = firstAtOrAfter(a, hi, (i) => (timeAt(i) > e ? 1 : 0), 1);
      if (b > a) out.push({ lane, list, lo: a, hi: b, on });
    };
    for (const lane of new Set(q.lanes)) {
      const { prefix, num } = parseLaneId(lane);
      if (prefix === 'task') {
        if (!q.kinds.has('task')) continue;
        const r = ctx.tasks.rowOf(num);
        if (r < 0) continue;
        const t = ctx.tasks;
        const start = (row: number) => t.startNs(row);
        // Its own arrow from its parent, and the arrows to its children, all at a child's begin.
        if (t.parentRow(r) >= 0) add(lane, [r], 0, 1, start, [ON_TASKS]);
        add(lane, t.children, t.childOffsets[r], t.childOffsets[r + 1], start, [ON_TASKS]);
        continue;
      }
      if (!wantFlows) continue;
      const fi = this.index;
      const causeNs = (f: number) => fi.causeNs(f);
      const startNs = (f: number) => fi.startNs(f);
      if (prefix === 'g') {
        const g = m.goroutines.indexOf(num);
        if (g < 0) continue;
        const [lo, hi] = fi.flowsOf(g);
        add(lane, null, lo, hi, startNs, [ON_GOROUTINES]);
        add(lane, fi.actorFlows, fi.actorOffsets[g], fi.actorOffsets[g + 1], causeNs, [ON_GOROUTINES]);
      } else if (prefix === 'proc' || prefix === 'thread') {
        const index = prefix === 'proc' ? ctx.procIndex.get(num) : ctx.threadIndex.get(num);
        if (index === undefined) continue;
        const x = this.exec(prefix);
        const on = [prefix === 'proc' ? ON_PROCS : ON_THREADS];
        add(lane, x.toFlows, x.toOffsets[index], x.toOffsets[index + 1], startNs, on);
        add(lane, x.fromFlows, x.fromOffsets[index], x.fromOffsets[index + 1], causeNs, on);
      } else if (lane === NET_LANE) {
        add(lane, fi.netFlows, 0, fi.netFlows.length, causeNs, views);
      } else if (lane === SYSCALL_LANE) {
        add(lane, fi.syscallFlows, 0, fi.syscallFlows.length, causeNs, views);
      }
    }
    return out;
  }

  /** Flow f placed on goroutine, proc or thread lanes; null when an end has no such lane. */
  private arrow(f: number, on: number): FlowArrow | null {
    const fi = this.index;
    const m = this.ctx.model;
    const log = m.transitions;
    const k = fi.kind[f];
    const g = log.goroutineOf(fi.cause[f]);
    let fromLane: string | null;
    let toLane: string | null;
    let fromRow: [number, number] | undefined;
    let toRow: [number, number] | undefined;
    const pseudo = k === FLOW_NET_UNBLOCK ? NET_LANE : k === FLOW_SYSCALL ? SYSCALL_LANE : null;
    if (on === ON_GOROUTINES) {
      const a = fi.actor[f];
      fromLane = pseudo ?? `g:${m.goroutines.id(a)}`;
      toLane = `g:${m.goroutines.id(g)}`;
      if (!pseudo) fromRow = this.rowOf(a);
      toRow = this.rowOf(g);
    } else if (on === ON_PROCS) {
      const x = this.exec('proc');
      fromLane = pseudo ?? x.laneId(x.fromLane[f]);
      toLane = x.laneId(x.toLane[f]);
    } else {
      const x = this.exec('thread');
      if (k === FLOW_SYSCALL) return null;
      fromLane = x.laneId(x.fromLane[f]);
      toLane = x.laneId(x.toLane[f]);
    }
    if (fromLane === null || toLane === null) return null;
    const arrow: FlowArrow = {
      kind: this.kindOf(f),
      reason: k === FLOW_UNBLOCK || k === FLOW_NET_UNBLOCK ? m.strings.get(log.reasons[fi.reason[f]]) : '',
      fromLane,
      fromNs: fi.causeNs(f),
      toLane,
      toNs: fi.startNs(f),
      goroutine: m.goroutines.id(g),
    };
    if (fromRow) arrow.fromRow = fromRow;
    if (toRow) arrow.toRow = toRow;
    return arrow;
  }

  private rowOf(g: number): [number, number] {
    return [this.ctx.groups.groupOf(g), this.ctx.groups.memberIndex(g)];
  }

  /** go tool trace's "newTask" arrow (gen.go): parent lane → child lane, at the child's begin (none when it began before the trace). */
  private taskArrow(r: number): FlowArrow | null {
    const t = this.ctx.tasks;
    const p = t.parentRow(r);
    if (p < 0 || this.ctx.model.tasks.tasks.startNs[r] < 0) return null;
    const at = t.startNs(r);
    return { kind: 'task', reason: t.typeName(r), fromLane: taskLane(t.id(p)), fromNs: at, toLane: taskLane(t.id(r)), toNs: at, goroutine: -1, task: t.id(r) };
  }
}
