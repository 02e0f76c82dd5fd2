const EMPTY = -1;

/**
 * The open execution slice of each goroutine that is running (or in a
 * syscall): its start, proc (-1 once a syscall lost it) and thread, by
 * goroutine row. Only goroutines on a thread have one, a handful at any time,
 * so they sit in a small open-addressing table instead of three columns over
 * every goroutine ever seen (16 bytes each: 15 MB for the bench trace's
 * 960 000 goroutines, while at most a few dozen slices are ever open at once).
 * The probing and backward-shift deletion are those of the parser's GoTable
 * (trace/v2/go-table.ts); that one stays apart, keyed by 64-bit goroutine ids
 * and looked up for nearly every event, where a shared generic table would
 * make its hot lookups polymorphic.
 */
export class OpenSlices {
  private rows = new Int32Array(64).fill(EMPTY);
  private start = new Float64Array(64);
  private proc = new Int32Array(64);
  private thread = new Int32Array(64);
  private mask = 63;
  private count = 0;

  /** Slot of goroutine row g's open slice, or -1. */
  find(g: number): number {
    const rows = this.rows;
    let i = hash(g) & this.mask;
    for (;;) {
      const r = rows[i];
      if (r === g) return i;
      if (r === EMPTY) return -1;
      i = (i + 1) & this.mask;
    }
  }

  /** Opens (or restarts) g's slice at `at.timeNs` on proc p and thread m (the time is read here: see the model builder on boxing). */
  open(g: number, at: { readonly timeNs: number }, p: number, m: number): void {
    let i = this.find(g);
    if (i < 0) {
      if ((this.count + 1) * 2 > this.rows.length) this.grow();
      i = hash(g) & this.mask;
      while (this.rows[i] !== EMPTY) i = (i + 1) & this.mask;
      this.rows[i] = g;
      this.count++;
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

  /** Closes the slice in `slot` (backward-shift deletion keeps probe chains intact). */
  close(slot: number): void {
    const rows = this.rows;
    const mask = this.mask;
    let i = slot;
    let j = slot;
    this.count--;
    for (;;) {
      rows[i] = EMPTY;
      for (;;) {
        j = (j + 1) & mask;
        const r = rows[j];
        if (r === EMPTY) return;
        const home = hash(r) & mask;
        // Move r into the hole at i unless its home lies cyclically in (i, j].
        if (i <= j ? home <= i || home > j : home <= i && home > j) break;
      }
      rows[i] = rows[j];
      this.start[i] = this.start[j];
      this.proc[i] = this.proc[j];
      this.thread[i] = this.thread[j];
      i = j;
    }
  }

  private grow(): void {
    const [rows, start, proc, thread] = [this.rows, this.start, this.proc, this.thread];
    const n = rows.length * 2;
    this.rows = new Int32Array(n).fill(EMPTY);
    this.start = new Float64Array(n);
    this.proc = new Int32Array(n);
    this.thread = new Int32Array(n);
    this.mask = n - 1;
    for (let k = 0; k < rows.length; k++) {
      if (rows[k] === EMPTY) continue;
      let i = hash(rows[k]) & this.mask;
      while (this.rows[i] !== EMPTY) i = (i + 1) & this.mask;
      this.rows[i] = rows[k];
      this.start[i] = start[k];
      this.proc[i] = proc[k];
      this.thread[i] = thread[k];
    }
  }
}

/** Fibonacci hashing: goroutine rows that run together are often consecutive. */
function hash(g: number): number {
  const h = Math.imul(g, 0x9e3779b1);
  return h ^ (h >>> 15);
}
