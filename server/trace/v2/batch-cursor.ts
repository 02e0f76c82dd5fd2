import { TraceError } from '../trace-error.ts';
import { uvarintAt, varintEnd, varintStatus, VARINT_OK } from '../varint.ts';
import type { RawBatch } from './batch.ts';
import { RawEvent } from './raw-event.ts';
import { ARG_COUNT, IS_TIMED, NUM_SPECS } from './wire-events.ts';

/**
 * Walks one thread's batches of a generation, decoding one event at a time
 * into `ev`. Times are reconstructed exactly as the reference reader does:
 * each batch restarts from trunc(batch.time × freq) and every delta is
 * converted and truncated on its own.
 */
export class BatchCursor {
  readonly ev = new RawEvent();
  /** Time of `ev`, kept here too so heap comparisons read one field. */
  time = 0;
  private idx = 0;
  private dataOff = 0;
  /** Last event time, relative to the reader's base; `unset` marks Go's "lastTs == 0". */
  private lastTs: number;

  constructor(
    readonly m: number,
    private readonly batches: RawBatch[],
    private readonly freq: number,
    /** Absolute ns of the reader's time base: relative = absolute - base. */
    private readonly base: number,
    /** Per-thread scheduler state, attached by the ordering on first use. */
    public mState: unknown = null,
  ) {
    this.lastTs = -base;
  }

  /** Decodes the next event into `ev`. Returns false when the thread has no more. */
  next(): boolean {
    const batches = this.batches;
    let b = batches[this.idx];
    if (b === undefined) return false;
    if (this.dataOff === b.data.length) {
      // Batches end: move on (empty batches are legal and skipped).
      do {
        this.idx++;
        this.dataOff = 0;
        this.lastTs = -this.base;
        b = batches[this.idx];
        if (b === undefined) return false;
      } while (b.data.length === 0);
    }
    // The reference reader treats an absolute last time of 0 as "start of batch".
    if (this.lastTs === -this.base) this.lastTs = Math.trunc(b.time * this.freq) - this.base;
    const data = b.data;
    const end = data.length;
    let pos = this.dataOff;
    const at = b.dataOffset + pos;
    const type = data[pos++];
    if (IS_TIMED[type] === 0) {
      if (type >= NUM_SPECS) throw new TraceError('BAD_EVENT', at, `found invalid event type: ${type}`);
      throw new TraceError('BAD_EVENT', at, `found event without a timestamp: type=${type}`);
    }
    // Deltas and most arguments fit in one or two bytes: decode those inline.
    let dt: number;
    let c = pos < end ? data[pos] : 0x80;
    if (c < 0x80) {
      dt = c;
      pos++;
    } else {
      dt = uvarintAt(data, pos, end);
      if (varintStatus !== VARINT_OK) throw new TraceError('BAD_EVENT', at, 'found invalid uvarint for timestamp');
      pos = varintEnd;
    }
    const ev = this.ev;
    const nargs = ARG_COUNT[type];
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    for (let i = 0; i < nargs; i++) {
      let v: number;
      c = pos < end ? data[pos] : 0x80;
      if (c < 0x80) {
        v = c;
        pos++;
      } else if (pos + 1 < end && data[pos + 1] < 0x80) {
        v = (c & 0x7f) | (data[pos + 1] << 7);
        pos += 2;
      } else {
        v = uvarintAt(data, pos, end);
        if (varintStatus !== VARINT_OK) throw new TraceError('BAD_EVENT', b.dataOffset + pos, `found invalid uvarint in argument ${i + 1} of event type ${type}`);
        pos = varintEnd;
      }
      if (i === 0) a0 = v;
      else if (i === 1) a1 = v;
      else if (i === 2) a2 = v;
      else a3 = v;
    }
    ev.a0 = a0;
    ev.a1 = a1;
    ev.a2 = a2;
    ev.a3 = a3;
    ev.type = type;
    ev.offset = at;
    const time = Math.trunc(dt * this.freq) + this.lastTs;
    ev.time = time;
    this.time = time;
    ev.extra0 = 0;
    ev.extra1 = 0;
    this.lastTs = time;
    this.dataOff = pos;
    return true;
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

function siftDown(heap: BatchCursor[], i: number): void {
  for (;;) {
    const m = min3(heap, i, 2 * i + 1, 2 * i + 2);
    if (m === i) return;
    const t = heap[i];
    heap[i] = heap[m];
    heap[m] = t;
    i = m;
  }
}

function min3(heap: BatchCursor[], i0: number, i1: number, i2: number): number {
  let minIdx = i0;
  let minT = i0 < heap.length ? heap[i0].time : Infinity;
  if (i1 < heap.length && heap[i1].time < minT) {
    minT = heap[i1].time;
    minIdx = i1;
  }
  if (i2 < heap.length && heap[i2].time < minT) minIdx = i2;
  return minIdx;
}
