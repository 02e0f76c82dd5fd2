import type { Frame, SpanDetail } from '../../shared/api.ts';
import { GC_LANE, parseLaneId } from '../../shared/lanes.ts';
import { SPAN_STATE_NAMES, SpanState } from '../../shared/states.ts';
import { GoState } from '../trace/event-kinds.ts';
import { creatorOf } from '../model/goroutine-table.ts';
import type { TraceModel } from '../model/trace-model.ts';
import { fromOf } from '../model/transition-log.ts';
import { forEachGoroutineSpan } from './goroutine-lane.ts';
import type { QueryContext } from './query-context.ts';

export function stackFrames(model: TraceModel, stack: number): Frame[] {
  if (stack <= 0) return [];
  const st = model.stacks;
  return Array.from(st.frames(stack), (f) => ({ func: st.funcName(f), file: st.fileName(f), line: st.line(f), pc: `0x${st.pc(f).toString(16)}` }));
}

/** What happened at time t on a lane: the goroutine span there, its stacks, creator and unblocker. */
export function spanDetail(ctx: QueryContext, lane: string, t: number): SpanDetail | null {
  const m = ctx.model;
  if (lane === GC_LANE) return null;
  const { prefix, num } = parseLaneId(lane);
  let g = -1;
  let proc: number | null = null;
  if (prefix === 'g') g = m.goroutines.indexOf(num);
  else if (prefix === 'proc' || prefix === 'thread') {
    const index = prefix === 'proc' ? ctx.procIndex.get(num) : ctx.threadIndex.get(num);
    if (index === undefined) return null;
    const rows = prefix === 'proc' ? m.procs.procRows : m.procs.threadRows;
    const offsets = prefix === 'proc' ? m.procs.procOffsets : m.procs.threadOffsets;
    let lo = offsets[index];
    let hi = offsets[index + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (m.transitions.time.at(rows[mid]) <= t) lo = mid + 1;
      else hi = mid;
    }
    if (lo === offsets[index]) return null;
    g = m.transitions.goroutineOf(rows[lo - 1]);
    if (prefix === 'proc') proc = num;
  }
  if (g < 0) return null;
  let found: SpanDetail | null = null;
  const creator = creatorOf(m.transitions, g);
  const log = m.transitions;
  forEachGoroutineSpan(m, g, t, t, (s, e, state, reason, row) => {
    if (found || t < s || t > e) return;
    const next = row + 1 < log.offsets[g + 1] ? row + 1 : -1;
    const from = fromOf(log.packed[row]);
    const actor = log.actor(row);
    found = {
      lane,
      goroutine: m.goroutines.id(g),
      goroutineName: m.strings.get(m.goroutines.name(g)),
      state: SPAN_STATE_NAMES[state] ?? String(state),
      reason: state === SpanState.Waiting ? m.strings.get(log.reasons[reason]) : '',
      startNs: s,
      endNs: e,
      startStack: stackFrames(m, log.stack[row]),
      endStack: next >= 0 ? stackFrames(m, log.stack[next]) : [],
      creator: creator >= 0 ? { goroutine: m.goroutines.id(creator), timeNs: m.goroutines.createdNs(g) } : null,
      unblockedBy: from === GoState.Waiting && actor >= 0 ? { goroutine: m.goroutines.id(actor), timeNs: s } : null,
      proc,
    };
  });
  return found;
}
