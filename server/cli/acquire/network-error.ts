import { AcquireError, describeError, isAcquireError } from './acquire-error.ts';

/**
 * Turns a socket error from connecting to a target (an HTTP server or a gops
 * agent) into an AcquireError whose message names the target. `hint` is what
 * to check when nothing listens there. AcquireErrors pass through unchanged:
 * they are the caller's own timeout or abort.
 */
export function connectionError(e: unknown, target: string, hint: string): AcquireError {
  if (isAcquireError(e)) return e;
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return new AcquireError('CONNECTION_REFUSED', `cannot connect to ${target}: connection refused (${hint})`, { cause: e });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new AcquireError('CONNECTION_FAILED', `cannot connect to ${target}: host not found (check the host name)`, { cause: e });
    case 'ECONNRESET':
      return new AcquireError('CONNECTION_FAILED', `${target} closed the connection before sending a trace (${hint})`, { cause: e });
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
      return new AcquireError('CONNECTION_FAILED', `cannot connect to ${target}: ${describeError(e)} (is the host reachable from here?)`, { cause: e });
    default:
      return new AcquireError('CONNECTION_FAILED', `cannot connect to ${target}: ${describeError(e)}`, { cause: e });
  }
}
