import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { AcquireError, describeError } from './acquire-error.ts';

/** How a `go` command ended, with the end of its output for error messages. */
export interface GoCommandRun {
  exitCode: number | null;
  signalName: NodeJS.Signals | null;
  stdoutTail: string[];
  stderrTail: string[];
}

const TAIL_LINES = 40;
/** After the interrupt, how long go and the test binary get to exit before they are killed. */
const KILL_AFTER_INTERRUPT_MS = 5000;

/**
 * Runs `go ARGS…` in `cwd`. Output goes line by line to `onLine`, or, without
 * it, straight to this process's stdout and stderr, so the user sees test
 * output as it happens. Either way the last lines are kept for messages.
 *
 * With a `signal`, go runs in its own process group (not on Windows) and an
 * abort interrupts the whole group, as Ctrl-C in a terminal would: go itself
 * ignores SIGINT and waits for the test binary, which must get the signal too.
 * A caller that passes a signal should therefore abort it on its own SIGINT.
 */
export function runGoCommand(
  args: string[],
  opts: { cwd: string; onLine?: (line: string) => void; signal?: AbortSignal },
): Promise<GoCommandRun> {
  const { signal } = opts;
  if (signal?.aborted) return Promise.reject(new AcquireError('ABORTED', 'cancelled go test before it started'));
  const ownGroup = signal !== undefined && process.platform !== 'win32';
  const child = spawn('go', args, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: ownGroup });
  const stdoutTail = collectLines(child.stdout, opts.onLine, process.stdout);
  const stderrTail = collectLines(child.stderr, opts.onLine, process.stderr);

  let aborted = false;
  let killTimer: NodeJS.Timeout | undefined;
  const sendToGroup = (sig: NodeJS.Signals): void => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      if (ownGroup) process.kill(-child.pid, sig);
      else child.kill(sig);
    } catch (e) {
      // ESRCH: the group exited between the check and the signal, which is what the signal was for.
      if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
    }
  };
  const onAbort = (): void => {
    aborted = true;
    sendToGroup('SIGINT');
    killTimer = setTimeout(() => sendToGroup('SIGKILL'), KILL_AFTER_INTERRUPT_MS);
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  return new Promise((resolve, reject) => {
    child.on('error', (e) => {
      signal?.removeEventListener('abort', onAbort);
      clearTimeout(killTimer);
      reject(new AcquireError('GO_TEST_FAILED', `cannot run go: ${describeError(e)} (is Go installed and on the PATH?)`, { cause: e }));
    });
    child.on('close', (exitCode, signalName) => {
      signal?.removeEventListener('abort', onAbort);
      clearTimeout(killTimer);
      if (aborted) reject(new AcquireError('ABORTED', 'cancelled go test'));
      else resolve({ exitCode, signalName, stdoutTail: stdoutTail.lines(), stderrTail: stderrTail.lines() });
    });
  });
}

/** Splits a stream into lines, forwards them, and keeps the last TAIL_LINES. */
function collectLines(stream: Readable, onLine: ((line: string) => void) | undefined, passThrough: NodeJS.WriteStream): { lines(): string[] } {
  const tail: string[] = [];
  let partial = '';
  const keep = (line: string): void => {
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    onLine?.(line);
  };
  stream.setEncoding('utf8');
  stream.on('data', (text: string) => {
    if (onLine === undefined) passThrough.write(text);
    const parts = (partial + text).split(/\r?\n/);
    partial = parts.pop() ?? '';
    for (const line of parts) keep(line);
  });
  stream.on('end', () => {
    if (partial !== '') keep(partial);
    partial = '';
  });
  return { lines: () => [...tail] };
}
