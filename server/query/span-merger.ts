import type { LaneChunk } from '../../shared/chunk-codec.ts';
import { grow } from '../model/columns.ts';

/**
 * Collects a lane's spans for one chunk, merging spans narrower than a pixel.
 * Narrow spans are merged per absolute pixel bucket (floor(startNs / nsPerPx)),
 * never across buckets, so panning never changes how a region merges (the
 * server quantizes nsPerPx to a power of two, so buckets repeat exactly). A
 * merged span keeps the count of spans it stands for and the state (and
 * goroutine) that covered most of its time.
 */
/**
 * Distinct (state, aux, aux2) keys in one pixel searched linearly; past this a
 * map. A pixel usually holds a handful, but a proc lane zoomed out past its
 * busy pyramid holds every goroutine it ran: the 68 MB bench trace's 960 000
 * in one pixel made a linear search quadratic (a request for the whole trace
 * at 2^36 ns per pixel ran for minutes).
 */
const LINEAR_KEYS = 32;

/** Room for the spans of a small chunk before the columns grow. */
const INITIAL_SPANS = 256;
/** Room for the distinct keys of a pixel before they grow (past LINEAR_KEYS they are hashed). */
const KEYS_INITIAL = 64;

/** A 31-bit hash of a key (entries with equal hashes are told apart by comparing the key). */
export function keyHash(state: number, aux: number, aux2: number): number {
  return (Math.imul(aux | 0, 0x9e3779b1) ^ Math.imul(aux2 | 0, 0x85ebca6b) ^ Math.imul(state | 0, 0xc2b2ae35) ^ ((aux / 4294967296) | 0)) >>> 1;
}

export class SpanMerger {
  // The chunk's columns, typed and grown by doubling: arrays of numbers grown span by span were
  // most of a proc lane chunk's garbage (0.4 MB per 2000-px chunk of the bench trace's two procs),
  // and young-generation collections were about a fifth of a chunk's time.
  private start = new Float64Array(INITIAL_SPANS);
  private end = new Float64Array(INITIAL_SPANS);
  private state = new Uint8Array(INITIAL_SPANS);
  private count = new Uint32Array(INITIAL_SPANS);
  private aux = new Float64Array(INITIAL_SPANS);
  private aux2 = new Int32Array(INITIAL_SPANS);
  private n = 0;
  // The open merged span, if any, and the time each (state, aux, aux2) covers in it
  // (a handful of entries: linear search beats a Map here, 800 k spans at full zoom-out).
  private openBucket = Number.NaN;
  private openStart = 0;
  private openEnd = 0;
  private openCount = 0;
  // Typed with a count: emptying arrays of numbers per pixel (length = 0) dropped their storage, and
  // refilling them was garbage for every merged pixel.
  private kState = new Float64Array(KEYS_INITIAL);
  private kAux = new Float64Array(KEYS_INITIAL);
  private kAux2 = new Float64Array(KEYS_INITIAL);
  private kWeight = new Float64Array(KEYS_INITIAL);
  private kNext = new Int32Array(KEYS_INITIAL);
  private kn = 0;
  /**
   * Once a pixel holds more than LINEAR_KEYS distinct keys: a 31-bit hash of
   * (state, aux, aux2) → its latest entry, and per entry the previous one with
   * the same hash. String keys cost a number-to-string conversion per span:
   * 4 proc and thread lanes of the bench trace at 2^17 ns/px (below their busy
   * pyramids) took 9.4 ms a chunk with them, 8.6 ms with these (medians of 3).
   */
  private kIndex: Map<number, number> | null = null;

  constructor(private readonly nsPerPx: number) {}

