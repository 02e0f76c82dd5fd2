import type { LaneChunk } from '../../shared/chunk-codec.ts';

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

/** A 31-bit hash of a key (entries with equal hashes are told apart by comparing the key). */
export function keyHash(state: number, aux: number, aux2: number): number {
  return (Math.imul(aux | 0, 0x9e3779b1) ^ Math.imul(aux2 | 0, 0x85ebca6b) ^ Math.imul(state | 0, 0xc2b2ae35) ^ ((aux / 4294967296) | 0)) >>> 1;
}

export class SpanMerger {
  private start: number[] = [];
  private end: number[] = [];
  private state: number[] = [];
  private count: number[] = [];
  private aux: number[] = [];
  private aux2: number[] = [];
  // The open merged span, if any, and the time each (state, aux, aux2) covers in it
  // (a handful of entries: linear search beats a Map here, 800 k spans at full zoom-out).
  private openBucket = Number.NaN;
  private openStart = 0;
  private openEnd = 0;
  private openCount = 0;
  private kState: number[] = [];
  private kAux: number[] = [];
  private kAux2: number[] = [];
  private kWeight: number[] = [];
  /**
   * Once a pixel holds more than LINEAR_KEYS distinct keys: a 31-bit hash of
   * (state, aux, aux2) → its latest entry, and per entry the previous one with
   * the same hash. String keys cost a number-to-string conversion per span:
   * 4 proc and thread lanes of the bench trace at 2^17 ns/px (below their busy
   * pyramids) took 9.4 ms a chunk with them, 8.6 ms with these (medians of 3).
   */
  private kIndex: Map<number, number> | null = null;
  private kNext: number[] = [];

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
    const n = this.kState.length;
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
      const head = index.get(key) ?? -1;
      for (let i = head; i >= 0; i = this.kNext[i]) {
        if (this.kState[i] === state && this.kAux[i] === aux && this.kAux2[i] === aux2) {
          this.kWeight[i] += w;
          return;
        }
      }
      this.kNext.push(head);
      index.set(key, n);
    }
    this.kState.push(state);
    this.kAux.push(aux);
    this.kAux2.push(aux2);
    this.kWeight.push(w);
  }

  private flush(): void {
    if (Number.isNaN(this.openBucket)) return;
    let best = 0;
    for (let i = 1; i < this.kWeight.length; i++) if (this.kWeight[i] > this.kWeight[best]) best = i;
    this.push(this.openStart, this.openEnd, this.kState[best], this.openCount, this.kAux[best], this.kAux2[best]);
    this.openBucket = Number.NaN;
    this.kState.length = this.kAux.length = this.kAux2.length = this.kWeight.length = this.kNext.length = 0;
    this.kIndex = null;
  }

  private indexKeys(): Map<number, number> {
    const index = new Map<number, number>();
    this.kNext.length = 0;
    for (let i = 0; i < this.kState.length; i++) {
      const key = keyHash(this.kState[i], this.kAux[i], this.kAux2[i]);
      this.kNext.push(index.get(key) ?? -1);
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
    this.start.push(s);
    this.end.push(e);
    this.state.push(state);
    this.count.push(count);
    this.aux.push(aux);
    this.aux2.push(aux2);
  }

  /** The lane chunk; `auxName`/`aux2Name` name the extra columns (omitted when null). */
  finish(id: string, auxName: string | null, aux2Name: string | null, auxType: 'f64' | 'u16' = 'f64'): LaneChunk {
    this.flush();
    const arrays: LaneChunk['arrays'] = {
      startNs: Float64Array.from(this.start),
      endNs: Float64Array.from(this.end),
      state: Uint8Array.from(this.state),
      count: Uint32Array.from(this.count),
    };
    if (auxName) arrays[auxName] = auxType === 'u16' ? Uint16Array.from(this.aux) : Float64Array.from(this.aux);
    if (aux2Name) arrays[aux2Name] = Int32Array.from(this.aux2);
    return { id, kind: 'spans', count: this.start.length, arrays };
  }
}
