const EMPTY = -1;

/**
 * A map from non-negative int32 keys to int32 values, by open addressing with
 * linear probing over typed arrays. For the builders' "open" things keyed by
 * goroutine row (ranges open per goroutine, the slot of each open range):
 * a few thousand at once at most, while the goroutine rows run to a million,
 * so a column over every row (4 MB each for the bench trace's 960 000
 * goroutines) would hold mostly zeros. Deletion shifts the following entries
 * back, so no tombstones pile up over millions of inserts and deletes.
 *
 * The parser's GoTable (trace/v2/go-table.ts) probes and deletes the same
 * way and stays apart: it is keyed by 64-bit goroutine ids (Float64 keys) and
 * looked up for nearly every event, where one shared table would make those
 * lookups polymorphic; and trace/ imports nothing from model/.
 */
export class IntMap {
  private keys = new Int32Array(64).fill(EMPTY);
  private values = new Int32Array(64);
  private mask = 63;
  size = 0;

  /** Value of `key`, or -1 when absent. */
  get(key: number): number {
    const keys = this.keys;
    let i = hash(key) & this.mask;
    for (;;) {
      const k = keys[i];
      if (k === key) return this.values[i];
      if (k === EMPTY) return -1;
      i = (i + 1) & this.mask;
    }
  }

  set(key: number, value: number): void {
    const keys = this.keys;
    let i = hash(key) & this.mask;
    for (;;) {
      const k = keys[i];
      if (k === key) {
        this.values[i] = value;
        return;
      }
      if (k === EMPTY) break;
      i = (i + 1) & this.mask;
    }
    keys[i] = key;
    this.values[i] = value;
    // At most half full: probe chains stay short.
    if (++this.size * 2 > keys.length) this.grow();
  }

  /** Removes `key` if present. */
  delete(key: number): void {
    const keys = this.keys;
    const values = this.values;
    const mask = this.mask;
    let i = hash(key) & mask;
    for (;;) {
      const k = keys[i];
      if (k === key) break;
      if (k === EMPTY) return;
      i = (i + 1) & mask;
    }
    this.size--;
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
      values[i] = values[j];
      i = j;
    }
  }

  private grow(): void {
    const keys = this.keys;
    const values = this.values;
    const n = keys.length * 2;
    this.keys = new Int32Array(n).fill(EMPTY);
    this.values = new Int32Array(n);
    this.mask = n - 1;
    for (let k = 0; k < keys.length; k++) {
      if (keys[k] === EMPTY) continue;
      let i = hash(keys[k]) & this.mask;
      while (this.keys[i] !== EMPTY) i = (i + 1) & this.mask;
      this.keys[i] = keys[k];
      this.values[i] = values[k];
    }
  }
}

/** Fibonacci hashing: the keys that are open together are often consecutive rows. */
function hash(key: number): number {
  const h = Math.imul(key, 0x9e3779b1);
  return h ^ (h >>> 15);
}
