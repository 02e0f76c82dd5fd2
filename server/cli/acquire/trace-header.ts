import { Transform, type TransformCallback } from 'node:stream';

/**
 * Every Go execution trace starts with a 16-byte header: `go 1.NN trace`
 * padded with NUL bytes. Checking it as the first bytes arrive turns "the URL
 * served an HTML page" into an immediate, clear error instead of a file the
 * reader rejects later.
 */

export const TRACE_HEADER_BYTES = 16;
const HEADER_PREFIX = 'go 1.';
const HEADER_PATTERN = /^go 1\.\d{1,2} trace\0+$/;

export type HeaderVerdict = 'trace' | 'not-a-trace' | 'need-more';

/** Judges the first bytes of a body: a full header, certainly not one, or too few bytes to tell. */
export function judgeTraceHeader(firstBytes: Uint8Array): HeaderVerdict {
  const text = Buffer.from(firstBytes.subarray(0, TRACE_HEADER_BYTES)).toString('latin1');
  const prefixLength = Math.min(text.length, HEADER_PREFIX.length);
  if (text.slice(0, prefixLength) !== HEADER_PREFIX.slice(0, prefixLength)) return 'not-a-trace';
  if (text.length < TRACE_HEADER_BYTES) return 'need-more';
  return HEADER_PATTERN.test(text) ? 'trace' : 'not-a-trace';
}

/** The first bytes as printable text for a message, e.g. `"<!DOCTYPE html><html>…"`. */
export function previewBytes(bytes: Uint8Array, maxChars = 40): string {
  const text = Buffer.from(bytes.subarray(0, maxChars * 4))
    .toString('latin1')
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '.');
  return JSON.stringify(text.length > maxChars ? `${text.slice(0, maxChars)}…` : text);
}

/**
 * Passes a trace body through unchanged once its header is verified. It holds
 * back the first bytes until they decide the question, so nothing reaches the
 * output file from a body that is not a trace; `notATrace` builds the error
 * that the stream fails with (it gets the bytes seen, possibly none).
 */
export class TraceHeaderGuard extends Transform {
  /** Bytes that went through, including those still held back. */
  bytes = 0;
  headerVerified = false;
  private held: Buffer = Buffer.alloc(0);

  constructor(private readonly notATrace: (firstBytes: Buffer) => Error) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.headerVerified) {
      done(null, chunk);
      return;
    }
    this.held = Buffer.concat([this.held, chunk]);
    const verdict = judgeTraceHeader(this.held);
    if (verdict === 'need-more') {
      done();
    } else if (verdict === 'not-a-trace') {
      done(this.notATrace(this.held));
    } else {
      this.headerVerified = true;
      const held = this.held;
      this.held = Buffer.alloc(0);
      done(null, held);
    }
  }

  override _flush(done: TransformCallback): void {
    done(this.headerVerified ? null : this.notATrace(this.held));
  }
}
