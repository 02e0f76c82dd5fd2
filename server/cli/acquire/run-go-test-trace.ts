import { open, rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AcquireError, describeError, oneLine } from './acquire-error.ts';
import { goTraceFlagRefusal, checkGoTestTraceArgs } from './go-test-args.ts';
import { runGoCommand, type GoCommandRun } from './run-go-command.ts';
import { commitPartialFile, partialPathFor } from './save-trace-stream.ts';
import { TRACE_HEADER_BYTES, judgeTraceHeader, previewBytes } from './trace-header.ts';

export interface GoTestTraceOptions {
  /** Arguments after `go test`: one package, flags such as `-run X`, `-args …`. */
  goTestArgs: string[];
  /** Where `go test` runs (the module the package belongs to). */
  cwd: string;
  /** Resolved against the current directory, not `cwd`. */
  outPath: string;
  /** Receives go's output line by line; without it go's output goes to this process's stdout and stderr. */
  onProgress?: (msg: string) => void;
  signal?: AbortSignal;
}

export interface GoTestTrace {
  path: string;
  bytes: number;
  /**
   * go test exited non-zero but wrote a trace: failing tests (or a crash,
   * after which the trace may be truncated). A developer tracing a failing
   * test still wants to see it, so this is a warning, not an error.
   */
  testsFailed: boolean;
  /** go's exit status; null when it was killed by a signal. */
  exitCode: number | null;
}

/**
 * Runs `go test -trace=<file> <goTestArgs…>` and hands back the trace. The
 * trace is written to a partial file beside `outPath` (absolute, because go
 * test runs the test binary in the package directory) and renamed on success,
 * so a stale file under the same name never passes for a new trace.
 */
export async function runGoTestTrace(opts: GoTestTraceOptions): Promise<GoTestTrace> {
  checkGoTestTraceArgs(opts.goTestArgs);
  const cwd = resolve(opts.cwd);
  const isDir = await stat(cwd).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw new AcquireError('BAD_ARGS', `cannot run go test in ${cwd}: no such directory`);
  const outPath = resolve(opts.outPath);
  const partialPath = partialPathFor(outPath);

  opts.onProgress?.(`running go test -trace=${outPath} ${opts.goTestArgs.join(' ')}`.trimEnd());
  let run: GoCommandRun;
  try {
    run = await runGoCommand(['test', `-trace=${partialPath}`, ...opts.goTestArgs], { cwd, onLine: opts.onProgress, signal: opts.signal });
  } catch (e) {
    await rm(partialPath, { force: true });
    throw e;
  }

  const traceCheck = await checkTraceFile(partialPath);
  if (traceCheck.kind === 'trace') {
    await commitPartialFile(partialPath, outPath);
    const testsFailed = run.exitCode !== 0;
    if (testsFailed) opts.onProgress?.(`warning: go test failed (${describeExit(run)}); kept the trace it wrote`);
    return { path: outPath, bytes: traceCheck.bytes, testsFailed, exitCode: run.exitCode };
  }
  await rm(partialPath, { force: true });
  if (traceCheck.kind === 'not-a-trace') {
    throw new AcquireError('NOT_A_TRACE', `go test wrote a file that is not a Go execution trace (it starts with ${previewBytes(traceCheck.firstBytes)})`);
  }

  const output = `${run.stderrTail.join('\n')}\n${run.stdoutTail.join('\n')}`;
  const refusal = goTraceFlagRefusal(output, opts.goTestArgs);
  if (refusal !== null) throw refusal;
  if (run.exitCode === 0) {
    const last = squeeze(run.stdoutTail.findLast((l) => l.trim() !== '') ?? '');
    throw new AcquireError('GO_TEST_FAILED', `go test wrote no trace${last ? `: "${last}"` : ''} (does the package have tests?)`);
  }
  const firstError = run.stderrTail.find((l) => l.trim() !== '' && !l.startsWith('#')) ?? run.stdoutTail.findLast((l) => l.trim() !== '') ?? '';
  throw new AcquireError(
    'GO_TEST_FAILED',
    `go test failed (${describeExit(run)}) and wrote no trace${firstError ? `: ${squeeze(firstError)}` : ''} (go's output has the details)`,
  );
}

type TraceFileCheck = { kind: 'trace'; bytes: number } | { kind: 'not-a-trace'; firstBytes: Buffer } | { kind: 'none' };

/** Whether go test left a trace at `path`: none (absent or empty), a trace, or something else. */
async function checkTraceFile(path: string): Promise<TraceFileCheck> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    throw new AcquireError('IO', `cannot read the trace go test wrote (${path}): ${describeError(e)}`, { cause: e });
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return { kind: 'none' };
    const head = Buffer.alloc(Math.min(size, TRACE_HEADER_BYTES));
    await handle.read(head, 0, head.length, 0);
    return judgeTraceHeader(head) === 'trace' ? { kind: 'trace', bytes: size } : { kind: 'not-a-trace', firstBytes: head };
  } finally {
    await handle.close();
  }
}

function describeExit(run: GoCommandRun): string {
  return run.exitCode !== null ? `exit status ${run.exitCode}` : `killed by ${run.signalName ?? 'a signal'}`;
}

/** go prints tab-separated columns (`ok  \tpkg\t0.01s`); one space reads better inside a message. */
function squeeze(line: string): string {
  return oneLine(line.replace(/\s+/g, ' '));
}
