import { TraceError } from '../trace-error.ts';
import { IndexList, PROFILE_P, V1, type V1Store } from './v1-events.ts';
import type { V1Parsed } from './v1-parse.ts';

const G_DEAD = 0;
const G_RUNNABLE = 1;
const G_RUNNING = 2;
const G_WAITING = 3;
/** Sentinels of the sequence machine (Go uses ^0 and ^0-1 in uint64). */
const NOSEQ = -1;
const SEQINC = -2;
const UNORDERED = -1e300;
const GARBAGE = -2e300;

/** Scratch result of stateTransition (avoids an object per event). */
let tg = 0;
let initSeq = 0;
let initStatus = 0;
let nextSeq = 0;
let nextStatus = 0;

/** Which goroutine an event moves, and from/to which (seq, status). */
function stateTransition(s: V1Store, i: number): void {
  const a = 4 * i;
  switch (s.type[i]) {
    case V1.GoCreate:
      set(s.args[a], 0, G_DEAD, 1, G_RUNNABLE);
      return;
    case V1.GoWaiting:
    case V1.GoInSyscall:
      set(s.g[i], 1, G_RUNNABLE, 2, G_WAITING);
      return;
    case V1.GoStart:
    case V1.GoStartLabel:
      set(s.g[i], s.args[a + 1], G_RUNNABLE, s.args[a + 1] + 1, G_RUNNING);
      return;
    case V1.GoStartLocal:
      set(s.g[i], NOSEQ, G_RUNNABLE, SEQINC, G_RUNNING);
      return;
    case V1.GoBlock: case V1.GoBlockSend: case V1.GoBlockRecv: case V1.GoBlockSelect: case V1.GoBlockSync:
    case V1.GoBlockCond: case V1.GoBlockNet: case V1.GoSleep: case V1.GoSysBlock: case V1.GoBlockGC:
      set(s.g[i], NOSEQ, G_RUNNING, NOSEQ, G_WAITING);
      return;
    case V1.GoSched:
    case V1.GoPreempt:
      set(s.g[i], NOSEQ, G_RUNNING, NOSEQ, G_RUNNABLE);
      return;
    case V1.GoUnblock:
    case V1.GoSysExit:
      set(s.args[a], s.args[a + 1], G_WAITING, s.args[a + 1] + 1, G_RUNNABLE);
      return;
    case V1.GoUnblockLocal:
    case V1.GoSysExitLocal:
      set(s.args[a], NOSEQ, G_WAITING, SEQINC, G_RUNNABLE);
      return;
    case V1.GCStart:
      set(GARBAGE, s.args[a], G_DEAD, s.args[a] + 1, G_DEAD);
      return;
    default:
      tg = UNORDERED;
  }
}

function set(g: number, is: number, ist: number, ns: number, nst: number): void {
  tg = g;
  initSeq = is;
  initStatus = ist;
  nextSeq = ns;
  nextStatus = nst;
}

interface Proc {
  pid: number;
  list: IndexList;
  next: number;
  done: boolean;
}

/**
 * Merges the per-proc streams into one order consistent with every goroutine's
 * sequence numbers (the reference parser's algorithm: repeatedly take every
 * proc whose next event is ready into a frontier, emit the earliest), then
 * applies syscall-exit real times and sorts by time. Returns row indices.
 */
