import { goroutineStats, unknownNs, type GoroutineStats } from './goroutine-stats.ts';
import type { GoroutineRow } from '../../shared/api.ts';
import type { TraceModel } from './trace-model.ts';

/** One goroutine's breakdown, with reasons and range names as text (the `goroutines --json` form): the API's row without its lifetime. */
export type GoroutineBreakdown = Omit<GoroutineRow, 'createdNs' | 'endNs'>;

export interface GoroutineGroup {
  name: string;
  count: number;
  execNs: number;
  /** Share of the execution time of all goroutines. */
  execShare: number;
}

export interface GoroutineAnalysis {
  fromNs: number;
  toNs: number;
  groups: GoroutineGroup[];
  goroutines: GoroutineBreakdown[];
}

/**
 * go tool trace's goroutine analysis (/goroutines and /goroutine?name=), for
 * the whole trace or any window [fromNs, toNs]: goroutines grouped by start
 * function and sorted by execution time, and each goroutine's time split into
 * execution, scheduler wait, syscall, block time per reason and unknown.
 * A goroutine counts in a window when its lifetime overlaps it.
 */
export function analyzeGoroutines(model: TraceModel, fromNs = 0, toNs = model.endNs, onlyGroup?: string): GoroutineAnalysis {
  const out: GoroutineBreakdown[] = [];
  const groups = visitGoroutines(model, fromNs, toNs, (g, name, s) => {
    if (onlyGroup === undefined || onlyGroup === name) out.push(breakdown(model, g, name, s));
  });
  out.sort((a, b) => b.totalNs - a.totalNs || a.id - b.id);
  return { fromNs, toNs, groups, goroutines: out };
}

/**
 * Calls `fn` with the stats of every goroutine counted in [fromNs, toNs]
 * (its lifetime overlaps it) and returns the groups, sorted by execution
 * time as go tool trace lists them. `withRanges: false` leaves the stats'
 * special-range times empty (a quarter of the cost).
 */
export function visitGoroutines(model: TraceModel, fromNs: number, toNs: number, fn: (g: number, group: string, s: GoroutineStats) => void, withRanges = true): GoroutineGroup[] {
  const n = model.goroutines.count;
  const groups = new Map<string, GoroutineGroup>();
  let totalExec = 0;
  const whole = fromNs <= 0 && toNs >= model.endNs;
  for (let g = 0; g < n; g++) {
    if (model.transitions.offsets[g] === model.transitions.offsets[g + 1]) continue;
    // A goroutine whose (last) lifetime misses the window has no total time in it either
    // (its total is that lifetime clipped to the window): skipped before its stats, which
    // made a 100 ms window of the 68 MB bench trace cost 0.8 s for 960 000 goroutines.
    if (!whole && !livesIn(model, g, fromNs, toNs)) continue;
    const s = goroutineStats(model, g, fromNs, toNs, withRanges);
    const name = model.strings.get(model.goroutines.name(g));
    totalExec += s.execNs;
    let group = groups.get(name);
    if (!group) groups.set(name, (group = { name, count: 0, execNs: 0, execShare: 0 }));
    group.count++;
    group.execNs += s.execNs;
    fn(g, name, s);
  }
  const list = [...groups.values()].sort((a, b) => b.execNs - a.execNs || a.name.localeCompare(b.name));
  for (const gr of list) gr.execShare = totalExec > 0 ? gr.execNs / totalExec : 0;
  return list;
}

function livesIn(model: TraceModel, g: number, fromNs: number, toNs: number): boolean {
  const created = model.goroutines.createdNs(g);
  const end = model.goroutines.endOr(g, model.endNs);
  return created <= toNs && end >= fromNs;
}

export function breakdown(model: TraceModel, g: number, group: string, s: GoroutineStats): GoroutineBreakdown {
  const blockNs: Record<string, number> = {};
  forEachBlockReason(model, s, (key, d) => (blockNs[key] = (blockNs[key] ?? 0) + d));
  const rangeNs: Record<string, number> = {};
  for (const [name, d] of s.rangeNs) rangeNs[model.strings.get(name)] = d;
  return {
    id: model.goroutines.id(g),
    group,
    totalNs: s.totalNs,
    execNs: s.execNs,
    schedWaitNs: s.schedWaitNs,
    syscallNs: s.syscallNs,
    blockNs,
    unknownNs: unknownNs(s),
    rangeNs,
  };
}

/**
 * Calls `add` with each block time of `s` under go tool trace's "Block time
 * (<reason>)" name; "syscall" also gets the time after a syscall lost its
 * proc. The goroutine rows, the page's column list and the selection summary
 * all name block reasons this way.
 */
export function forEachBlockReason(model: TraceModel, s: GoroutineStats, add: (reason: string, ns: number) => void): void {
  const reasons = model.transitions.reasons;
  for (const [r, d] of s.blockNs) add(model.strings.get(reasons[r]), d);
  if (s.syscallBlockNs > 0) add('syscall', s.syscallBlockNs);
}
