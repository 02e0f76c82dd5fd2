import type { ByteSource } from '../byte-source.ts';
import { EventKind } from '../event-kinds.ts';
import type { StackTable } from '../stack-table.ts';
import type { StringTable } from '../string-table.ts';
import { TraceError } from '../trace-error.ts';
import { TraceEvent } from '../trace-event.ts';
import { BatchArena } from './batch-arena.ts';
import type { RawBatch } from './batch.ts';
import { BatchCursor, heapInsert, heapRemove, heapRootAdvanced, heapUpdate } from './batch-cursor.ts';
import { RangeNames } from './finalize-event.ts';
import type { Generation } from './generation.ts';
import { Ordering } from './ordering.ts';
import { advance } from './ordering-advance.ts';
import { readGenerationWithMarker, readGenerationWithSpill } from './read-generation.ts';
import { EXPERIMENT_NAMES } from './wire-events.ts';

/**
 * Reads a go 1.22+ trace one generation at a time and yields its events in the
 * reference reader's order, with the reference reader's times:
 *  - a Sync event opens every generation and one more closes the trace;
 *  - per generation, the thread whose next event is earliest advances first; if
 *    the ordering says it cannot yet, the others are tried in time order;
 *  - CPU samples are interleaved by time;
 *  - times are forced strictly increasing (+1 ns on ties).
 *
 * Times are relative to `base`, the absolute time of the first event, so they
 * stay exact doubles however long the machine has been up.
 */
export class V2Reader {
  private readonly order: Ordering;
  private readonly names: RangeNames;
  private gen: Generation | null = null;
  private frontier: BatchCursor[] = [];
  /** Cursors by thread slot, reused from generation to generation. */
  private readonly cursors: BatchCursor[] = [];
  private samples: Generation['cpuSamples'] = [];
  private sampleIdx = 0;
  private spill: RawBatch | null = null;
  /** Batch bytes of the last two generation reads (see BatchArena). */
  private readonly arenas = [new BatchArena(), new BatchArena()];
  private reads = 0;
  private pendingError: TraceError | null = null;
  private pendingErrorSynced = false;
  private syncs = 0;
  private done = false;
  private base = 0;
  private baseSet = false;
  /** Time of the last returned event, relative to base. */
  private lastTs = 0;
  private readonly out = new TraceEvent();

  constructor(
    private readonly src: ByteSource,
    readonly minor: number,
    readonly strings: StringTable,
    readonly stacks: StackTable,
  ) {
    this.lastGenEnd = this.validBytes = src.offset;
    this.names = new RangeNames(strings);
    this.order = new Ordering(minor, this.names);
  }

  /** Bytes of the file consumed so far (for progress). */
  get bytesRead(): number {
    return this.src.offset;
  }

  /**
   * File bytes fully accounted for by the events returned up to the last Sync:
   * the end of the last generation that was completely delivered.
   */
  validBytes = 0;
  private lastGenEnd: number;

  /** Number of generations read so far. */
  get generations(): number {
    return Math.max(0, this.syncs - 1);
  }

  /** The next event, or null at the end. Throws TraceError when the trace is broken. */
  next(): TraceEvent | null {
    if (this.done) return null;
    try {
      return this.step();
    } catch (e) {
      this.done = true;
      throw e;
    }
  }

  private step(): TraceEvent | null {
    const queued = this.order.queue.pop();
    if (queued !== null) return this.clamp(queued);
    if (this.frontier.length === 0 && this.sampleIdx === this.samples.length) return this.nextGeneration();
    const gen = this.gen!;
    // A CPU sample comes first when it is strictly earlier than every thread's next event.
    if (this.sampleIdx < this.samples.length) {
      const s = this.samples[this.sampleIdx];
      if (this.frontier.length === 0 || s.timeAbs - this.base < this.frontier[0].ev.time) {
        this.sampleIdx++;
        return this.sampleEvent(s, gen);
      }
    }
    if (!this.tryAdvance(0)) {
      // Rare: the earliest thread must wait. Try the others in time order.
      this.frontier.sort((a, b) => a.ev.time - b.ev.time);
      let advanced = false;
      for (let i = 1; i < this.frontier.length; i++) {
        if (this.tryAdvance(i)) {
          advanced = true;
          break;
        }
      }
      if (!advanced) {
        const at = this.frontier[0]?.ev.offset ?? this.src.offset;
        throw new TraceError('BAD_ORDER', at, `broken trace: failed to advance: no thread's next event is consistent with the scheduler state (generation ${gen.gen}, ${this.frontier.length} threads pending)`);
      }
    }
    return this.clamp(this.order.queue.pop()!);
  }

  private tryAdvance(i: number): boolean {
    const bc = this.frontier[i];
    if (!advance(this.order, bc.ev, bc.m, bc)) return false;
    if (!bc.next()) heapRemove(this.frontier, i);
    else if (i === 0) heapRootAdvanced(this.frontier);
    else heapUpdate(this.frontier, i);
    return true;
  }