  /** Adds a span; `aux` and `aux2` travel with it (goroutine id and group, or reason). */
  add(startNs: number, endNs: number, state: number, aux = 0, aux2 = 0): void {
    if (endNs - startNs >= this.nsPerPx) {
      this.flush();
      this.push(startNs, endNs, state, 1, aux, aux2);
      return;
    }
    const bucket = Math.floor(startNs / this.nsPerPx);
    if (bucket !== this.openBucket) {
      this.flush();
      this.openBucket = bucket;
      this.openStart = startNs;
      this.openEnd = endNs;
      this.openCount = 0;
    }
    if (endNs > this.openEnd) this.openEnd = endNs;
    this.openCount++;
    const w = endNs - startNs + 1e-9;
    const n = this.kn;
    let head = -1;
    if (n < LINEAR_KEYS) {
      for (let i = 0; i < n; i++) {
        if (this.kState[i] === state && this.kAux[i] === aux && this.kAux2[i] === aux2) {
          this.kWeight[i] += w;
          return;
        }
      }
    } else {
      const index = this.kIndex ?? this.indexKeys();
      const key = keyHash(state, aux, aux2);
      head = index.get(key) ?? -1;
      for (let i = head; i >= 0; i = this.kNext[i]) {
        if (this.kState[i] === state && this.kAux[i] === aux && this.kAux2[i] === aux2) {
          this.kWeight[i] += w;
          return;
        }
      }
      index.set(key, n);
    }
    if (n === this.kState.length) {
      this.kState = grow(this.kState, n + 1);
      this.kAux = grow(this.kAux, n + 1);
      this.kAux2 = grow(this.kAux2, n + 1);
      this.kWeight = grow(this.kWeight, n + 1);
      this.kNext = grow(this.kNext, n + 1);
    }
    this.kNext[n] = head;
    this.kState[n] = state;
    this.kAux[n] = aux;
    this.kAux2[n] = aux2;
    this.kWeight[n] = w;
    this.kn = n + 1;
  }

  private flush(): void {
    if (Number.isNaN(this.openBucket)) return;
    let best = 0;
    for (let i = 1; i < this.kn; i++) if (this.kWeight[i] > this.kWeight[best]) best = i;
    this.push(this.openStart, this.openEnd, this.kState[best], this.openCount, this.kAux[best], this.kAux2[best]);
    this.openBucket = Number.NaN;
    this.kn = 0;
    this.kIndex = null;
  }

  private indexKeys(): Map<number, number> {
    const index = new Map<number, number>();
    for (let i = 0; i < this.kn; i++) {
      const key = keyHash(this.kState[i], this.kAux[i], this.kAux2[i]);
      this.kNext[i] = index.get(key) ?? -1;
      index.set(key, i);
    }
    this.kIndex = index;
    return index;
  }

  /** Adds an already merged span (from a precomputed level): passed through as is. */
  addMerged(startNs: number, endNs: number, state: number, count: number, aux: number, aux2: number): void {
    this.flush();
    this.push(startNs, endNs, state, count, aux, aux2);
  }

  private push(s: number, e: number, state: number, count: number, aux: number, aux2: number): void {
    const i = this.n++;
    if (i === this.start.length) {
      this.start = grow(this.start, i + 1);
      this.end = grow(this.end, i + 1);
      this.state = grow(this.state, i + 1);
      this.count = grow(this.count, i + 1);
      this.aux = grow(this.aux, i + 1);
      this.aux2 = grow(this.aux2, i + 1);
    }
    this.start[i] = s;
    this.end[i] = e;
    this.state[i] = state;
    this.count[i] = count;
    this.aux[i] = aux;
    this.aux2[i] = aux2;
  }

  /** The lane chunk; `auxName`/`aux2Name` name the extra columns (omitted when null). */
  finish(id: string, auxName: string | null, aux2Name: string | null, auxType: 'f64' | 'u16' = 'f64'): LaneChunk {
    this.flush();
    const n = this.n;
    const arrays: LaneChunk['arrays'] = {
      startNs: this.start.slice(0, n),
      endNs: this.end.slice(0, n),
      state: this.state.slice(0, n),
      count: this.count.slice(0, n),
    };
    if (auxName) arrays[auxName] = auxType === 'u16' ? Uint16Array.from(this.aux.subarray(0, n)) : this.aux.slice(0, n);
    if (aux2Name) arrays[aux2Name] = this.aux2.slice(0, n);
    return { id, kind: 'spans', count: n, arrays };
  }
}
