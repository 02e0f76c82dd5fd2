import type { StackTable } from '../stack-table.ts';
import type { StringTable } from '../string-table.ts';
import { IdMap } from '../id-map.ts';
import { TraceError } from '../trace-error.ts';
import type { RawBatch } from './batch.ts';

/** A CPU profile sample of one generation (go 1.22+ carry them in their own batches). */
export interface CpuSample {
  /** Absolute nanoseconds (trace clock × frequency), before the reader's rebase. */
  timeAbs: number;
  m: number;
  p: number;
  g: number;
  /** Stack id in this generation's table. */
  stack: number;
  offset: number;
}

interface Frame {
  funcId: number; // generation string id
  fileId: number;
  line: number;
}

/**
 * Everything one generation of a go 1.22+ trace says, still unordered: event
 * batches grouped by thread, its string, stack and CPU-sample tables, its clock
 * frequency and clock snapshot. Generations are self-contained, so the reader
 * holds exactly one at a time.
 */
export class Generation {
  gen = 0;
  /** File offset just past the generation's last byte. */
  endOffset = 0;
  /** Threads in order of their first batch, and each one's batches in file order. */
  readonly batchMs: number[] = [];
  readonly batches = new Map<number, RawBatch[]>();
  readonly cpuSamples: CpuSample[] = [];
  /** Smallest batch header time (raw ticks); 0 means "not set", as in the reference reader. */
  minTs = 0;
  /** Nanoseconds per trace-clock tick; 0 until the Frequency event is seen. */
  freq = 0;
  hasClock = false;
  snapTime = 0;
  snapMono = 0n;
  snapSec = 0n;
  snapNsec = 0n;
  readonly expBatches = new Map<number, { thread: number; data: Uint8Array }[]>();

  /** Generation string id → trace-wide string id. Id 0 is always "". */
  readonly strings = new IdMap();
  /** Generation stack id → index into stackList (a typed lookup: every event checks its stack). */
  readonly stackIndex = new IdMap();
  /** Stacks in table order: PCs (leaf first) and the offset of their record. */
  readonly stackList: { id: number; pcs: number[]; offset: number }[] = [];
  /** PC → frame; the first frame listed for a PC wins, as in the reference reader. */
  readonly pcs = new Map<number, Frame>();
  /** Cache: generation stack id → trace-wide stack id. */
  private readonly resolved = new IdMap();
  private readonly frameOfPc = new Map<number, number>();

  constructor(
    readonly stringTable: StringTable,
    readonly stackTable: StackTable,
  ) {
    this.strings.set(0, 0);
  }

  hasString(id: number): boolean {
    return id === 0 || this.strings.has(id);
  }

  /** Trace-wide id of a generation string id (caller checked it exists). */
  stringId(id: number): number {
    return id === 0 ? 0 : this.strings.get(id);
  }

  emptyStack(): number {
    return this.stackTable.internStack(new Int32Array(0));
  }

  hasStack(id: number): boolean {
    return id === 0 || this.stackIndex.get(id) >= 0;
  }

  /** Trace-wide stack id for a generation stack id; 0 for "no stack". */
  stackId(id: number): number {
    if (id === 0) return 0;
    const cached = this.resolved.get(id);
    if (cached >= 0) return cached;
    const k = this.stackIndex.get(id);
    if (k < 0) return 0;
    const pcs = this.stackList[k].pcs;
    const frames = new Int32Array(pcs.length);
    for (let i = 0; i < pcs.length; i++) frames[i] = this.frameId(pcs[i]);
    const global = this.stackTable.internStack(frames);
    this.resolved.set(id, global);
    return global;
  }

  private frameId(pc: number): number {
    let id = this.frameOfPc.get(pc);
    if (id === undefined) {
      const f = this.pcs.get(pc)!;
      id = this.stackTable.internFrame(pc, this.stringId(f.funcId), this.stringId(f.fileId), f.line);
      this.frameOfPc.set(pc, id);
    }
    return id;
  }

  /** Checks that every stack's PCs and names resolve, as the reference reader does after reading. */
  validateStacks(): void {
    for (const { id, pcs, offset: at } of this.stackList) {
      for (const pc of pcs) {
        const f = this.pcs.get(pc);
        if (f === undefined) throw new TraceError('BAD_TABLE', at, `found unknown pc ${pc.toString(16)} for stack ${id}`);
        if (!this.hasString(f.funcId)) throw new TraceError('BAD_TABLE', at, `found invalid func string ID ${f.funcId} for stack ${id}`);
        if (!this.hasString(f.fileId)) throw new TraceError('BAD_TABLE', at, `found invalid file string ID ${f.fileId} for stack ${id}`);
      }
    }
  }

  /** Converts sample times to ns and sorts them by time (stable). */
  fixUpCpuSamples(): void {
    for (const s of this.cpuSamples) s.timeAbs = Math.trunc(s.timeAbs * this.freq);
    this.cpuSamples.sort((a, b) => a.timeAbs - b.timeAbs);
  }
}