  private clamp(ev: TraceEvent): TraceEvent {
    if (ev.timeNs <= this.lastTs) ev.timeNs = this.lastTs + 1;
    this.lastTs = ev.timeNs;
    return ev;
  }

  private sampleEvent(s: Generation['cpuSamples'][number], gen: Generation): TraceEvent {
    const out = this.out;
    out.resetDetails();
    out.kind = EventKind.StackSample;
    out.type = 7;
    out.timeNs = s.timeAbs - this.base;
    out.g = s.g;
    out.p = s.p;
    out.m = s.m;
    out.offset = s.offset;
    // Go does not validate sample stacks; an unknown one reads as no stack here.
    out.stack = gen.hasStack(s.stack) ? gen.stackId(s.stack) : 0;
    this.clamp(out);
    return out;
  }

  private nextGeneration(): TraceEvent | null {
    let gen: Generation | null;
    if (this.minor < 26) {
      if (this.pendingError) {
        if (this.pendingErrorSynced) throw this.pendingError;
        this.pendingErrorSynced = true;
        return this.sync(null);
      }
      if (this.gen !== null && this.spill === null) {
        this.done = true;
        return this.sync(null);
      }
      try {
        const r = readGenerationWithSpill(this.src, this.spill, this.minor, this.strings, this.stacks, this.nextArena());
        gen = r.gen;
        this.spill = r.spill;
        this.pendingError = r.spillError;
      } catch (e) {
        if (!(e instanceof TraceError)) throw e;
        this.gen = null;
        this.pendingError = e;
        this.pendingErrorSynced = true;
        return this.sync(null);
      }
    } else {
      if (this.pendingError) throw this.pendingError;
      try {
        gen = readGenerationWithMarker(this.src, this.strings, this.stacks, this.nextArena());
      } catch (e) {
        if (!(e instanceof TraceError)) throw e;
        this.pendingError = e;
        this.gen = null;
        return this.sync(null);
      }
      if (gen === null) {
        this.gen = null;
        this.done = true;
        return this.sync(null);
      }
    }
    return this.install(gen!);
  }

  /** The arena for the next generation read, reset (the other one holds the generation just consumed's read-ahead). */
  private nextArena(): BatchArena {
    return this.arenas[this.reads++ & 1].reset();
  }

  private install(gen: Generation): TraceEvent {
    this.gen = gen;
    this.validBytes = this.lastGenEnd;
    this.lastGenEnd = gen.endOffset;
    const syncAbs = Math.trunc(gen.minTs * gen.freq);
    if (!this.baseSet) {
      // The first event is this Sync; it is clamped above the reader's initial 0.
      this.base = syncAbs > 0 ? syncAbs : 1;
      this.baseSet = true;
      this.lastTs = -this.base;
    }
    this.order.startGeneration(gen.gen, gen);
    this.samples = gen.cpuSamples;
    this.sampleIdx = 0;
    this.frontier = [];
    gen.batchMs.forEach((m, i) => {
      const bc = (this.cursors[i] ??= new BatchCursor()).reset(m, gen.batches.get(m)!, gen.freq, this.base);
      if (bc.next()) heapInsert(this.frontier, bc);
    });
    const ev = this.sync(gen, syncAbs - this.base);
    return ev;
  }

  /** A Sync event: at the start of a generation (with its tables) or at the end / before an error. */
  private sync(gen: Generation | null, timeRel?: number): TraceEvent {
    if (!this.baseSet) {
      // No generation ever installed: the Sync sits at the reader's initial time 0, clamped to 1.
      this.base = 1;
      this.baseSet = true;
      this.lastTs = -1;
    }
    this.syncs++;
    if (gen === null) this.validBytes = this.lastGenEnd;
    const out = this.out;
    out.resetDetails();
    out.kind = EventKind.Sync;
    out.type = 255;
    out.timeNs = timeRel ?? this.lastTs;
    out.g = out.p = out.m = -1;
    out.offset = this.src.offset;
    out.a0 = out.a1 = out.a2 = out.a3 = 0;
    out.syncN = this.syncs;
    if (gen !== null) {
      if (gen.hasClock) {
        out.hasClock = true;
        out.clockTraceNs = Math.trunc(gen.snapTime * gen.freq) - this.base;
        out.clockMono = gen.snapMono;
        out.clockWallNs = BigInt.asIntN(64, BigInt.asIntN(64, gen.snapSec) * 1_000_000_000n + BigInt.asIntN(64, gen.snapNsec));
      }
      if (gen.expBatches.size > 0) {
        const byName = new Map<string, { thread: number; data: Uint8Array }[]>();
        for (const [exp, list] of gen.expBatches) byName.set(EXPERIMENT_NAMES[exp] ?? `Experiment(${exp})`, list);
        out.experimentalBatches = byName;
      }
    }
    this.clamp(out);
    return out;
  }
}
