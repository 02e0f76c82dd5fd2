import { AcquireError } from './acquire-error.ts';

/**
 * One AbortSignal for "the caller cancelled, or the time is up". Its reason
 * is the AcquireError to report (ABORTED or TIMEOUT), so whichever stream or
 * socket it destroys fails with the right message and code.
 */
export interface AcquisitionDeadline {
  readonly signal: AbortSignal;
  /** Stops the timer and the link to the caller's signal; call it when the work ends either way. */
  dispose(): void;
}

export function acquisitionDeadline(opts: {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Built when the timer fires, so the message can say how far the work got. */
  timeoutError: () => AcquireError;
  /** What is being cancelled, for the ABORTED message ("the trace from localhost:6060"). */
  what: string;
}): AcquisitionDeadline {
  const controller = new AbortController();
  const aborted = (): AcquireError => new AcquireError('ABORTED', `cancelled ${opts.what}`);
  const timer = setTimeout(() => controller.abort(opts.timeoutError()), opts.timeoutMs);
  const onCallerAbort = (): void => controller.abort(aborted());
  if (opts.signal?.aborted) controller.abort(aborted());
  else opts.signal?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onCallerAbort);
    },
  };
}

/** `31 s`, `0.3 s`: a duration in milliseconds for a message. */
export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : Number(seconds.toPrecision(2))} s`;
}
