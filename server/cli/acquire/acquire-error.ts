/**
 * Typed errors for taking a trace from a live program (HTTP, gops) or from
 * `go test`. The code is stable (for the CLI's exit status and for tests); the
 * message is one line for the user: what happened, then in parentheses what to
 * do about it.
 */

export type AcquireErrorCode =
  | 'BAD_ARGS' // the request itself is wrong: a bad URL, seconds ≤ 0, several packages for go test
  | 'CONNECTION_REFUSED' // nothing listens on the port (program not running, wrong port, stale gops file)
  | 'CONNECTION_FAILED' // any other network failure before an answer: unknown host, reset, unreachable
  | 'HTTP_STATUS' // the server answered with a status other than 200
  | 'TRACE_ALREADY_RUNNING' // the target's execution tracer is busy with another consumer
  | 'TIMEOUT' // no complete answer within timeoutMs
  | 'NO_AGENT' // no gops port file for the pid
  | 'NO_PROCESS' // no process with the pid
  | 'NOT_A_TRACE' // the answer does not start with a "go 1.N trace" header
  | 'GO_TEST_FAILED' // go test failed and wrote no trace
  | 'ABORTED' // the caller's AbortSignal fired
  | 'IO'; // the output file could not be written

export class AcquireError extends Error {
  override readonly name = 'AcquireError';

  constructor(
    readonly code: AcquireErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isAcquireError(e: unknown): e is AcquireError {
  return e instanceof AcquireError;
}

/** The first line of `text`, whitespace-trimmed and cut to `maxChars`, for quoting a server's or go's message. */
export function oneLine(text: string, maxChars = 200): string {
  const line = text.trim().split(/\r?\n/, 1)[0]?.trim() ?? '';
  return line.length > maxChars ? `${line.slice(0, maxChars - 1)}…` : line;
}

/** `err.message` for Errors, else the value as text: for wrapping a system error into a one-line message. */
export function describeError(e: unknown): string {
  return oneLine(e instanceof Error ? e.message : String(e));
}
