import type { StackTable } from '../stack-table.ts';
import type { StringTable } from '../string-table.ts';
import type { IdTables } from '../v2/finalize-event.ts';
import type { V1Parsed } from './v1-parse.ts';

/**
 * The string and stack tables of an old-format trace, numbered as the
 * reference converter numbers them: the trace's own string ids, then the
 * inline log messages, then the converter's fixed reason strings.
 */
export class V1Tables implements IdTables {
  private readonly global = new Map<number, number>();
  private readonly stackCache = new Map<number, number>();
  private readonly frameCache = new Map<number, number>();
  /** Id of the first inline string (UserLog message). */
  readonly inlineBase: number;
  /** Id of builtin string k is builtinBase + k. */
  readonly builtinBase: number;

  constructor(
    private readonly parsed: V1Parsed,
    private readonly strings: StringTable,
    private readonly stacks: StackTable,
  ) {
    let max = 0;
    for (const [id, text] of parsed.strings) {
      this.global.set(id, strings.intern(text));
      if (id > max) max = id;
    }
    this.inlineBase = max + 1;
    parsed.inlineStrings.forEach((text, i) => this.global.set(this.inlineBase + i, strings.intern(text)));
    this.builtinBase = this.inlineBase + parsed.inlineStrings.length;
    BUILTIN_STRINGS.forEach((text, k) => this.global.set(this.builtinBase + k, strings.intern(text)));
  }

  builtin(k: number): number {
    return this.builtinBase + k;
  }

  hasString(id: number): boolean {
    return id === 0 || this.global.has(id);
  }
  stringId(id: number): number {
    return this.global.get(id) ?? 0;
  }
  emptyStack(): number {
    return this.stacks.internStack(new Int32Array(0));
  }

  hasStack(id: number): boolean {
    return id === 0 || this.parsed.stacks.has(id);
  }
  stackId(id: number): number {
    if (id === 0) return 0;
    let global = this.stackCache.get(id);
    if (global === undefined) {
      const pcs = this.parsed.stacks.get(id) ?? [];
      global = this.stacks.internStack(pcs.map((pc) => this.frameId(pc)));
      this.stackCache.set(id, global);
    }
    return global;
  }

  private frameId(pc: number): number {
    let id = this.frameCache.get(pc);
    if (id === undefined) {
      const f = this.parsed.pcs.get(pc);
      // A PC the stack table never described reads as an empty frame (PC 0), as in Go.
      id = f ? this.stacks.internFrame(pc, this.stringId(f.fn), this.stringId(f.file), f.line) : this.stacks.internFrame(0, 0, 0, 0);
      this.frameCache.set(pc, id);
    }
    return id;
  }
}

/** Reasons and STW kinds the converter adds (indices are the B_* constants). */
export const BUILTIN_STRINGS = [
  'forever', 'preempted', 'runtime.Gosched', 'sleep', 'chan send', 'chan receive', 'network', 'sync',
  'sync.(*Cond).Wait', 'select', '', 'GC mark assist wait for work',
  // STW reasons, indexed from B_STW_UNKNOWN by the runtime's stwReason.
  '', 'GC mark termination', 'GC sweep termination', 'write heap dump', 'goroutine profile',
  'goroutine profile cleanup', 'all goroutine stack trace', 'read mem stats', 'AllThreadsSyscall', 'GOMAXPROCS',
  'start trace', 'stop trace', 'CountPagesInUse (test)', 'ReadMetricsSlow (test)', 'ReadMemStatsSlow (test)',
  'PageCachePagesLeaked (test)', 'ResetDebugLog (test)',
];

export const B_FOREVER = 0;
export const B_PREEMPTED = 1;
export const B_GOSCHED = 2;
export const B_SLEEP = 3;
export const B_CHAN_SEND = 4;
export const B_CHAN_RECV = 5;
export const B_NETWORK = 6;
export const B_SYNC = 7;
export const B_SYNC_COND = 8;
export const B_SELECT = 9;
export const B_EMPTY = 10;
export const B_MARK_ASSIST_WAIT = 11;
export const B_STW_UNKNOWN = 12;
/** Number of STW reasons the go 1.21 format can name. */
export const NUM_STW_REASONS = 17;
