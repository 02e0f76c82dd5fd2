import { breakdown, forEachBlockReason, visitGoroutines, type GoroutineBreakdown, type GoroutineGroup } from '../model/goroutine-analysis.ts';
import { goroutineStats, unknownNs, type GoroutineStats } from '../model/goroutine-stats.ts';
import type { TraceModel } from '../model/trace-model.ts';
import { radixOrder } from './radix-order.ts';

/** Sort keys: a column of the goroutine table; `block:<reason>` and `range:<name>` sort by one reason's or range's time. */
export type AnalysisSortKey = 'total' | 'exec' | 'execShare' | 'schedWait' | 'syscall' | 'unknown' | 'id' | `block:${string}` | `range:${string}`;

export interface AnalysisPageQuery {
  startNs: number;
  endNs: number;
  /** Only this group's goroutines are listed (groups are always all counted). */
  group?: string;
  /** No goroutine rows, only the groups. */
  groupsOnly: boolean;
  offset: number;
  /** Rows in the page; Infinity for all. */
  limit: number;
  sort: AnalysisSortKey;
  /** Descending (default: the longest first, as go tool trace lists them). */
  desc: boolean;
}

export interface AnalysisPage {
  groups: GoroutineGroup[];
  /** Goroutines matching (in the group, or all), before paging. */
  total: number;
  offset: number;
  goroutines: (GoroutineBreakdown & { createdNs: number; endNs: number })[];
  /** Block reasons and special ranges with time in any listed goroutine, largest total first (the table's columns). */
  blockReasons: string[];
  rangeNames: string[];
}

interface Ordered {
  key: string;
  groups: GoroutineGroup[];
  /** Goroutine rows of the page's list, sorted. */
  order: Int32Array;
  blockReasons: string[];
  rangeNames: string[];
}

/**
 * go tool trace's goroutine analysis a page at a time: a group of 960 000
 * goroutines (the 68 MB bench trace) is a 140 MB answer whole. The sorted
 * order is kept for the last query, so paging through it costs only the
 * page's rows.
 */
export class GoroutineAnalysisPager {
  private last: Ordered | null = null;

  constructor(private readonly model: TraceModel) {}

  page(q: AnalysisPageQuery): AnalysisPage {
    const m = this.model;
    const key = `${q.startNs}/${q.endNs}/${q.group ?? '\u0000all'}/${q.groupsOnly}/${q.sort}/${q.desc}`;
    if (this.last?.key !== key) this.last = this.sortRows(q, key);
    const { groups, order, blockReasons, rangeNames } = this.last;
    const end = Math.min(order.length, q.offset + Math.min(q.limit, order.length));
    const goroutines: AnalysisPage['goroutines'] = [];
    for (let i = q.offset; i < end; i++) {
      const g = order[i];
      // Recomputed for the page's rows only (a few hundred summaries).
      const row = breakdown(m, g, m.strings.get(m.goroutines.name(g)), goroutineStats(m, g, q.startNs, q.endNs));
      goroutines.push({ ...row, createdNs: m.goroutines.createdNs(g), endNs: m.goroutines.endNs(g) });
    }
    return { groups, total: order.length, offset: q.offset, goroutines, blockReasons, rangeNames };
  }

  private sortRows(q: AnalysisPageQuery, key: string): Ordered {
    const m = this.model;
    const rows: number[] = [];
    const sortKey = keyOf(m, q.sort);
    /** Sort key by goroutine row (radixOrder takes non-negative keys). */
    const keyOfRow = new Float64Array(m.goroutines.count);
    const reasonNs = new Map<string, number>();
    const rangeNs = new Map<string, number>();
    const addReason = (reason: string, d: number) => reasonNs.set(reason, (reasonNs.get(reason) ?? 0) + d);
    const groups = visitGoroutines(
      m,
      q.startNs,
      q.endNs,
      (g, name, s) => {
        if (q.groupsOnly || (q.group !== undefined && q.group !== name)) return;
        rows.push(g);
        const k = sortKey(g, s);
        keyOfRow[g] = k >= 0 ? k : 0;
        forEachBlockReason(m, s, addReason);
        for (const [n, d] of s.rangeNs) {
          const rn = m.strings.get(n);
          rangeNs.set(rn, (rangeNs.get(rn) ?? 0) + d);
        }
      },
      // Groups alone need no special-range times.
      !q.groupsOnly,
    );
    const byTotal = (t: Map<string, number>) => [...t].filter(([, d]) => d > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
    const gs = m.goroutines;
    // Ties by goroutine id, ascending, as go tool trace breaks them: rows put in id order,
    // then a stable sort by the column (radix-order.ts: no comparator calls).
    const byId = radixOrder(Int32Array.from(rows), (g) => gs.id(g));
    const order = radixOrder(byId, (g) => keyOfRow[g], q.desc);
    return { key, groups, order, blockReasons: byTotal(reasonNs), rangeNames: byTotal(rangeNs) };
  }
}

function keyOf(m: TraceModel, sort: AnalysisSortKey): (g: number, s: GoroutineStats) => number {
  switch (sort) {
    case 'total':
      return (_, s) => s.totalNs;
    case 'exec':
      return (_, s) => s.execNs;
    case 'execShare':
      return (_, s) => (s.totalNs > 0 ? s.execNs / s.totalNs : 0);
    case 'schedWait':
      return (_, s) => s.schedWaitNs;
    case 'syscall':
      return (_, s) => s.syscallNs;
    case 'unknown':
      return (_, s) => unknownNs(s);
    case 'id':
      return (g) => m.goroutines.id(g);
  }
  if (sort.startsWith('block:')) {
    const name = sort.slice(6);
    // Reason indices whose text is the name ("syscall" also counts the time after the proc was lost).
    const reasonIdx = new Set<number>();
    m.transitions.reasons.forEach((sid, i) => m.strings.get(sid) === name && reasonIdx.add(i));
    return (_, s) => {
      let sum = name === 'syscall' ? s.syscallBlockNs : 0;
      for (const [r, d] of s.blockNs) if (reasonIdx.has(r)) sum += d;
      return sum;
    };
  }
  const name = sort.slice(6);
  return (_, s) => {
    for (const [n, d] of s.rangeNs) if (m.strings.get(n) === name) return d;
    return 0;
  };
}
