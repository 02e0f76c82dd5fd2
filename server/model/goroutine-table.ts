import { F64Column, I32Column } from './columns.ts';
import { IdIndex } from './id-index.ts';

/**
 * One row per goroutine seen in the trace (dense index in order of first
 * appearance): its id, start function, creator, lifetime and label.
 */
export class GoroutineTable {
  constructor(
    readonly id: Float64Array,
    /** Start function (outermost frame of the first stack seen), string id; 0 if never seen. */
    readonly name: Int32Array,
    /** PC of that frame. */
    readonly pc: Float64Array,
    /** Goroutine index of the creator, or -1 (existed before the trace, or created outside a goroutine). */
    readonly creator: Int32Array,
    /** When the goroutine was created (or the Sync before it was first seen). */
    readonly createdNs: Float64Array,
    /** First time it ran, or -1. */
    readonly startNs: Float64Array,
    /** When it ended (exit, or blocked forever), or -1 if alive at the end of the trace. */
    readonly endNs: Float64Array,
    /** Stack of the creating event (the `go` statement), 0 if unknown. */
    readonly createStack: Int32Array,
    /** Last label (GC worker mode), string id, 0 if none. */
    readonly label: Int32Array,
    private readonly index: IdIndex,
  ) {}

  get count(): number {
    return this.id.length;
  }

  /** Row of goroutine `id`, or -1. */
  indexOf(id: number): number {
    return this.index.get(id);
  }
}

export class GoroutineTableBuilder {
  readonly index = new IdIndex();
  readonly name = new I32Column();
  readonly pc = new F64Column();
  readonly creator = new I32Column();
  readonly createdNs = new F64Column();
  readonly startNs = new F64Column();
  readonly endNs = new F64Column();
  readonly createStack = new I32Column();
  readonly label = new I32Column();

  // Consecutive events mostly name the same one or two goroutines: remember them.
  private lastId = Number.NaN;
  private lastRow = -1;
  private prevId = Number.NaN;
  private prevRow = -1;

  /** Row of goroutine `id`, added (with defaults) if new. */
  row(id: number): number {
    if (id === this.lastId) return this.lastRow;
    if (id === this.prevId) {
      this.prevId = this.lastId;
      this.lastId = id;
      const r = this.prevRow;
      this.prevRow = this.lastRow;
      this.lastRow = r;
      return r;
    }
    const r = this.lookup(id);
    this.prevId = this.lastId;
    this.prevRow = this.lastRow;
    this.lastId = id;
    this.lastRow = r;
    return r;
  }

  private lookup(id: number): number {
    const before = this.index.size;
    const g = this.index.intern(id);
    if (g === before) {
      this.name.push(0);
      this.pc.push(0);
      this.creator.push(-1);
      this.createdNs.push(-1);
      this.startNs.push(-1);
      this.endNs.push(-1);
      this.createStack.push(0);
      this.label.push(0);
    }
    return g;
  }

  finish(): GoroutineTable {
    return new GoroutineTable(
      this.index.ids.slice(0, this.index.size),
      this.name.finish(),
      this.pc.finish(),
      this.creator.finish(),
      this.createdNs.finish(),
      this.startNs.finish(),
      this.endNs.finish(),
      this.createStack.finish(),
      this.label.finish(),
      this.index,
    );
  }
}
