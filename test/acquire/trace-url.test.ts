import { describe, expect, it } from 'vitest';
import { resolveTraceUrl } from '../../server/cli/acquire/trace-url.ts';
import { isAcquireError } from '../../server/cli/acquire/acquire-error.ts';

function badArgs(typed: string, seconds: number): string {
  try {
    resolveTraceUrl(typed, seconds);
  } catch (e) {
    if (isAcquireError(e) && e.code === 'BAD_ARGS') return e.message;
    throw e;
  }
  throw new Error(`"${typed}" was accepted`);
}

describe('resolveTraceUrl', () => {
  it('host:port gets http:// and the default trace path, with the seconds option', () => {
    const r = resolveTraceUrl('localhost:6060', 5);
    expect(r.traceUrl.href).toBe('http://localhost:6060/debug/pprof/trace?seconds=5');
    expect(r.profileUrl?.href).toBe('http://localhost:6060/debug/pprof/profile?seconds=5');
    expect(r.seconds).toBe(5);
    expect(r.hostLabel).toBe('localhost:6060');
  });

  it('a bare origin and the /debug/pprof/ index both lead to the trace endpoint', () => {
    expect(resolveTraceUrl('http://localhost:6060', 2).traceUrl.href).toBe('http://localhost:6060/debug/pprof/trace?seconds=2');
    expect(resolveTraceUrl('https://h:1/debug/pprof/', 2).traceUrl.href).toBe('https://h:1/debug/pprof/trace?seconds=2');
    expect(resolveTraceUrl('h:1/admin/debug/pprof', 2).traceUrl.href).toBe('http://h:1/admin/debug/pprof/trace?seconds=2');
  });

  it('seconds= typed in the URL wins over the option and is kept as typed', () => {
    const r = resolveTraceUrl('http://host:6060/debug/pprof/trace?seconds=3', 10);
    expect(r.seconds).toBe(3);
    expect(r.traceUrl.href).toBe('http://host:6060/debug/pprof/trace?seconds=3');
  });

  it('a fractional trace gets a whole-second CPU profile (the profile handler only parses integers)', () => {
    const r = resolveTraceUrl('host:1', 0.5);
    expect(r.traceUrl.searchParams.get('seconds')).toBe('0.5');
    expect(r.profileUrl?.searchParams.get('seconds')).toBe('1');
  });

  it('a custom path is kept; without a …/trace ending there is no profile URL', () => {
    expect(resolveTraceUrl('host:1/admin/pprof/trace', 1).profileUrl?.pathname).toBe('/admin/pprof/profile');
    const fr = resolveTraceUrl('host:1/flight-recording', 1);
    expect(fr.traceUrl.pathname).toBe('/flight-recording');
    expect(fr.profileUrl).toBeNull();
  });

  it('bad input is BAD_ARGS saying what was wrong', () => {
    expect(badArgs('', 1)).toBe('no URL given (expected host:port or http://host:port/debug/pprof/trace)');
    expect(badArgs('ftp://host/x', 1)).toBe('cannot take a trace over ftp (use an http:// or https:// URL)');
    expect(badArgs('host:1/debug/pprof/trace?seconds=abc', 1)).toBe('seconds=abc in the URL is not a positive number of seconds');
    expect(badArgs('host:1/debug/pprof/trace?seconds=0', 1)).toBe('seconds=0 in the URL is not a positive number of seconds');
    expect(badArgs('host:1', 0)).toBe('cannot trace for 0 seconds (give a positive number)');
    expect(badArgs('http://[::1', 1)).toMatch(/^not a URL: "http:\/\/\[::1"/);
  });
});
