import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGoTestTrace } from '../../server/cli/acquire/run-go-test-trace.ts';
import { ACQUIRE_FIXTURES, acquireFailure, fileStart, freshDir, namesIn, traceStats, waitFor } from './acquire-helpers.ts';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('runGoTestTrace on fixtures/acquire/gotest', () => {
  it('a passing package: the trace file appears and go’s output reaches onProgress', { timeout: 60_000 }, async () => {
    const dir = freshDir('gtv-gotest-');
    const lines: string[] = [];
    const r = await runGoTestTrace({ goTestArgs: ['-count=1', './gotest'], cwd: ACQUIRE_FIXTURES, outPath: join(dir, 'test.out'), onProgress: (l) => lines.push(l) });
    expect(r).toMatchObject({ path: join(dir, 'test.out'), testsFailed: false, exitCode: 0 });
    expect(fileStart(r.path)).toBe('go 1.');
    expect(r.bytes).toBe(readFileSync(r.path).length);
    // The 8 goroutines of TestSumConcurrently on top of the ~9 of the test framework.
    expect(traceStats(r.path).goroutines).toBeGreaterThanOrEqual(9 + 8);
    expect(lines.some((l) => /^ok\s+gotrace-view\/fixtures\/acquire\/gotest\b/.test(l))).toBe(true);
    expect(namesIn(dir)).toEqual(['test.out']);
  });

  it('failing tests that wrote a trace resolve with it and testsFailed', { timeout: 60_000 }, async () => {
    const dir = freshDir('gtv-gotest-');
    const lines: string[] = [];
    const r = await runGoTestTrace({ goTestArgs: ['-tags=failing', './gotest'], cwd: ACQUIRE_FIXTURES, outPath: join(dir, 'fail.out'), onProgress: (l) => lines.push(l) });
    expect(r).toMatchObject({ testsFailed: true, exitCode: 1 });
    expect(fileStart(r.path)).toBe('go 1.');
    expect(lines).toContain('--- FAIL: TestFailsOnPurpose (0.00s)');
    expect(lines.at(-1)).toBe('warning: go test failed (exit status 1); kept the trace it wrote');
  });

  it('a package that does not compile is GO_TEST_FAILED quoting the compiler, and leaves no file', { timeout: 60_000 }, async () => {
    const dir = freshDir('gtv-gotest-');
    const e = await acquireFailure(runGoTestTrace({ goTestArgs: ['-tags=broken', './gotest'], cwd: ACQUIRE_FIXTURES, outPath: join(dir, 'x.out'), onProgress: () => {} }));
    expect(e.code).toBe('GO_TEST_FAILED');
    expect(e.message).toMatch(/^go test failed \(exit status 1\) and wrote no trace: gotest\/broken_test\.go:\d+:\d+: cannot use "not an int" .* \(go's output has the details\)$/);
    expect(namesIn(dir)).toEqual([]);
  });

  it('a package without tests is GO_TEST_FAILED quoting go’s "[no test files]"', { timeout: 60_000 }, async () => {
    const e = await acquireFailure(runGoTestTrace({ goTestArgs: ['./pprof-server'], cwd: ACQUIRE_FIXTURES, outPath: join(freshDir('gtv-gotest-'), 'x.out'), onProgress: () => {} }));
    expect(e.code).toBe('GO_TEST_FAILED');
    expect(e.message).toBe('go test wrote no trace: "? gotrace-view/fixtures/acquire/pprof-server [no test files]" (does the package have tests?)');
  });

  it('two packages are BAD_ARGS before go runs', async () => {
    const e = await acquireFailure(runGoTestTrace({ goTestArgs: ['./gotest', './pprof-server'], cwd: ACQUIRE_FIXTURES, outPath: join(freshDir('gtv-gotest-'), 'x.out') }));
    expect(e.code).toBe('BAD_ARGS');
    expect(e.message).toBe('go test -trace needs a single package, but got 2: ./gotest ./pprof-server (trace one package at a time)');
  });

  it('a pattern that matches several packages is BAD_ARGS from go’s own refusal', { timeout: 60_000 }, async () => {
    const dir = freshDir('gtv-gotest-');
    const e = await acquireFailure(runGoTestTrace({ goTestArgs: ['./...'], cwd: ACQUIRE_FIXTURES, outPath: join(dir, 'x.out'), onProgress: () => {} }));
    expect(e.code).toBe('BAD_ARGS');
    expect(e.message).toBe('go test -trace needs a single package, but ./... matched several (name one package)');
    expect(namesIn(dir)).toEqual([]);
  });

  it('aborting interrupts go test and its test binary, and leaves no file', { timeout: 60_000 }, async () => {
    const dir = freshDir('gtv-gotest-');
    const pidFile = join(dir, 'test-binary.pid');
    const controller = new AbortController();
    const run = runGoTestTrace({
      goTestArgs: ['-tags=slow', '-run', 'TestSleepsUntilInterrupted', './gotest', '-args', `-pidfile=${pidFile}`],
      cwd: ACQUIRE_FIXTURES,
      outPath: join(dir, 'x.out'),
      onProgress: () => {},
      signal: controller.signal,
    });
    await waitFor('the test binary to start', () => existsSync(pidFile) && readFileSync(pidFile, 'utf8') !== '', 45_000);
    const testBinary = Number(readFileSync(pidFile, 'utf8'));
    expect(processAlive(testBinary)).toBe(true);
    controller.abort();
    const e = await acquireFailure(run);
    expect(e.code).toBe('ABORTED');
    await waitFor('the test binary to exit', () => !processAlive(testBinary), 10_000);
    expect(namesIn(dir)).toEqual(['test-binary.pid']);
  });
});
