import { TraceError } from '../trace-error.ts';
import { specName, START_EV } from './wire-events.ts';

/**
 * Scheduler state the ordering keeps across generations. Sequence numbers are
 * only meaningful together with their generation (gen, n): a counter restarts
 * every generation.
 */

/** Ranges in flight on a goroutine or proc, as flat [beginType, desc, …] pairs. */
export class RangeSet {
  /** Allocated on first use: a million short goroutines rarely have ranges. */
  inFlight: number[] | null = null;

  has(typ: number, desc: number): boolean {
    const r = this.inFlight;
    if (r === null) return false;
    for (let i = 0; i < r.length; i += 2) if (r[i] === typ && r[i + 1] === desc) return true;
    return false;
  }

  begin(typ: number, desc: number, offset: number): void {
    if (this.has(typ, desc)) {
      throw new TraceError('BAD_ORDER', offset, `discovered event already in-flight for when starting event ${specName(typ)}`);
    }
    (this.inFlight ??= []).push(typ, desc);
  }

  /** An "Active" event: creates the range in the first generation, confirms it later. */
  active(typ: number, desc: number, initialGen: boolean, offset: number): void {
    if (initialGen) {
      if (this.has(typ, desc)) throw new TraceError('BAD_ORDER', offset, `found named active range already in first gen: ${specName(typ)}`);
      (this.inFlight ??= []).push(typ, desc);
    } else if (!this.has(typ, desc)) {
      throw new TraceError('BAD_ORDER', offset, `resource is missing active range: ${specName(typ)}`);
    }
  }

  /** Ends the range an end event closes; returns its desc (the STW kind string). */
  end(endType: number, offset: number): number {
    const st = START_EV[endType];
    const r = this.inFlight ?? [];
    let idx = -1;
    for (let i = 0; i < r.length; i += 2) {
      if (r[i] === st) {
        idx = i;
        break;
      }
    }
    if (idx < 0) throw new TraceError('BAD_ORDER', offset, `tried to end event ${specName(st)}, but not in-flight`);
    const desc = r[idx + 1];
    // Swap-remove, like the reference reader (order of the rest does not matter).
    const last = r.length - 2;
    r[idx] = r[last];
    r[idx + 1] = r[last + 1];
    r.length = last;
    return desc;
  }
}

export class PState {
  /** In a GC incremental sweep: the one proc-scoped range. */
  sweeping = false;
  constructor(
    readonly id: number,
    public status: number,
    public seqGen: number,
    public seqN: number,
  ) {}
}

/** Proc states by id: an array for the small dense ids Go uses, a Map beyond. */
export class ProcTable {
  private readonly dense: (PState | undefined)[] = [];
  private readonly sparse = new Map<number, PState>();

  get(id: number): PState | undefined {
    return id >= 0 && id < 4096 ? this.dense[id] : this.sparse.get(id);
  }

  set(id: number, p: PState): void {
    if (id >= 0 && id < 4096) {
      while (this.dense.length <= id) this.dense.push(undefined);
      this.dense[id] = p;
    } else this.sparse.set(id, p);
  }
}

export class MState {
  g = -1;
  p = -1;
}

/** Active user task: its type (trace-wide string id) and parent. */
export interface TaskState {
  name: number;
  parent: number;
}

export const GC_UNDETERMINED = 0;
export const GC_NOT_RUNNING = 1;
export const GC_RUNNING = 2;
