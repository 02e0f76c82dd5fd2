import { describe, expect, it } from 'vitest';
import { EventKind, GoState, MetricId, ResourceKind } from '../../server/trace/event-kinds.ts';
import { StringTable } from '../../server/trace/string-table.ts';
import { TraceEvent } from '../../server/trace/trace-event.ts';
import { MutatorUtilBuilder } from '../../server/model/mmu/mutator-util.ts';
import { DEFAULT_MMU_FLAGS, formatMmuFlags, parseMmuFlags, type UtilFlags } from '../../server/model/mmu/util-flags.ts';

const strings = new StringTable();
const SYSTEM: UtilFlags = { ...DEFAULT_MMU_FLAGS };
const PER_P: UtilFlags = { ...DEFAULT_MMU_FLAGS, perProc: true };

type Spec = Partial<Omit<TraceEvent, 'name'>> & { kind: EventKind; timeNs: number; name?: string | number };

/** Runs events (names given as text) through a builder; returns each series as [timeNs, util] pairs. */
function run(flags: UtilFlags, specs: Spec[]): [number, number][][] {
  const b = new MutatorUtilBuilder(flags, strings);
  const ev = new TraceEvent();
  for (const s of specs) {
    Object.assign(ev, new TraceEvent(), s, { name: typeof s.name === 'string' ? strings.intern(s.name) : (s.name ?? 0) });
    b.add(ev);
  }
  return b.finish().map((s) => Array.from(s.timeNs, (t, i) => [t, s.util[i]] as [number, number]));
}

const sync = (timeNs: number, syncN = 1): Spec => ({ kind: EventKind.Sync, timeNs, syncN });
const procs = (timeNs: number, n: number): Spec => ({ kind: EventKind.Metric, timeNs, name: MetricId.Gomaxprocs, value: n });
const range = (kind: EventKind, timeNs: number, name: string, p: number, g = -1): Spec => ({
  kind,
  timeNs,
  name,
  p,
  g,
  scopeKind: g >= 0 ? ResourceKind.Goroutine : p >= 0 ? ResourceKind.Proc : ResourceKind.None,
  scopeId: g >= 0 ? g : p,
});
const go = (timeNs: number, g: number, p: number, fromState: GoState, toState: GoState): Spec => ({
  kind: EventKind.StateTransition,
  timeNs,
  p,
  resourceKind: ResourceKind.Goroutine,
  resourceId: g,
  fromState,
  toState,
});
const label = (timeNs: number, text: string, g: number, p: number): Spec => ({ kind: EventKind.Label, timeNs, name: text, g, p, resourceId: g });

