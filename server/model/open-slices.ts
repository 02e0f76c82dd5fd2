import { grow } from './columns.ts';
import { IntMap } from './int-map.ts';

/**
 * The open execution slice of each goroutine that is running (or in a
 * syscall): its start, proc (-1 once a syscall lost it) and thread, by
 * goroutine row. Only goroutines on a thread have one, a handful at any time,
 * so they sit in a small pool found through an IntMap instead of three
 * columns over every goroutine ever seen (16 bytes each: 15 MB for the bench
 * trace's 960 000 goroutines, while at most a few dozen slices are ever open
 * at once). A slot stays valid until its slice closes.
 */
export class OpenSlices {
  private readonly slotOf = new IntMap();
  private rows = new Int32Array(64);
  private start = new Float64Array(64);
  private proc = new Int32Array(64);
  private thread = new Int32Array(64);
  private readonly free: number[] = [];
  private used = 0;

  /** Slot of goroutine row g's open slice, or -1. */
  find(g: number): number {
    return this.slotOf.get(g);
  }

  /** Opens (or restarts) g's slice at `at.timeNs` on proc p and thread m (the time is read here: see the model builder on boxing). */
  open(g: number, at: { readonly timeNs: number }, p: number, m: number): void {
    let i = this.slotOf.get(g);
    if (i < 0) {
      i = this.free.length > 0 ? this.free.pop()! : this.used++;
      if (i === this.rows.length) this.grow();
      this.rows[i] = g;
      this.slotOf.set(g, i);
    }
    this.start[i] = at.timeNs;
    this.proc[i] = p;
    this.thread[i] = m;
  }

  startNs(slot: number): number {
    return this.start[slot];
  }

  /** Writes the slice in `slot` from its start to `at.timeNs` into `out` (no double crosses a call). */
  spanTo(slot: number, at: { readonly timeNs: number }, out: Float64Array): Float64Array {
    out[0] = this.start[slot];
    out[1] = at.timeNs;
    return out;
  }

  procOf(slot: number): number {
    return this.proc[slot];
  }

  threadOf(slot: number): number {
    return this.thread[slot];
  }

  /** The proc half of the slice ended (its syscall lost the proc); the thread's goes on. */
  dropProc(slot: number): void {
    this.proc[slot] = -1;
  }

  /** Closes the slice in `slot`. */
  close(slot: number): void {
    this.slotOf.delete(this.rows[slot]);
    this.free.push(slot);
  }

  private grow(): void {
    const need = this.rows.length + 1;
    this.rows = grow(this.rows, need);
    this.start = grow(this.start, need);
    this.proc = grow(this.proc, need);
    this.thread = grow(this.thread, need);
  }
}
