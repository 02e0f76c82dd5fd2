import type { ByteSource } from '../byte-source.ts';

/** A new arena buffer's size: about a third of the 68 MB bench trace's 3.2 MB generations. */
const MIN_BYTES = 1 << 20;

/**
 * The bytes of the batches read in one generation read, packed into reused
 * buffers. A copy per batch (an ArrayBuffer of up to 64 KiB each, 1 100 for
 * the 68 MB bench trace) left dead buffers waiting for a major collection:
 * `count` peaked with 25-40 MB of them, a third of its RSS.
 *
 * A batch's bytes stay valid until the arena is reset. The reader resets one
 * of two arenas for each generation it reads (v2-reader.ts): a generation is
 * read only when the one before it has been consumed, so the batches of the
 * generation being consumed (and the first batch of the next one, which the
 * go ≤1.25 reader reads ahead) live in the arena of this read and of the one
 * before it, never in the one being reset.
 */
export class BatchArena {
  private buf = new Uint8Array(0);
  private used = 0;

  /** Starts over: every batch read from this arena before is dead. */
  reset(): this {
    this.used = 0;
    return this;
  }

  /**
   * Reads the next `n` bytes of src; fewer when the file ends first. When the buffer is full a
   * bigger one takes over for the rest of the read (the batches already read keep the old one).
   */
  read(src: ByteSource, n: number): Uint8Array {
    if (this.used + n > this.buf.length) {
      this.buf = new Uint8Array(Math.max(MIN_BYTES, 2 * this.buf.length, n));
      this.used = 0;
    }
    const at = this.used;
    const got = src.readInto(this.buf, at, n);
    this.used = at + got;
    return this.buf.subarray(at, at + got);
  }
}
