import { TraceError } from '../trace-error.ts';
import type { Generation } from './generation.ts';
import { GoTable } from './go-table.ts';
import { GC_UNDETERMINED, ProcTable, type MState, type TaskState } from './ordering-state.ts';
import { TraceEvent } from '../trace-event.ts';
import { finalizeEvent, type RangeNames } from './finalize-event.ts';
import { RawEvent, SlotQueue } from './raw-event.ts';
import { specName } from './wire-events.ts';

/** Context requirements: a thread / proc / goroutine must not, may, or must be present. */
export const MUST_NOT = 0;
export const MAY = 1;
export const MUST = 2;

/**
 * Reconstructs one consistent global order from the per-thread event streams
 * and validates it, by emulating the Go scheduler's state: which goroutine and
 * proc every thread holds, every goroutine's and proc's status and sequence
 * number. Time stamps only break ties; causality comes from sequence numbers.
 * This is the reference reader's algorithm (internal/trace order.go): an event
 * that cannot happen yet returns false and the reader tries another thread.
 *
 * The context an advance works on is kept in fields rather than objects:
 * cur* is the thread's context before the event, new* after it, and ev* the
 * context the emitted event reports (usually cur*).
 */
export class Ordering {
  readonly gs = new GoTable();
  readonly ps = new ProcTable();
  readonly mStates = new Map<number, MState>();
  readonly activeTasks = new Map<number, TaskState>();
  gcSeq = 0;
  gcState = GC_UNDETERMINED;
  initialGen = 0;
  /** Events ready to return, already in public form. */
  readonly queue = new SlotQueue(() => new TraceEvent());
  private readonly scratch = new RawEvent();

  // Per-advance scratch state.
  gen = 0;
  table: Generation | null = null;
  curG = -1;
  curP = -1;
  curM = -1;
  newG = -1;
  newP = -1;
  evG = -1;
  evP = -1;
  evM = -1;

  constructor(
    readonly minor: number,
    private readonly names: RangeNames,
  ) {}

  /** Makes `table` (generation number `gen`) the one every following advance works in. */
  startGeneration(gen: number, table: Generation): void {
    if (this.initialGen === 0) this.initialGen = gen;
    this.gen = gen;
    this.table = table;
  }

  /**
   * Queues `ev` with the event context (ev*), converted to its public form
   * right away (the reference reader checks its table ids when returning it;
   * nothing can change them in between).
   */
  emit(ev: RawEvent): void {
    ev.g = this.evG;
    ev.p = this.evP;
    ev.m = this.evM;
    finalizeEvent(ev, this.table!, this.names, this.queue.push());
  }

  /** Queues a synthesized event of type `type` at `ev`'s time and offset. */
  emitSynthetic(ev: RawEvent, type: number, g: number, p: number, m: number, a0 = 0, a1 = 0, extra0 = 0): void {
    const s = this.scratch;
    s.type = type;
    s.time = ev.time;
    s.offset = ev.offset;
    s.a0 = a0;
    s.a1 = a1;
    s.a2 = s.a3 = s.extra1 = 0;
    s.extra0 = extra0;
    s.g = g;
    s.p = p;
    s.m = m;
    finalizeEvent(s, this.table!, this.names, this.queue.push());
  }

  /** Checks the thread's context against must/may/must-not requirements. */
  validateCtx(ev: RawEvent, m: number, p: number, g: number): void {
    const fail = (what: string) => {
      throw new TraceError('BAD_ORDER', ev.offset, `${what} (event ${specName(ev.type)} on thread ${this.curM})`);
    };
    if (m === MUST && this.curM === -1) fail("expected a thread but didn't have one");
    else if (m === MUST_NOT && this.curM !== -1) fail('expected no thread but had one');
    if (p === MUST && this.curP === -1) fail("expected a proc but didn't have one");
    else if (p === MUST_NOT && this.curP !== -1) fail('expected no proc but had one');
    if (g === MUST && this.curG === -1) fail("expected a goroutine but didn't have one");
    else if (g === MUST_NOT && this.curG !== -1) fail('expected no goroutine but had one');
  }

  /** The common requirement of events that run user code: thread, proc and goroutine. */
  validateUser(ev: RawEvent): void {
    if (this.curM === -1 || this.curP === -1 || this.curG === -1) this.validateCtx(ev, MUST, MUST, MUST);
  }

  fail(ev: RawEvent, message: string): never {
    throw new TraceError('BAD_ORDER', ev.offset, message);
  }

  /** True when (gen, n) is the immediate successor of a resource's (seqGen, seqN). */
  succeeds(n: number, seqGen: number, seqN: number): boolean {
    return this.gen === seqGen && n === seqN + 1;
  }
}
