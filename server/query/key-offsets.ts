import { lowerBound } from '../model/columns.ts';

/**
 * Where each key's rows begin and end in a table grouped by key (a goroutine
 * index, mostly). Dense prefix sums cost 4 bytes per key whether it has rows
 * or not: for the 960 000 goroutines of the 68 MB bench trace, samples, logs
 * and regions held 11.4 MB of offsets for a few thousand goroutines with any.
 * When fewer than half of the keys have rows, only those keys are kept
 * (sorted) with their starts, and a lookup is a binary search.
 */
export class KeyOffsets {
  private constructor(
    /** Dense prefix sums (keys + 1 entries), or null when sparse. */
    private readonly dense: Int32Array | null,
    /** Sparse: the keys with rows, ascending, and starts[i] … starts[i + 1] the rows of keys[i]. */
    private readonly keys: Int32Array,
    private readonly starts: Int32Array,
  ) {}

  /** From dense prefix sums (offsets[k] … offsets[k + 1] are key k's rows), kept as is or made sparse. */
  static from(offsets: Int32Array): KeyOffsets {
    const n = offsets.length - 1;
    let present = 0;
    for (let k = 0; k < n; k++) if (offsets[k + 1] > offsets[k]) present++;
    if (present * 2 >= n) return new KeyOffsets(offsets, new Int32Array(0), new Int32Array(0));
    const keys = new Int32Array(present);
    const starts = new Int32Array(present + 1);
    let i = 0;
    for (let k = 0; k < n; k++) {
      if (offsets[k + 1] === offsets[k]) continue;
      keys[i] = k;
      starts[i++] = offsets[k];
    }
    starts[present] = offsets[n];
    return new KeyOffsets(null, keys, starts);
  }

  /**
   * From the keys that have rows (ascending, each once) and where their rows
   * start (`starts[i]` … `starts[i + 1]` are the rows of `keys[i]`, `starts`
   * one longer), for `keyCount` keys in all: sparse as given, or made dense
   * when at least half of the keys have rows, as `from` would keep them.
   */
  static fromRuns(keys: Int32Array, starts: Int32Array, keyCount: number): KeyOffsets {
    if (keys.length * 2 < keyCount) return new KeyOffsets(null, keys, starts);
    const dense = new Int32Array(keyCount + 1);
    for (let i = 0, k = 0; k <= keyCount; k++) {
      while (i < keys.length && keys[i] < k) i++;
      dense[k] = i < keys.length ? starts[i] : starts[keys.length];
    }
    return new KeyOffsets(dense, new Int32Array(0), new Int32Array(0));
  }

  /** The keys that have rows, ascending. */
  keysWithRows(): Int32Array {
    if (this.dense === null) return this.keys;
    const out: number[] = [];
    for (let k = 0; k + 1 < this.dense.length; k++) if (this.dense[k + 1] > this.dense[k]) out.push(k);
    return Int32Array.from(out);
  }

  /** First row of key k (equal to end(k) when it has none). */
  begin(k: number): number {
    if (this.dense !== null) return this.dense[k];
    const i = this.slot(k);
    return i >= 0 ? this.starts[i] : 0;
  }

  /** One past the last row of key k. */
  end(k: number): number {
    if (this.dense !== null) return this.dense[k + 1];
    const i = this.slot(k);
    return i >= 0 ? this.starts[i + 1] : 0;
  }

  /** Sparse: the position of key k in `keys`, or -1 when it has no rows. */
  private slot(k: number): number {
    const i = lowerBound(this.keys, k);
    return i < this.keys.length && this.keys[i] === k ? i : -1;
  }

  /** Bytes held (for memory reports and tests). */
  get byteLength(): number {
    return (this.dense?.byteLength ?? 0) + this.keys.byteLength + this.starts.byteLength;
  }
}
