import type { IncomingMessage } from 'node:http';
import { resolve } from 'node:path';
import { AcquireError, oneLine } from './acquire-error.ts';
import { acquisitionDeadline, formatSeconds } from './acquisition-deadline.ts';
import { startCpuProfileRequest } from './cpu-profile-request.ts';
import { httpGet, readErrorBody } from './http-get.ts';
import { connectionError } from './network-error.ts';
import { saveTraceStream, type SavedTrace } from './save-trace-stream.ts';
import { previewBytes } from './trace-header.ts';
import { resolveTraceUrl, type TraceRequest } from './trace-url.ts';

export interface HttpTraceOptions {
  /** What the user typed: `localhost:6060`, `http://host:6060`, or a full trace URL (its `seconds=` wins). */
  url: string;
  seconds: number;
  /** Also GET …/profile for the same time, so the trace carries CPU samples. */
  cpuProfile: boolean;
  /** Resolved against the current directory. */
  outPath: string;
  /** Default: the trace's seconds + 30 s, because the server sends nothing, not even headers, until the first generation ends. */
  timeoutMs?: number;
  onProgress?: (msg: string) => void;
  signal?: AbortSignal;
}

/** Extra time over the trace duration before giving up: connection set-up, the last generation's flush, a loaded target. */
export const HTTP_TIMEOUT_MARGIN_SECONDS = 30;

const NOT_LISTENING_HINT = 'is the program running with net/http/pprof imported?';

/**
 * Takes a trace from a running program's net/http/pprof trace endpoint and
 * writes it to `outPath` (through a partial file that is renamed on success
 * and removed on failure). A stream cut by the server after a valid header is
 * kept and marked `truncated`, since its complete generations are readable.
 */
export async function takeHttpTrace(opts: HttpTraceOptions): Promise<SavedTrace> {
  const request = resolveTraceUrl(opts.url, opts.seconds);
  const host = request.hostLabel;
  const outPath = resolve(opts.outPath);
  const progress = opts.onProgress ?? (() => {});
  const timeoutMs = opts.timeoutMs ?? (request.seconds + HTTP_TIMEOUT_MARGIN_SECONDS) * 1000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new AcquireError('BAD_ARGS', `timeout of ${timeoutMs} ms is not a positive duration`);

  let answered = false;
  const deadline = acquisitionDeadline({
    timeoutMs,
    signal: opts.signal,
    what: `the trace from ${host}`,
    timeoutError: () =>
      new AcquireError(
        'TIMEOUT',
        answered
          ? `${host} did not finish a ${request.seconds} s trace within ${formatSeconds(timeoutMs)} (is the program overloaded, or a proxy holding the answer back? try a longer timeout)`
          : `${host} did not answer within ${formatSeconds(timeoutMs)} (is the program stuck, or is this not a Go pprof server? try a longer timeout)`,
      ),
  });

  progress(`tracing ${request.traceUrl.href} for ${request.seconds} s${opts.cpuProfile ? ' with a CPU profile' : ''}`);
  const profile = opts.cpuProfile ? startCpuProfileRequest(request, progress) : null;
  try {
    let res: IncomingMessage;
    try {
      res = await httpGet(request.traceUrl, deadline.signal);
    } catch (e) {
      throw connectionError(e, host, NOT_LISTENING_HINT);
    }
    answered = true;
    if (res.statusCode !== 200) throw statusError(res, await readErrorBody(res), request);
    profile?.traceAnswered();

    const contentType = res.headers['content-type'] ?? '';
    let saved: SavedTrace;
    try {
      saved = await saveTraceStream(res, outPath, (firstBytes) => notATraceError(request, contentType, firstBytes));
    } catch (e) {
      throw connectionError(e, host, NOT_LISTENING_HINT);
    }
    if (saved.truncated) {
      progress(`warning: ${host} closed the connection in the middle of the trace; kept ${saved.bytes} bytes (its complete generations are readable)`);
    }
    return saved;
  } finally {
    profile?.stop();
    deadline.dispose();
  }
}

/**
 * A non-200 answer, quoting the first line of the body: pprof's handlers put
 * the reason there (`Could not enable tracing: …`). The hint in parentheses
 * depends on what the status means for a pprof endpoint.
 */
function statusError(res: IncomingMessage, body: string, request: TraceRequest): AcquireError {
  const text = oneLine(body);
  const status = `${res.statusCode} ${res.statusMessage ?? ''}`.trim();
  const head = `${request.hostLabel} answered ${status}${text ? `: "${text}"` : ''}`;
  // Go ≤1.24 says "tracing is already enabled", Go 1.25+ "execution tracer already enabled".
  if (res.statusCode === 500 && /already enabled/i.test(text)) {
    return new AcquireError(
      'TRACE_ALREADY_RUNNING',
      `${head} (another trace of this program is running: a /debug/pprof/trace request, go test -trace, gops or a flight recorder; retry when it ends)`,
    );
  }
  const hints: Record<number, string> = {
    404: `nothing is served at ${request.traceUrl.pathname}: does the program import net/http/pprof? if it mounts the handlers elsewhere, give the full URL`,
    405: 'the server refuses GET at this path: is this the trace endpoint?',
  };
  let hint = hints[res.statusCode ?? 0];
  if (res.statusCode === 400 && /WriteTimeout/.test(text)) hint = "the server's WriteTimeout is shorter than the trace: take fewer seconds";
  // Redirects are not followed: a trace request is long and not idempotent enough to replay blindly.
  const location = res.headers.location;
  if ((res.statusCode ?? 0) >= 300 && (res.statusCode ?? 0) < 400 && location) hint = `it redirects to ${location}: give that URL`;
  return new AcquireError('HTTP_STATUS', hint ? `${head} (${hint})` : head);
}

function notATraceError(request: TraceRequest, contentType: string, firstBytes: Buffer): AcquireError {
  const where = request.traceUrl.href;
  if (firstBytes.length === 0) {
    return new AcquireError('NOT_A_TRACE', `${where} answered with an empty body, not a trace (is this a /debug/pprof/trace endpoint?)`);
  }
  const what = contentType.split(';')[0]?.trim() || 'a body';
  return new AcquireError(
    'NOT_A_TRACE',
    `${where} answered ${what}, not a Go execution trace (it starts with ${previewBytes(firstBytes)}; is this a /debug/pprof/trace endpoint?)`,
  );
}
