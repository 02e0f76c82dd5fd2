import { describeError, oneLine } from './acquire-error.ts';
import { httpGet, readErrorBody } from './http-get.ts';
import type { TraceRequest } from './trace-url.ts';

/**
 * The CPU profile taken alongside an HTTP trace. Its body is discarded: it is
 * requested only because the runtime writes CPU samples into a running trace
 * while the CPU profiler is on. Its failure never fails the trace; it is
 * reported through `report`, and only once the trace itself has been answered
 * with 200 (when the trace fails too, its own error says everything).
 */
export interface CpuProfileRequest {
  /** The trace answered 200: report a failure now, or as soon as it happens. */
  traceAnswered(): void;
  /** The trace is over: cancel the profile (which stops the target's profiler early) and go quiet. */
  stop(): void;
}

export function startCpuProfileRequest(request: TraceRequest, report: (msg: string) => void): CpuProfileRequest {
  let answered = false;
  let stopped = false;
  let pending: string | null = null;
  const fail = (detail: string): void => {
    if (stopped) return;
    const msg = `CPU profile request failed: ${detail} (trace has no CPU samples)`;
    if (answered) report(msg);
    else pending = msg;
  };
  const controller = new AbortController();

  if (request.profileUrl === null) {
    fail(`${request.traceUrl.pathname} is not a …/trace path, so there is no …/profile beside it`);
  } else {
    const url = request.profileUrl;
    httpGet(url, controller.signal).then(
      async (res) => {
        if (res.statusCode === 200) {
          res.on('error', (e) => fail(`${request.hostLabel} cut the profile: ${describeError(e)}`));
          res.resume();
          return;
        }
        const body = oneLine(await readErrorBody(res));
        const status = `${res.statusCode} ${res.statusMessage ?? ''}`.trim();
        fail(`${url.pathname} answered ${status}${body ? `: "${body}"` : ''}`);
      },
      (e: unknown) => fail(describeError(e)),
    );
  }

  return {
    traceAnswered() {
      answered = true;
      if (pending !== null) report(pending);
      pending = null;
    },
    stop() {
      stopped = true;
      controller.abort();
    },
  };
}
