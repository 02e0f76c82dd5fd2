import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AcquireError, describeError, isAcquireError } from './acquire-error.ts';
import { TRACE_HEADER_BYTES, TraceHeaderGuard } from './trace-header.ts';

/** A trace written to disk by an acquisition. */
export interface SavedTrace {
  /** Absolute path of the file. */
  path: string;
  bytes: number;
  /**
   * The sender cut the stream after a valid header (the program died, a write
   * deadline fired). The file holds what arrived; the reader keeps its complete
   * generations, as `go tool trace` does.
   */
  truncated: boolean;
}

/**
 * Where a trace is written while it arrives: a hidden name in the same
 * directory as `outPath`, so the final rename stays on one filesystem (atomic)
 * and a failed acquisition never leaves a half file under the user's name.
 */
export function partialPathFor(outPath: string): string {
  return join(dirname(outPath), `.${basename(outPath)}.${process.pid}-${randomBytes(4).toString('hex')}.partial`);
}

/** Moves a finished partial file to its final name; on failure removes it and throws IO. */
export async function commitPartialFile(partialPath: string, outPath: string): Promise<void> {
  try {
    await rename(partialPath, outPath);
  } catch (e) {
    await rm(partialPath, { force: true });
    throw new AcquireError('IO', `cannot write ${outPath}: ${describeError(e)}`, { cause: e });
  }
}

/**
 * Streams `source` into `outPath` through the header check. Errors:
 * - whatever `source` was destroyed with, if it is an AcquireError (the
 *   caller's timeout, abort or classification), rethrown as is;
 * - `notATrace(firstBytes)` when the body does not start with a trace header;
 * - IO when the file cannot be written;
 * - any other error of `source` before a valid header, rethrown for the caller
 *   to classify (it knows whether it was talking to HTTP or to gops).
 * A source error after a valid header is not an error: the result is marked truncated.
 */
export async function saveTraceStream(
  source: Readable,
  outPath: string,
  notATrace: (firstBytes: Buffer) => AcquireError,
): Promise<SavedTrace> {
  const partialPath = partialPathFor(outPath);
  const guard = new TraceHeaderGuard(notATrace);
  let sourceError: unknown = null;
  let writeError: unknown = null;
  const file = createWriteStream(partialPath, { flags: 'wx' });
  file.on('error', (e) => {
    writeError = e;
  });
  // The source is piped by hand rather than through pipeline(): when it fails
  // mid-stream, ending the guard normally flushes every byte that did arrive
  // into the file, which pipeline's destroy-everything would drop.
  source.on('error', (e) => {
    sourceError = e;
    source.unpipe(guard);
    guard.end();
  });
  source.pipe(guard);

  try {
    await pipeline(guard, file);
  } catch (e) {
    source.destroy();
    await rm(partialPath, { force: true });
    if (sourceError !== null) throw sourceError;
    // The guard's NOT_A_TRACE also reaches the file stream (pipeline destroys it with that error), so it goes first.
    if (isAcquireError(e)) throw e;
    if (writeError !== null) throw new AcquireError('IO', `cannot write ${outPath}: ${describeError(writeError)}`, { cause: writeError });
    throw e;
  }

  const cut = sourceError !== null;
  if (cut && (isAcquireError(sourceError) || !guard.headerVerified || guard.bytes <= TRACE_HEADER_BYTES)) {
    await rm(partialPath, { force: true });
    throw sourceError;
  }
  await commitPartialFile(partialPath, outPath);
  return { path: outPath, bytes: guard.bytes, truncated: cut };
}
