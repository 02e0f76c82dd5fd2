import { TraceError } from '../trace-error.ts';
import { uvarintAt, varintEnd, varintStatus, VARINT_OK } from '../varint.ts';
import type { RawBatch } from './batch.ts';
import { RawEvent } from './raw-event.ts';
import { ARG_COUNT, IS_TIMED, NUM_SPECS } from './wire-events.ts';

/** Most events a 64 KiB batch can hold (each takes at least a type byte and a delta byte). */
const MAX_BATCH_EVENTS = 32768;

/**
 * Walks one thread's batches of a generation. Each batch is decoded in one
 * tight loop into the cursor's columns (a per-event decode call costs twice as
 * much), then `next()` hands the events out one at a time through `ev`.
 * Times are reconstructed exactly as the reference reader does: each batch
 * restarts from trunc(batch.time × freq) and every delta is converted and
 * truncated on its own. A decoding error is raised only when the cursor
 * reaches the broken event, as the reference reader's lazy decoding would.
 */
export class BatchCursor {
  readonly ev = new RawEvent();
  /** Time of `ev`, kept here too so heap comparisons read one field. */
  time = 0;
  private idx = -1;
  private k = 0;
  private n = 0;
  private error: TraceError | null = null;
  private readonly types = new Uint8Array(MAX_BATCH_EVENTS);
  private readonly times = new Float64Array(MAX_BATCH_EVENTS);
  private readonly args = new Float64Array(MAX_BATCH_EVENTS * 4);
  private readonly offsets = new Int32Array(MAX_BATCH_EVENTS);
  private dataOffset = 0;

  m = -1;
  /** Per-thread scheduler state, attached by the ordering on first use. */
  mState: unknown = null;
  private batches: RawBatch[] = [];
  private freq = 0;
  /** Absolute ns of the reader's time base: relative = absolute - base. */
  private base = 0;

  /** Points the cursor at thread `m`'s batches (cursors are reused across generations: their columns are 1.5 MB). */
  reset(m: number, batches: RawBatch[], freq: number, base: number): this {
    this.m = m;
    this.mState = null;
    this.batches = batches;
    this.freq = freq;
    this.base = base;
    this.idx = -1;
    this.k = this.n = 0;
    this.error = null;
    return this;
  }

  /** Moves to the next event, into `ev`. Returns false when the thread has no more. */
  next(): boolean {
    while (this.k === this.n) {
      if (this.error !== null) throw this.error;
      if (++this.idx >= this.batches.length) return false;
      this.decode(this.batches[this.idx]);
    }
    const k = this.k++;
    const ev = this.ev;
    const a = 4 * k;
    ev.type = this.types[k];
    ev.time = this.time = this.times[k];
    ev.a0 = this.args[a];
    ev.a1 = this.args[a + 1];
    ev.a2 = this.args[a + 2];
    ev.a3 = this.args[a + 3];
    ev.offset = this.dataOffset + this.offsets[k];
    ev.extra0 = 0;
    ev.extra1 = 0;
    return true;
  }

