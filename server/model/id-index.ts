import { IntColumn } from './int-column.ts';
import { IntColumnWriter } from './int-column-writer.ts';

/**
 * Maps wire ids (goroutine, proc, thread ids: integers, possibly huge) to dense
 * indices 0, 1, 2 … in order of first appearance, with open addressing over
 * typed arrays: a GC-heavy trace has a million goroutines.
 */
export class IdIndex {
  /** Ids below 2^21 (all of them in most traces) map through a direct table: index + 1, 0 = absent. */
  private direct = new Int32Array(1024);
  private keys = new Float64Array(1024).fill(EMPTY);
  private values = new Int32Array(1024);
  private mask = 1023;
  size = 0;

  /** Index of `id`, or -1. */
  get(id: number): number {
    if (this.runStarts !== null) return this.getInRuns(this.runStarts, id);
    if (id >= 0 && id < DIRECT_LIMIT && (id | 0) === id) return id < this.direct.length ? this.direct[id] - 1 : -1;
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
    if (this.frozen) {
      const known = this.get(id);
      if (known >= 0) return known;
      throw new Error('IdIndex: no ids can be added after freeze()');
    }
    if (id >= 0 && id < DIRECT_LIMIT && (id | 0) === id) {
      if (id >= this.direct.length) {
        let n = this.direct.length;
        while (n <= id) n *= 2;
        const grown = new Int32Array(n);
        grown.set(this.direct);
        this.direct = grown;
      }
      const known = this.direct[id];
      if (known !== 0) return known - 1;
      const index = this.size++;
      this.direct[id] = index + 1;
      return index;
    }
    let i = hash(id) & this.mask;
    for (;;) {
      const k = this.keys[i];
      if (k === id) return this.values[i];
      if (k === EMPTY) break;
      i = (i + 1) & this.mask;
    }
    const index = this.size++;
    this.keys[i] = id;
    this.values[i] = index;
    this.hashed++;
    if (this.hashed * 2 > this.keys.length) this.rehash();
    return index;
  }

  private hashed = 0;

  /**
   * The id of every index, in index order, as a column: inverted from the
   * direct and hash tables, which hold every pair, straight into the column's
   * words. (No index → id column is kept while ids are added: 8 MB of the
   * build's peak for the bench trace's 960 010 goroutines; and no Float64Array
   * of them is made here, 7.7 MB more.)
   */
  idsByIndex(): IntColumn {
    const ids = new IntColumnWriter(this.size, 0);
    const direct = this.direct;
    for (let id = 0; id < direct.length; id++) if (direct[id] !== 0) ids.set(direct[id] - 1, id);
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== EMPTY) ids.set(this.values[i], this.keys[i]);
    return IntColumn.fromWriter(ids);
  }

  /**
   * No more ids will be added. The caller keeps the ids in its own compact
   * column, read through `idAt`. When the ids ascend with the index in at most 256 runs (ids
   * are handed out in creation order: the bench trace's 960 010 goroutines
   * form 102 runs), lookups binary-search each run instead of the 4 MB direct
   * table and the hash table, which are dropped too.
   */
  freeze(ids: IdColumn): void {
    this.frozen = true;
    const starts = [0];
    for (let i = 1; i < this.size && starts.length <= MAX_RUNS; i++) if (ids.at(i) < ids.at(i - 1)) starts.push(i);
    if (starts.length > MAX_RUNS || this.size === 0) return;
    starts.push(this.size);
    this.runStarts = Int32Array.from(starts);
    this.frozenIds = ids;
    this.direct = new Int32Array(0);
    this.keys = new Float64Array(0);
    this.values = new Int32Array(0);
  }

  /** After freeze: starts of the ascending runs of ids (and size at the end), or null while the tables are kept. */
  private runStarts: Int32Array | null = null;
  private frozenIds: IdColumn | null = null;

  private idAt(i: number): number {
    return this.frozenIds!.at(i);
  }

  /** get() through the runs: a binary search in each. */
  private getInRuns(runs: Int32Array, id: number): number {
    for (let r = 0; r + 1 < runs.length; r++) {
      let lo = runs[r];
      let hi = runs[r + 1];
      if (this.idAt(lo) > id || this.idAt(hi - 1) < id) continue;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.idAt(mid) < id) lo = mid + 1;
        else hi = mid;
      }
      if (this.idAt(lo) === id) return lo;
    }
    return -1;
  }

  private frozen = false;

  private rehash(): void {
    const keys = this.keys;
    const values = this.values;
    const n = keys.length * 2;
    this.keys = new Float64Array(n).fill(EMPTY);
    this.values = new Int32Array(n);
    this.mask = n - 1;
    for (let k = 0; k < keys.length; k++) {
      const id = keys[k];
      if (id === EMPTY) continue;
      let i = hash(id) & this.mask;
      while (this.keys[i] !== EMPTY) i = (i + 1) & this.mask;
      this.keys[i] = id;
      this.values[i] = values[k];
    }
  }
}

/** The caller's id column (an IntColumn), read after freeze. */
export interface IdColumn {
  at(index: number): number;
}

const EMPTY = -0.5; // never an id: ids are integers
/** freeze() keeps the tables when the ids form more ascending runs than this. */
const MAX_RUNS = 256;
/** 2^21 ids: an 8 MB table at most. */
const DIRECT_LIMIT = 1 << 21;

function hash(id: number): number {
  const lo = id | 0;
  const hi = lo === id ? 0 : (id / 4294967296) | 0;
  const h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1);
  return h ^ (h >>> 15);
}
