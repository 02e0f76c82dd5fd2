import { AcquireError } from './acquire-error.ts';

/** What to GET for an HTTP trace, worked out from what the user typed. */
export interface TraceRequest {
  /** The trace endpoint, with `seconds=` set. */
  traceUrl: URL;
  /** The CPU profile endpoint beside it, or null when the trace URL is not a pprof `…/trace` path. */
  profileUrl: URL | null;
  /** The trace duration: `seconds=` of the typed URL if present, else the option. */
  seconds: number;
  /** `host:port`, the way messages name the server. */
  hostLabel: string;
}

const DEFAULT_TRACE_PATH = '/debug/pprof/trace';

/**
 * Accepts `localhost:6060`, `http://localhost:6060`, `http://host:6060/debug/pprof/`
 * or a full `http://host:6060/debug/pprof/trace?seconds=3`. A path other than
 * `/` or `…/debug/pprof/` is kept as typed, because programs mount the pprof
 * handlers under their own prefixes or serve flight recordings elsewhere.
 */
export function resolveTraceUrl(typed: string, seconds: number): TraceRequest {
  const text = typed.trim();
  if (text === '') throw new AcquireError('BAD_ARGS', 'no URL given (expected host:port or http://host:port/debug/pprof/trace)');
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch (e) {
    throw new AcquireError('BAD_ARGS', `not a URL: "${text}" (expected host:port or http://host:port/debug/pprof/trace)`, { cause: e });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AcquireError('BAD_ARGS', `cannot take a trace over ${url.protocol.replace(/:$/, '')} (use an http:// or https:// URL)`);
  }
  if (url.hostname === '') throw new AcquireError('BAD_ARGS', `no host in "${text}" (expected host:port)`);

  if (url.pathname === '/' || url.pathname === '') url.pathname = DEFAULT_TRACE_PATH;
  else if (/\/debug\/pprof\/?$/.test(url.pathname)) url.pathname = url.pathname.replace(/\/?$/, '/trace');

  const typedSeconds = url.searchParams.get('seconds');
  let traceSeconds: number;
  if (typedSeconds !== null) {
    traceSeconds = Number(typedSeconds);
    if (typedSeconds.trim() === '' || !Number.isFinite(traceSeconds) || traceSeconds <= 0) {
      throw new AcquireError('BAD_ARGS', `seconds=${typedSeconds} in the URL is not a positive number of seconds`);
    }
  } else {
    if (!Number.isFinite(seconds) || seconds <= 0) throw new AcquireError('BAD_ARGS', `cannot trace for ${seconds} seconds (give a positive number)`);
    traceSeconds = seconds;
    url.searchParams.set('seconds', String(seconds));
  }

  return { traceUrl: url, profileUrl: profileUrlBeside(url, traceSeconds), seconds: traceSeconds, hostLabel: url.host };
}

/**
 * `…/profile?seconds=N` next to a `…/trace` URL. The profile handler parses
 * seconds as an integer (a fraction is a 400), so it is rounded up; the request
 * is cancelled when the trace ends, which stops the profiler early anyway.
 */
function profileUrlBeside(traceUrl: URL, seconds: number): URL | null {
  if (!/\/trace$/.test(traceUrl.pathname)) return null;
  const url = new URL(traceUrl.href);
  url.pathname = url.pathname.replace(/trace$/, 'profile');
  url.search = '';
  url.searchParams.set('seconds', String(Math.max(1, Math.ceil(seconds))));
  return url;
}
