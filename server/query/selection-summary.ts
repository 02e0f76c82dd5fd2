import type { SelectionSummary } from '../../shared/api.ts';
import { analyzeGoroutines } from '../model/goroutine-analysis.ts';
import type { QueryContext } from './query-context.ts';

/**
 * The numbers for a dragged time range: goroutine time by state, GC and STW
 * time, the top blocking reasons. Uses the windowed goroutine analysis, so it
 * agrees with the goroutine page opened for the same range.
 */
export function selectionSummary(ctx: QueryContext, startNs: number, endNs: number): SelectionSummary {
  const m = ctx.model;
  const a = analyzeGoroutines(m, startNs, endNs);
  const stateNs: Record<string, number> = { running: 0, runnable: 0, syscall: 0, blocked: 0, unknown: 0 };
  const reasons = new Map<string, number>();
  for (const g of a.goroutines) {
    stateNs.running += g.execNs;
    stateNs.runnable += g.schedWaitNs;
    stateNs.syscall += g.syscallNs;
    stateNs.unknown += g.unknownNs;
    for (const [r, d] of Object.entries(g.blockNs)) {
      stateNs.blocked += d;
      reasons.set(r || '(no reason)', (reasons.get(r || '(no reason)') ?? 0) + d);
    }
  }
  const overlap = (s: number, e: number) => Math.max(0, Math.min(e, endNs) - Math.max(s, startNs));
  let gcNs = 0;
  const gr = m.globalRanges;
  for (let i = 0; i < gr.name.length; i++) gcNs += overlap(gr.startNs[i], gr.endNs[i]);
  let stwNs = 0;
  const r = m.ranges;
  for (let i = 0; i < r.length; i++) {
    if (r.proc[i] === -1 && r.open[i] === 1) continue;
    if (m.strings.get(r.name(i)).startsWith('stop-the-world')) stwNs += overlap(r.startNs[i], r.endNs[i]);
  }
  const topBlocking = [...reasons.entries()].map(([reason, ns]) => ({ reason, ns })).sort((x, y) => y.ns - x.ns).slice(0, 8);
  return { startNs, endNs, stateNs, gcNs, stwNs, topBlocking };
}