export function orderV1(parsed: V1Parsed): Int32Array {
  const s = parsed.store;
  const samples = parsed.cpuSamples;
  // The profile pseudo-proc's samples are sorted by their real tick.
  const sampleRows = Array.from(samples.items.subarray(0, samples.length)).sort((x, y) => s.ts[x] - s.ts[y]);
  const sampleList = new IndexList();
  for (const r of sampleRows) sampleList.push(r);
  const all: Proc[] = [];
  for (const [pid, list] of parsed.procs) all.push({ pid, list, next: 0, done: false });
  all.push({ pid: PROFILE_P, list: sampleList, next: 0, done: false });

  const gSeq = new Map<number, number>();
  const gStatus = new Map<number, number>();
  const ready = (g: number): boolean =>
    g === UNORDERED || ((initSeq === NOSEQ || initSeq === (gSeq.get(g) ?? 0)) && initStatus === (gStatus.get(g) ?? G_DEAD));

  const order = new Int32Array(s.length);
  let n = 0;
  const frontier: { row: number; proc: Proc }[] = [];
  const available = all.slice();
  for (;;) {
    for (let i = 0; i < available.length; i++) {
      const proc = available[i];
      if (proc.next === proc.list.length) {
        proc.done = true;
        available[i] = available[available.length - 1];
        available.pop();
        i--;
        continue;
      }
      const row = proc.list.items[proc.next];
      stateTransition(s, row);
      if (!ready(tg)) continue;
      proc.next++;
      available[i] = available[available.length - 1];
      available.pop();
      heapPush(frontier, { row, proc }, s);
      i--;
    }
    if (frontier.length === 0) {
      for (const p of all) {
        if (!p.done) {
          const row = p.list.items[p.next];
          throw new TraceError('BAD_ORDER', s.off[row], 'no consistent ordering of events possible');
        }
      }
      break;
    }
    const f = heapPop(frontier, s);
    const row = f.row;
    stateTransition(s, row);
    const t = s.type[row];
    if (t === V1.GoStartLocal) s.type[row] = V1.GoStart;
    else if (t === V1.GoUnblockLocal) s.type[row] = V1.GoUnblock;
    else if (t === V1.GoSysExitLocal) s.type[row] = V1.GoSysExit;
    order[n++] = row;
    if (tg !== UNORDERED) {
      if (!ready(tg)) throw new TraceError('BAD_ORDER', s.off[row], 'encountered impossible goroutine state transition');
      const cur = gSeq.get(tg) ?? 0;
      gSeq.set(tg, nextSeq === NOSEQ ? cur : nextSeq === SEQINC ? cur + 1 : nextSeq);
      gStatus.set(tg, nextStatus);
    }
    available.push(f.proc);
  }
  for (let i = 1; i < n; i++) {
    if (s.ts[order[i]] < s.ts[order[i - 1]]) throw new TraceError('BAD_ORDER', s.off[order[i]], 'time stamps out of order');
  }
  applySyscallExitTimes(s, order);
  // Stable sort by time (the merge order breaks ties).
  const sorted = Array.from(order).sort((x, y) => s.ts[x] - s.ts[y]);
  return Int32Array.from(sorted);
}

/** A syscall exit really happened at its recorded tick, after the syscall blocked. */
function applySyscallExitTimes(s: V1Store, order: Int32Array): void {
  const lastSysBlock = new Map<number, number>();
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const t = s.type[i];
    if (t === V1.GoSysBlock || t === V1.GoInSyscall) lastSysBlock.set(s.g[i], s.ts[i]);
    else if (t === V1.GoSysExit) {
      const ts = s.args[4 * i + 2];
      if (ts === 0) continue;
      const block = lastSysBlock.get(s.g[i]) ?? 0;
      if (block === 0) throw new TraceError('BAD_ORDER', s.off[i], 'stray syscall exit');
      if (ts < block) throw new TraceError('BAD_ORDER', s.off[i], 'time stamps out of order (syscall exit before it blocked)');
      s.ts[i] = ts;
    }
  }
}

// Binary heap on event time; ties fall where the sift puts them (as in Go's container/heap use).
function heapPush(h: { row: number; proc: Proc }[], x: { row: number; proc: Proc }, s: V1Store): void {
  h.push(x);
  let j = h.length - 1;
  for (;;) {
    const i = (j - 1) >> 1;
    if (i === j || j === 0 || !(s.ts[h[j].row] < s.ts[h[i].row])) break;
    [h[i], h[j]] = [h[j], h[i]];
    j = i;
  }
}

function heapPop(h: { row: number; proc: Proc }[], s: V1Store): { row: number; proc: Proc } {
  const n = h.length - 1;
  [h[0], h[n]] = [h[n], h[0]];
  let i = 0;
  for (;;) {
    const j1 = 2 * i + 1;
    if (j1 >= n) break;
    let j = j1;
    const j2 = j1 + 1;
    if (j2 < n && s.ts[h[j2].row] < s.ts[h[j1].row]) j = j2;
    if (!(s.ts[h[j].row] < s.ts[h[i].row])) break;
    [h[i], h[j]] = [h[j], h[i]];
    i = j;
  }
  return h.pop()!;
}
