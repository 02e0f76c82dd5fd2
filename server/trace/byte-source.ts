import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { TraceError } from './trace-error.ts';
import { uvarintAt, varintEnd, varintStatus, VARINT_OK, VARINT_SHORT } from './varint.ts';

/**
 * Sequential reader over a trace file (or an in-memory copy of one). Reads the
 * file in 4 MiB windows, so a 1 GB trace never has to sit in memory whole: the
 * v2 reader keeps only the current generation's batches (about 1 s of trace).
 */
export class ByteSource {
  private buf: Uint8Array;
  /** File offset of buf[0]. */
  private bufStart = 0;
  /** Index in buf of the next unread byte. */
  private pos = 0;
  /** Number of valid bytes in buf. */
  private end = 0;
  private eof = false;

  private constructor(
    private readonly fd: number,
    readonly size: number,
    initial: Uint8Array | null,
  ) {
    if (initial) {
      this.buf = initial;
      this.end = initial.length;
      this.eof = true;
    } else {
      this.buf = new Uint8Array(WINDOW_BYTES);
    }
  }

  static fromFile(path: string): ByteSource {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (e) {
      throw new TraceError('NOT_A_FILE', 0, `cannot open: ${(e as Error).message}`, path);
    }
    const st = fstatSync(fd);
    if (!st.isFile()) {
      closeSync(fd);
      throw new TraceError('NOT_A_FILE', 0, 'not a regular file', path);
    }
    return new ByteSource(fd, st.size, null);
  }

  static fromBytes(bytes: Uint8Array): ByteSource {
    return new ByteSource(-1, bytes.length, bytes);
  }

  /** File offset of the next unread byte. */
  get offset(): number {
    return this.bufStart + this.pos;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
  }

  /** Makes at least `n` bytes available at pos, unless the file ends first. Returns how many are. */
  ensure(n: number): number {
    const have = this.end - this.pos;
    if (have >= n || this.eof) return Math.min(have, n);
    // Slide the unread tail to the front, growing the window if one request needs more.
    const need = Math.max(WINDOW_BYTES, n);
    if (need > this.buf.length) {
      const bigger = new Uint8Array(need);
      bigger.set(this.buf.subarray(this.pos, this.end));
      this.buf = bigger;
    } else {
      this.buf.copyWithin(0, this.pos, this.end);
    }
    this.bufStart += this.pos;
    this.end = have;
    this.pos = 0;
    while (this.end < this.buf.length) {
      let got: number;
      try {
        got = readSync(this.fd, this.buf, this.end, this.buf.length - this.end, this.bufStart + this.end);
      } catch (e) {
        throw new TraceError('IO', this.bufStart + this.end, `read failed: ${(e as Error).message}`);
      }
      if (got === 0) {
        this.eof = true;
        break;
      }
      this.end += got;
      if (this.end - this.pos >= n) break;
    }
    return Math.min(this.end - this.pos, n);
  }

  /** Next byte, or -1 at end of file. */
  readByte(): number {
    if (this.pos >= this.end && this.ensure(1) === 0) return -1;
    return this.buf[this.pos++];
  }

  /**
   * Reads a varint. Returns null at a clean end of file (no byte at all);
   * throws TRUNCATED when the file ends inside it and BAD_VARINT on overflow.
   */
  readUvarint(what: string): number | null {
    this.ensure(10);
    if (this.pos >= this.end) return null;
    const v = uvarintAt(this.buf, this.pos, this.end);
    if (varintStatus !== VARINT_OK) {
      const off = this.offset;
      if (varintStatus === VARINT_SHORT) throw new TraceError('TRUNCATED', off, `file ends inside ${what}`);
      throw new TraceError('BAD_VARINT', off, `malformed varint in ${what}`);
    }
    this.pos = varintEnd;
    return v;
  }

  /** Copies the next `n` bytes out; returns fewer if the file ends first. */
  readBytes(n: number): Uint8Array {
    const avail = this.ensure(n);
    const out = this.buf.slice(this.pos, this.pos + avail);
    this.pos += avail;
    return out;
  }

  /**
   * Copies the next `n` bytes into dst at `at`; returns how many (fewer if the file ends first).
   * What the window does not hold yet is read from the file straight into dst: batch bytes are
   * then read once, not into the window and copied again, and the window only needs to hold the
   * batch headers.
   */
  readInto(dst: Uint8Array, at: number, n: number): number {
    const have = this.end - this.pos;
    if (have >= n || this.eof) {
      const k = Math.min(have, n);
      dst.set(this.buf.subarray(this.pos, this.pos + k), at);
      this.pos += k;
      return k;
    }
    dst.set(this.buf.subarray(this.pos, this.end), at);
    const from = this.bufStart + this.end;
    let got = 0;
    while (have + got < n) {
      let r: number;
      try {
        r = readSync(this.fd, dst, at + have + got, n - have - got, from + got);
      } catch (e) {
        throw new TraceError('IO', from + got, `read failed: ${(e as Error).message}`);
      }
      if (r === 0) {
        this.eof = true;
        break;
      }
      got += r;
    }
    // The window is empty now, at the offset after the bytes read.
    this.bufStart = from + got;
    this.pos = this.end = 0;
    return have + got;
  }

  /** Reads everything from here to the end of the file (old-format traces need it whole). */
  readRest(): Uint8Array {
    const remaining = this.size - this.offset;
    return this.readBytes(Math.max(0, remaining));
  }
}

/**
 * 256 KiB: batch bytes bypass the window (readInto), so it holds headers and the start of the
 * next batch; it grows when one request needs more (old-format traces read the whole file).
 */
const WINDOW_BYTES = 256 << 10;
