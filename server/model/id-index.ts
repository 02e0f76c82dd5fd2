/**
 * Maps wire ids (goroutine, proc, thread ids: integers, possibly huge) to dense
 * indices 0, 1, 2 … in order of first appearance, with open addressing over
 * typed arrays: a GC-heavy trace has a million goroutines.
 */
export class IdIndex {
  private keys = new Float64Array(1024).fill(EMPTY);
  private values = new Int32Array(1024);
  private mask = 1023;
  /** ids[i] is the id with index i. */
  ids = new Float64Array(1024);
  size = 0;

  /** Index of `id`, or -1. */
  get(id: number): number {
    let i = hash(id) & this.mask;
    for (;;) {
      const k = this.keys[i];
      if (k === id) return this.values[i];
      if (k === EMPTY) return -1;
      i = (i + 1) & this.mask;
    }
  }

  /** Index of `id`, adding it if new. */
  intern(id: number): number {
    let i = hash(id) & this.mask;
    for (;;) {
      const k = this.keys[i];
      if (k === id) return this.values[i];
      if (k === EMPTY) break;
      i = (i + 1) & this.mask;
    }
    const index = this.size++;
    if (index === this.ids.length) {
      const ids = new Float64Array(this.ids.length * 2);
      ids.set(this.ids);
      this.ids = ids;
    }
    this.ids[index] = id;
    this.keys[i] = id;
    this.values[i] = index;
    if (this.size * 2 > this.keys.length) this.rehash();
    return index;
  }

  private rehash(): void {
    const n = this.keys.length * 2;
    this.keys = new Float64Array(n).fill(EMPTY);
    this.values = new Int32Array(n);
    this.mask = n - 1;
    for (let index = 0; index < this.size; index++) {
      const id = this.ids[index];
      let i = hash(id) & this.mask;
      while (this.keys[i] !== EMPTY) i = (i + 1) & this.mask;
      this.keys[i] = id;
      this.values[i] = index;
    }
  }
}

const EMPTY = -0.5; // never an id: ids are integers

function hash(id: number): number {
  const lo = id | 0;
  const hi = lo === id ? 0 : (id / 4294967296) | 0;
  const h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1);
  return h ^ (h >>> 15);
}