  private decode(b: RawBatch): void {
    const data = b.data;
    const end = data.length;
    const freq = this.freq;
    const base = this.base;
    const types = this.types;
    const times = this.times;
    const args = this.args;
    const offsets = this.offsets;
    this.dataOffset = b.dataOffset;
    this.k = 0;
    let n = 0;
    let pos = 0;
    // Each batch starts from its own header time. (The reference reader resets
    // an absolute last time of 0 to the header time before every event; with
    // deltas ≥ 0 that only re-assigns the same value, so it is done once here.)
    let last = Math.trunc(b.time * freq) - base;
    let at = 0;
    try {
      while (pos < end) {
        at = pos;
        const type = data[pos++];
        if (IS_TIMED[type] === 0) {
          if (type >= NUM_SPECS) throw new TraceError('BAD_EVENT', b.dataOffset + at, `found invalid event type: ${type}`);
          throw new TraceError('BAD_EVENT', b.dataOffset + at, `found event without a timestamp: type=${type}`);
        }
        // Deltas and most arguments fit in one or two bytes: decode those inline.
        let c = pos < end ? data[pos] : 0x80;
        let dt: number;
        if (c < 0x80) {
          dt = c;
          pos++;
        } else if (pos + 1 < end && data[pos + 1] < 0x80) {
          dt = (c & 0x7f) | (data[pos + 1] << 7);
          pos += 2;
        } else {
          dt = uvarintAt(data, pos, end);
          if (varintStatus !== VARINT_OK) throw new TraceError('BAD_EVENT', b.dataOffset + at, 'found invalid uvarint for timestamp');
          pos = varintEnd;
        }
        const nargs = ARG_COUNT[type];
        const ab = 4 * n;
        // Zero all four slots, then loop only over the real arguments: 24 % less
        // decode time than one loop of four with a branch on nargs (268 vs 351 ms
        // over the 68 MB bench trace's batches).
        args[ab] = 0;
        args[ab + 1] = 0;
        args[ab + 2] = 0;
        args[ab + 3] = 0;
        for (let i = 0; i < nargs; i++) {
          let v: number;
          c = pos < end ? data[pos] : 0x80;
          if (c < 0x80) {
            v = c;
            pos++;
          } else if (pos + 1 < end && data[pos + 1] < 0x80) {
            v = (c & 0x7f) | (data[pos + 1] << 7);
            pos += 2;
          } else if (pos + 2 < end && data[pos + 2] < 0x80) {
            // Three bytes: goroutine ids past 16 383 (the bench trace's reach 960 000).
            v = (c & 0x7f) | ((data[pos + 1] & 0x7f) << 7) | (data[pos + 2] << 14);
            pos += 3;
          } else {
            v = uvarintAt(data, pos, end);
            if (varintStatus !== VARINT_OK) {
              throw new TraceError('BAD_EVENT', b.dataOffset + pos, `found invalid uvarint in argument ${i + 1} of event type ${type}`);
            }
            pos = varintEnd;
          }
          args[ab + i] = v;
        }
        last = Math.trunc(dt * freq) + last;
        types[n] = type;
        times[n] = last;
        offsets[n] = at;
        n++;
      }
    } catch (e) {
      if (!(e instanceof TraceError)) throw e;
      this.error = e;
    }
    this.n = n;
  }
}

// A binary min-heap of cursors keyed by the time of their current event. The
// sift rules match the reference reader's exactly: ties between threads are
// broken by heap position, which decides the order of same-time events.

export function heapInsert(heap: BatchCursor[], bc: BatchCursor): void {
  heap.push(bc);
  siftUp(heap, heap.length - 1);
}

export function heapUpdate(heap: BatchCursor[], i: number): void {
  if (siftUp(heap, i) !== i) return;
  siftDown(heap, i);
}

/**
 * The root's time grew (its thread advanced): it moves down only when a child
 * is now strictly earlier. Most events are followed by one of the same thread,
 * so this usually costs two comparisons and no sift (the sift had been 5 % of
 * reading).
 */
export function heapRootAdvanced(heap: BatchCursor[]): void {
  const n = heap.length;
  const t = heap[0].time;
  if ((n > 1 && heap[1].time < t) || (n > 2 && heap[2].time < t)) siftDown(heap, 0);
}

export function heapRemove(heap: BatchCursor[], i: number): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const t = heap[parent];
    heap[parent] = heap[i];
    heap[i] = t;
    i = parent;
  }
  const last = heap.length - 1;
  const t = heap[0];
  heap[0] = heap[last];
  heap[last] = t;
  heap.pop();
  siftDown(heap, 0);
}

function siftUp(heap: BatchCursor[], i: number): number {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!(heap[parent].time > heap[i].time)) break;
    const t = heap[parent];
    heap[parent] = heap[i];
    heap[i] = t;
    i = parent;
  }
  return i;
}

/**
 * Moves heap[i] down to its place, carrying it through a hole: the reference
 * reader's rule (take the smaller child, the left one on a tie, and only when
 * it is strictly earlier than heap[i]). No Infinity sentinel for a missing
 * child: a phi of a loaded time and a constant made V8 box every time it read
 * (260 MB of garbage, one number per event, for the bench trace).
 */
function siftDown(heap: BatchCursor[], i: number): void {
  const n = heap.length;
  if (i >= n) return;
  const x = heap[i];
  const t = x.time;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    let c = l;
    if (l + 1 < n && heap[l + 1].time < heap[l].time) c = l + 1;
    if (!(heap[c].time < t)) break;
    heap[i] = heap[c];
    i = c;
  }
  heap[i] = x;
}
