import { GoState } from '../trace/event-kinds.ts';
import { creationRow } from './goroutine-table.ts';
import type { TraceModel } from './trace-model.ts';
import { reasonOf, TO_PROC_LOST, toOf } from './transition-log.ts';

export type ProfileKind = 'net' | 'sync' | 'syscall' | 'sched';
export const PROFILE_KINDS: readonly ProfileKind[] = ['net', 'sync', 'syscall', 'sched'];

/** One stack of a blocking profile: how often and how long goroutines waited there. */
export interface ProfileRecord {
  /** Trace-wide stack id of the event that started the wait. */
  stack: number;
  count: number;
  delayNs: number;
}

/**
 * go tool trace's blocking profiles (-pprof=net|sync|syscall|sched, pages
 * /io /block /syscall /sched): for every goroutine, a wait starts at a
 * transition into the profile's state (with an accepted reason) and ends at
 * the next transition into any other state; its duration, counted only while
 * the goroutine had started and not ended (and inside [fromNs, toNs]), goes to
 * the stack of the event that started it. Stacks with the same PCs merge.
 */
export function blockingProfile(model: TraceModel, kind: ProfileKind, fromNs = 0, toNs = model.endNs): ProfileRecord[] {
  const log = model.transitions;
  const gs = model.goroutines;
  const state = kind === 'syscall' ? GoState.Syscall : kind === 'sched' ? GoState.Runnable : GoState.Waiting;
  const accept = reasonFilter(model, kind);
  const byPcs = new Map<string, ProfileRecord>();
  for (let g = 0; g < gs.count; g++) {
    // go tool trace counts waits only while the goroutine lives: from its first run
    // (before it ever ran: from the beginning) to its end (or the end of the trace).
    const lo = Math.max(firstRun(log, g), fromNs);
    const hi = Math.min(gs.endOr(g, model.endNs), toNs);
    let startRow = -1;
    for (let row = log.offsets[g], end = log.offsets[g + 1]; row < end; row++) {
      const p = log.packed[row];
      const to = toOf(p);
      if (to === TO_PROC_LOST) continue;
      if (startRow < 0) {
        if (to === state && accept[reasonOf(p)]) startRow = row;
        continue;
      }
      if (to === state) continue;
      const s = log.time.at(startRow);
      const e = log.time.at(row);
      if (!(hi < s || e < lo)) {
        const d = Math.min(e, hi) - Math.max(s, lo);
        if (d > 0) {
          const stack = log.stack[startRow];
          const key = pcKey(model, stack);
          let rec = byPcs.get(key);
          if (!rec) byPcs.set(key, (rec = { stack, count: 0, delayNs: 0 }));
          rec.stack = stack; // the latest stack with these PCs names the record, as in Go
          rec.count++;
          rec.delayNs += d;
        }
      }
      startRow = -1;
    }
  }
  return [...byPcs.values()].sort((a, b) => b.delayNs - a.delayNs);
}

/** When goroutine g's current incarnation first ran (go tool trace's StartTime), or -1. */
function firstRun(log: TraceModel['transitions'], g: number): number {
  const from = creationRow(log, g);
  for (let row = Math.max(from, log.offsets[g]); row < log.offsets[g + 1]; row++) {
    if (toOf(log.packed[row]) === GoState.Running) return log.time.at(row);
  }
  return -1;
}

/** Accepted reasons by reason index: network waits; channel, select and sync waits; anything for the others. */
function reasonFilter(model: TraceModel, kind: ProfileKind): Uint8Array {
  const reasons = model.transitions.reasons;
  const out = new Uint8Array(reasons.length);
  for (let r = 0; r < reasons.length; r++) {
    const text = model.strings.get(reasons[r]);
    out[r] =
      kind === 'net' ? (text === 'network' ? 1 : 0) : kind === 'sync' ? (/chan|sync|select/.test(text) ? 1 : 0) : 1;
  }
  return out;
}

/**
 * Stacks are told apart by their first 128 PCs only, as a zero-padded array
 * (go tool trace's pprofMaxStack): trailing zero PCs do not count, so a stack
 * whose only frame has PC 0 is the same record as no stack at all.
 */
function pcKey(model: TraceModel, stack: number): string {
  const frames = model.stacks.frames(stack);
  let n = Math.min(frames.length, 128);
  while (n > 0 && model.stacks.pc(frames[n - 1]) === 0) n--;
  let key = '';
  for (let i = 0; i < n; i++) key += `${model.stacks.pc(frames[i])},`;
  return key;
}
