import { existsSync, statSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeHttpTrace } from '../../server/cli/acquire/take-http-trace.ts';
import { acquireFailure, buildAcquireProgram, fileStart, freshDir, namesIn, startProgram, traceStats, waitFor, type RunningProgram } from './acquire-helpers.ts';

function listen(server: Server | ReturnType<typeof createNetServer>): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

let pprof: RunningProgram; // net/http/pprof on DefaultServeMux
let traceOnly: RunningProgram; // only /debug/pprof/trace: the profile request fails
const localServers: { close(): unknown }[] = [];

beforeAll(async () => {
  const bin = await buildAcquireProgram('pprof-server', freshDir('gtv-http-'));
  [pprof, traceOnly] = await Promise.all([startProgram(bin, []), startProgram(bin, ['-trace-only'])]);
});

afterAll(async () => {
  await Promise.all([pprof?.stop(), traceOnly?.stop()]);
  for (const s of localServers) s.close();
});

describe('takeHttpTrace from a real net/http/pprof server', () => {
  it('with cpuProfile, host:port gives a trace file that carries CPU samples', { timeout: 30_000 }, async () => {
    const dir = freshDir('gtv-http-');
    const progress: string[] = [];
    const saved = await takeHttpTrace({ url: pprof.firstLine, seconds: 1, cpuProfile: true, outPath: join(dir, 'cpu.out'), onProgress: (m) => progress.push(m) });
    expect(saved).toEqual({ path: join(dir, 'cpu.out'), bytes: statSync(join(dir, 'cpu.out')).size, truncated: false });
    expect(fileStart(saved.path)).toBe('go 1.');
    expect(traceStats(saved.path).kinds.StackSample ?? 0).toBeGreaterThan(0);
    expect(progress.filter((m) => m.includes('CPU profile request failed'))).toEqual([]);
    expect(namesIn(dir)).toEqual(['cpu.out']);
  });

  it('without cpuProfile there are no CPU samples, and seconds= in the URL wins over the option', { timeout: 30_000 }, async () => {
    const dir = freshDir('gtv-http-');
    const started = Date.now();
    const saved = await takeHttpTrace({
      url: `http://${pprof.firstLine}/debug/pprof/trace?seconds=1`,
      seconds: 60,
      cpuProfile: false,
      outPath: join(dir, 'plain.out'),
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    const stats = traceStats(saved.path);
    expect(stats.kinds.StackSample ?? 0).toBe(0);
    expect(stats.durationNs).toBeLessThan(5e9);
  });

  it('a failed CPU profile request is reported through onProgress and the trace is still written', { timeout: 30_000 }, async () => {
    const dir = freshDir('gtv-http-');
    const progress: string[] = [];
    const saved = await takeHttpTrace({
      url: `http://${traceOnly.firstLine}/debug/pprof/`,
      seconds: 1,
      cpuProfile: true,
      outPath: join(dir, 'noprofile.out'),
      onProgress: (m) => progress.push(m),
    });
    expect(fileStart(saved.path)).toBe('go 1.');
    expect(progress).toContain('CPU profile request failed: /debug/pprof/profile answered 404 Not Found: "404 page not found" (trace has no CPU samples)');
  });

  it('a second trace while one runs is TRACE_ALREADY_RUNNING quoting the server; aborting the first leaves no file', { timeout: 30_000 }, async () => {
    const dir = freshDir('gtv-http-');
    const first = new AbortController();
    const running = takeHttpTrace({ url: pprof.firstLine, seconds: 20, cpuProfile: false, outPath: join(dir, 'first.out'), signal: first.signal });
    const tracing = async (): Promise<boolean> => (await (await fetch(`http://${pprof.firstLine}/test/tracing`)).text()) === 'true';
    await waitFor('the first trace to start', tracing);

    const second = await acquireFailure(takeHttpTrace({ url: pprof.firstLine, seconds: 1, cpuProfile: false, outPath: join(dir, 'second.out') }));
    expect(second.code).toBe('TRACE_ALREADY_RUNNING');
    // Go ≤1.24 says "tracing is already enabled", Go 1.25+ "execution tracer already enabled".
    expect(second.message).toMatch(
      new RegExp(`^${pprof.firstLine} answered 500 Internal Server Error: "Could not enable tracing: (tracing is|execution tracer) already enabled" \\(another trace`),
    );

    first.abort();
    const aborted = await acquireFailure(running);
    expect(aborted.code).toBe('ABORTED');
    expect(namesIn(dir)).toEqual([]);
    // The server stops tracing when the client goes away, so later tests can trace again.
    await waitFor('the aborted trace to stop', async () => !(await tracing()));
  });

  it('a path with no handler is HTTP_STATUS with the status line and the body', async () => {
    const e = await acquireFailure(takeHttpTrace({ url: `${pprof.firstLine}/nothing/here/trace`, seconds: 1, cpuProfile: false, outPath: join(freshDir('gtv-http-'), 'x.out') }));
    expect(e.code).toBe('HTTP_STATUS');
    expect(e.message).toBe(
      `${pprof.firstLine} answered 404 Not Found: "404 page not found" (nothing is served at /nothing/here/trace: does the program import net/http/pprof? if it mounts the handlers elsewhere, give the full URL)`,
    );
  });
});

describe('takeHttpTrace failures without a Go server', () => {
  it('a closed port is CONNECTION_REFUSED, asking whether the program serves pprof', async () => {
    const probe = createNetServer();
    const port = await listen(probe);
    await new Promise((r) => probe.close(r));
    const dir = freshDir('gtv-http-');
    const e = await acquireFailure(takeHttpTrace({ url: `127.0.0.1:${port}`, seconds: 1, cpuProfile: true, outPath: join(dir, 'x.out') }));
    expect(e.code).toBe('CONNECTION_REFUSED');
    expect(e.message).toBe(`cannot connect to 127.0.0.1:${port}: connection refused (is the program running with net/http/pprof imported?)`);
    expect(namesIn(dir)).toEqual([]);
  });

  it('a server that never answers is TIMEOUT after timeoutMs, leaving no file', async () => {
    const held: Socket[] = [];
    const silent = createNetServer((socket) => held.push(socket));
    localServers.push({ close: () => (held.forEach((s) => s.destroy()), silent.close()) });
    const port = await listen(silent);
    const dir = freshDir('gtv-http-');
    const started = Date.now();
    const e = await acquireFailure(takeHttpTrace({ url: `127.0.0.1:${port}`, seconds: 1, cpuProfile: false, outPath: join(dir, 'x.out'), timeoutMs: 300 }));
    expect(e.code).toBe('TIMEOUT');
    expect(e.message).toBe(`127.0.0.1:${port} did not answer within 0.3 s (is the program stuck, or is this not a Go pprof server? try a longer timeout)`);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(namesIn(dir)).toEqual([]);
  });

  it('an HTML page instead of a trace is NOT_A_TRACE, quoting its start, and writes nothing', async () => {
    const html = createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html><html><body>login required</body></html>');
    });
    localServers.push(html);
    const port = await listen(html);
    const dir = freshDir('gtv-http-');
    const e = await acquireFailure(takeHttpTrace({ url: `127.0.0.1:${port}`, seconds: 1, cpuProfile: false, outPath: join(dir, 'x.out') }));
    expect(e.code).toBe('NOT_A_TRACE');
    expect(e.message).toBe(
      `http://127.0.0.1:${port}/debug/pprof/trace?seconds=1 answered text/html, not a Go execution trace (it starts with "<!DOCTYPE html><html><body>login require…"; is this a /debug/pprof/trace endpoint?)`,
    );
    expect(namesIn(dir)).toEqual([]);
  });

  it('a stream cut after a valid header is kept, marked truncated, with a warning', async () => {
    const header = Buffer.from('go 1.26 trace\0\0\0', 'latin1');
    const cut = createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write(Buffer.concat([header, Buffer.alloc(1000, 7)]), () => res.socket?.destroy());
    });
    localServers.push(cut);
    const port = await listen(cut);
    const dir = freshDir('gtv-http-');
    const progress: string[] = [];
    const saved = await takeHttpTrace({ url: `127.0.0.1:${port}`, seconds: 1, cpuProfile: false, outPath: join(dir, 'cut.out'), onProgress: (m) => progress.push(m) });
    expect(saved).toEqual({ path: join(dir, 'cut.out'), bytes: 1016, truncated: true });
    expect(statSync(saved.path).size).toBe(1016);
    expect(progress.at(-1)).toBe(`warning: 127.0.0.1:${port} closed the connection in the middle of the trace; kept 1016 bytes (its complete generations are readable)`);
  });

  it('a redirect is not followed: HTTP_STATUS names where it points', async () => {
    const moved = createHttpServer((_req, res) => {
      res.writeHead(302, { location: 'http://elsewhere:6060/debug/pprof/trace' });
      res.end();
    });
    localServers.push(moved);
    const port = await listen(moved);
    const e = await acquireFailure(takeHttpTrace({ url: `127.0.0.1:${port}`, seconds: 1, cpuProfile: false, outPath: join(freshDir('gtv-http-'), 'x.out') }));
    expect(e.code).toBe('HTTP_STATUS');
    expect(e.message).toBe(`127.0.0.1:${port} answered 302 Found (it redirects to http://elsewhere:6060/debug/pprof/trace: give that URL)`);
  });

  it('an output directory that does not exist is IO, naming the file', async () => {
    const header = Buffer.from('go 1.26 trace\0\0\0', 'latin1');
    const ok = createHttpServer((_req, res) => res.end(header));
    localServers.push(ok);
    const port = await listen(ok);
    const out = join(freshDir('gtv-http-'), 'missing-dir', 'x.out');
    const e = await acquireFailure(takeHttpTrace({ url: `127.0.0.1:${port}`, seconds: 1, cpuProfile: false, outPath: out }));
    expect(e.code).toBe('IO');
    expect(e.message).toMatch(new RegExp(`^cannot write ${out}: ENOENT`));
    expect(existsSync(out)).toBe(false);
  });
});
