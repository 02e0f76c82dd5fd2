import { RangeSet } from './ordering-state.ts';

/** Ranges and regions of one goroutine: rare (mark assists, STW, user regions), so kept aside. */
export class GoExtra extends RangeSet {
  /** Active user regions, innermost last: [taskId, name string id, …]. */
  regions: number[] = [];
}

const EMPTY = -0.5; // never a goroutine id (ids are integers)

/**
 * Goroutine status and sequence numbers, keyed by goroutine id, in typed arrays
 * with open addressing. A GC-heavy trace creates and destroys a million
 * goroutines; an object and a Map entry for each cost more than the rest of the
 * reader together.
 */
export class GoTable {
  private keys = new Float64Array(1024).fill(EMPTY);
  status = new Uint8Array(1024);
  seqGen = new Float64Array(1024);
  seqN = new Float64Array(1024);
  /** 1 while the goroutine is in a GC mark assist: the one range most goroutines ever have. */
  assist = new Uint8Array(1024);
  private mask = 1023;
  private count = 0;
  private readonly extras = new Map<number, GoExtra>();

  get size(): number {
    return this.count;
  }

  /** Slot of goroutine `id`, or -1. */
  find(id: number): number {
    const keys = this.keys;
    let i = hash(id) & this.mask;
    for (;;) {
      const k = keys[i];
      if (k === id) return i;
      if (k === EMPTY) return -1;
      i = (i + 1) & this.mask;
    }
  }

  /** Adds goroutine `id` (which must not exist) and returns its slot. */
  insert(id: number, status: number, seqGen: number, seqN: number): number {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    let i = hash(id) & this.mask;
    while (this.keys[i] !== EMPTY) i = (i + 1) & this.mask;
    this.keys[i] = id;
    this.status[i] = status;
    this.seqGen[i] = seqGen;
    this.seqN[i] = seqN;
    this.assist[i] = 0;
    this.count++;
    return i;
  }

  /** Forgets goroutine `id` (backward-shift deletion keeps probe chains intact). */
  remove(id: number): void {
    let i = this.find(id);
    if (i < 0) return;
    this.extras.delete(id);
    this.count--;
    const keys = this.keys;
    const mask = this.mask;
    let j = i;
    for (;;) {
      keys[i] = EMPTY;
      for (;;) {
        j = (j + 1) & mask;
        const k = keys[j];
        if (k === EMPTY) return;
        const home = hash(k) & mask;
        // Move k into the hole at i unless its home lies cyclically in (i, j].
        if (i <= j ? home <= i || home > j : home <= i && home > j) break;
      }
      keys[i] = keys[j];
      this.status[i] = this.status[j];
      this.seqGen[i] = this.seqGen[j];
      this.seqN[i] = this.seqN[j];
      this.assist[i] = this.assist[j];
      i = j;
    }
  }

  /** The goroutine's ranges and regions, created on first use. */
  extra(id: number): GoExtra {
    let e = this.extras.get(id);
    if (e === undefined) this.extras.set(id, (e = new GoExtra()));
    return e;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldStatus = this.status;
    const oldGen = this.seqGen;
    const oldN = this.seqN;
    const oldAssist = this.assist;
    const n = oldKeys.length * 2;
    this.keys = new Float64Array(n).fill(EMPTY);
    this.status = new Uint8Array(n);
    this.seqGen = new Float64Array(n);
    this.seqN = new Float64Array(n);
    this.assist = new Uint8Array(n);
    this.mask = n - 1;
    this.count = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] !== EMPTY) this.assist[this.insert(oldKeys[i], oldStatus[i], oldGen[i], oldN[i])] = oldAssist[i];
    }
  }
}

/**
 * Fibonacci hashing. Not the identity: live goroutine ids form long runs of
 * consecutive integers, and with linear probing plus backward-shift deletion a
 * removal would then scan the whole run (60 000 slots in a GC-heavy trace).
 */
function hash(id: number): number {
  const lo = id | 0;
  const hi = lo === id ? 0 : (id / 4294967296) | 0;
  const h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1);
  return h ^ (h >>> 15);
}