describe('mutator utilization series (MutatorUtilizationV2)', () => {
  it('a GC stop-the-world takes every P; other stop-the-worlds and disabled flags do not', () => {
    const events = [
      sync(0),
      procs(10, 4),
      range(EventKind.RangeBegin, 100, 'stop-the-world (GC mark termination)', -1),
      range(EventKind.RangeEnd, 200, 'stop-the-world (GC mark termination)', -1),
      range(EventKind.RangeBegin, 300, 'stop-the-world (read mem stats)', -1),
      range(EventKind.RangeEnd, 400, 'stop-the-world (read mem stats)', -1),
      sync(1000, 2),
    ];
    expect(run(SYSTEM, events)).toEqual([[[10, 1], [100, 0], [200, 1], [1000, 0]]]);
    expect(run({ ...SYSTEM, stw: false }, events)).toEqual([[[10, 1], [1000, 0]]]);
  });

  it('a mark assist takes 1/GOMAXPROCS of the system while its goroutine runs, wherever it runs', () => {
    const events = [
      sync(0),
      procs(10, 2),
      range(EventKind.RangeBegin, 100, 'GC mark assist', 0, 7),
      go(150, 7, 0, GoState.Running, GoState.Waiting),
      go(180, 7, 1, GoState.Runnable, GoState.Running),
      range(EventKind.RangeEnd, 250, 'GC mark assist', 1, 7),
      go(260, 7, 1, GoState.Running, GoState.Waiting),
      sync(1000, 2),
    ];
    expect(run(SYSTEM, events)).toEqual([[[10, 1], [100, 0.5], [150, 1], [180, 0.5], [250, 1], [1000, 0]]]);
    // Per P: P0 is taken 100–150, P1 180–250.
    expect(run(PER_P, events)).toEqual([
      [[10, 1], [100, 0], [150, 1], [1000, 0]],
      [[10, 1], [180, 0], [250, 1], [1000, 0]],
    ]);
  });

  it('background workers: dedicated ones count for the system but not per P, idle ones never', () => {
    const events = [
      sync(0),
      procs(10, 2),
      label(100, 'GC (dedicated)', 5, 0),
      label(120, 'GC (idle)', 6, 1),
      go(200, 5, 0, GoState.Running, GoState.Waiting),
      sync(1000, 2),
    ];
    expect(run(SYSTEM, events)).toEqual([[[10, 1], [100, 0.5], [200, 1], [1000, 0]]]);
    expect(run(PER_P, events)).toEqual([
      [[10, 1], [1000, 0]],
      [[10, 1], [1000, 0]],
    ]);
  });

  it('per P, GOMAXPROCS shrinking ends series and growing again starts new ones', () => {
    const events = [sync(0), procs(10, 2), procs(100, 1), procs(200, 2), sync(1000, 2)];
    expect(run(PER_P, events)).toEqual([
      [[10, 1], [1000, 0]],
      [[10, 1], [100, 0]],
      [[200, 1], [1000, 0]],
    ]);
  });

  it('a sweep already active at trace start is charged back to the first point; after one generation it is ignored', () => {
    const flags = { ...SYSTEM, sweep: true };
    const early = [sync(0), procs(10, 2), range(EventKind.RangeActive, 60, 'GC incremental sweep', 1), range(EventKind.RangeEnd, 80, 'GC incremental sweep', 1), sync(1000, 2)];
    expect(run(flags, early)).toEqual([[[10, 0.5], [80, 1], [1000, 0]]]);
    const late = [sync(0), procs(10, 2), sync(500, 2), range(EventKind.RangeActive, 600, 'GC incremental sweep', 1), sync(1000, 3)];
    expect(run(flags, late)).toEqual([[[10, 1], [1000, 0]]]);
  });

  it('an assist found active counts from the trace start only if its goroutine was running', () => {
    const flags = SYSTEM;
    const running = [sync(0), procs(10, 2), go(20, 7, 0, GoState.Undetermined, GoState.Running), range(EventKind.RangeActive, 30, 'GC mark assist', 0, 7), sync(1000, 2)];
    expect(run(flags, running)).toEqual([[[10, 0.5], [1000, 0]]]);
    // Not charged back, but (as in Go) it still takes its P from now on, running or not.
    const waiting = [sync(0), procs(10, 2), go(20, 7, -1, GoState.Undetermined, GoState.Waiting), range(EventKind.RangeActive, 30, 'GC mark assist', 0, 7), sync(1000, 2)];
    expect(run(flags, waiting)).toEqual([[[10, 1], [30, 0.5], [1000, 0]]]);
  });

  it('no GOMAXPROCS metric, no series (old traces without a GC)', () => {
    expect(run(SYSTEM, [sync(0), go(20, 1, 0, GoState.Runnable, GoState.Running), sync(100, 2)])).toEqual([]);
  });
});

describe('flags as go tool trace spells them', () => {
  it("the page's default query is the default flags", () => {
    expect(parseMmuFlags('system|stw|background|assist')).toEqual(DEFAULT_MMU_FLAGS);
    expect(formatMmuFlags(DEFAULT_MMU_FLAGS)).toBe('system|stw|background|assist');
  });

  it('per-goroutine view with sweep and percentiles round-trips', () => {
    const f = parseMmuFlags('perProc|stw|sweep|mut');
    expect(f).toEqual({ stw: true, background: false, assist: false, sweep: true, perProc: true, percentiles: true });
    expect(formatMmuFlags(f)).toBe('perProc|stw|sweep|mut');
  });
});
