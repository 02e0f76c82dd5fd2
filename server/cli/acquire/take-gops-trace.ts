import { homedir } from 'node:os';
import { connect, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { AcquireError } from './acquire-error.ts';
import { acquisitionDeadline, formatSeconds } from './acquisition-deadline.ts';
import { findGopsPortFile, gopsConfigDirs, tildePath } from './gops-port-file.ts';
import { connectionError } from './network-error.ts';
import { saveTraceStream, type SavedTrace } from './save-trace-stream.ts';
import { previewBytes } from './trace-header.ts';

export interface GopsTraceOptions {
  pid: number;
  /** Resolved against the current directory. */
  outPath: string;
  /** Default: the agent's fixed 5 s trace + 30 s. */
  timeoutMs?: number;
  onProgress?: (msg: string) => void;
  signal?: AbortSignal;
  /** Where GOPS_CONFIG_DIR, XDG_CONFIG_HOME, HOME, APPDATA are read; default process.env. */
  env?: Record<string, string | undefined>;
}

/** The agent traces for exactly this long; the protocol has no parameter for it. */
export const GOPS_TRACE_SECONDS = 5;
const GOPS_TIMEOUT_MARGIN_SECONDS = 30;
/** Command bytes of the gops protocol (github.com/google/gops/signal). */
const GOPS_TRACE_COMMAND = 0x08;
const GOPS_VERSION_COMMAND = 0x04;
/** A tracing agent sends the 16-byte header at once; silence this long makes us ask whether it failed. */
const SILENCE_PROBE_AFTER_MS = 500;

/**
 * Takes a 5 s trace through the gops agent of process `pid`: reads the
 * agent's port file, connects to 127.0.0.1:port, sends the trace command byte
 * and saves everything up to EOF. There is no handshake and no framing; the
 * agent ends the reply by closing the connection.
 */
export async function takeGopsTrace(opts: GopsTraceOptions): Promise<SavedTrace> {
  const { pid } = opts;
  if (!Number.isSafeInteger(pid) || pid <= 0) throw new AcquireError('BAD_ARGS', `"${pid}" is not a process id`);
  const env = opts.env ?? process.env;
  const homeDir = env.HOME || homedir();
  const dirs = gopsConfigDirs({ env, platform: process.platform, homeDir });
  const alive = processExists(pid);
  const portFile = await findGopsPortFile(pid, dirs, process.platform);
  if (portFile === null) {
    if (!alive) throw new AcquireError('NO_PROCESS', `no process with pid ${pid} (has the program exited?)`);
    const where = dirs.map((d) => tildePath(d, homeDir)).join(' or ');
    throw new AcquireError('NO_AGENT', `no gops agent for pid ${pid} (no port file in ${where}; does the program call agent.Listen?)`);
  }
  const portFileName = tildePath(portFile.file, homeDir);
  if (!alive) {
    throw new AcquireError('NO_PROCESS', `no process with pid ${pid} (${portFileName} is a stale gops port file: the program exited without agent.Close)`);
  }

  const { port } = portFile;
  const agent = `the gops agent of pid ${pid}`;
  const staleHint = `${portFileName} may be stale: is pid ${pid} still the program that started the agent?`;
  const outPath = resolve(opts.outPath);
  const timeoutMs = opts.timeoutMs ?? (GOPS_TRACE_SECONDS + GOPS_TIMEOUT_MARGIN_SECONDS) * 1000;
  let socket: Socket | null = null;
  const deadline = acquisitionDeadline({
    timeoutMs,
    signal: opts.signal,
    what: `the gops trace of pid ${pid}`,
    timeoutError: () =>
      (socket?.bytesRead ?? 0) === 0
        ? new AcquireError('TIMEOUT', `${agent} sent nothing within ${formatSeconds(timeoutMs)} (is it busy with a long command, such as a 30 s CPU profile? the agent logs failures on the program's stderr)`)
        : new AcquireError('TIMEOUT', `${agent} did not finish its ${GOPS_TRACE_SECONDS} s trace within ${formatSeconds(timeoutMs)} (try a longer timeout)`),
  });

  opts.onProgress?.(`tracing pid ${pid} through its gops agent on 127.0.0.1:${port} for ${GOPS_TRACE_SECONDS} s`);
  let probe: SilenceProbe | null = null;
  try {
    socket = await connectLoopback(port, deadline.signal).catch((e: unknown) => {
      throw connectionError(e, `${agent} at 127.0.0.1:${port}`, staleHint);
    });
    const traceSocket = socket;
    const destroy = (): void => {
      traceSocket.destroy(deadline.signal.reason);
    };
    deadline.signal.addEventListener('abort', destroy, { once: true });
    const saving = saveTraceStream(traceSocket, outPath, (firstBytes) =>
      firstBytes.length === 0
        ? new AcquireError('NOT_A_TRACE', `${agent} closed the connection without sending a trace (is the agent too old to know the trace command?)`)
        : new AcquireError('NOT_A_TRACE', `127.0.0.1:${port} answered ${previewBytes(firstBytes)}, not a Go execution trace (${staleHint})`),
    );
    traceSocket.write(Buffer.from([GOPS_TRACE_COMMAND]));
    probe = probeSilentAgent(port, traceSocket, () =>
      traceSocket.destroy(
        new AcquireError(
          'TRACE_ALREADY_RUNNING',
          `${agent} could not start a trace (another trace of the program is running: a /debug/pprof/trace request, go test -trace or a flight recorder; the agent printed the reason on the program's stderr)`,
        ),
      ),
    );
    const saved = await saving.catch((e: unknown) => {
      throw connectionError(e, agent, staleHint);
    });
    if (saved.truncated) {
      opts.onProgress?.(`warning: ${agent} closed the connection in the middle of the trace; kept ${saved.bytes} bytes (its complete generations are readable)`);
    }
    return saved;
  } finally {
    probe?.stop();
    socket?.destroy();
    deadline.dispose();
  }
}

/** True when a process with this id exists (EPERM: it does, but belongs to another user). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function connectLoopback(port: number, signal: AbortSignal): Promise<Socket> {
  return new Promise((resolvePromise, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const socket = connect({ host: '127.0.0.1', port });
    const abort = (): void => {
      socket.destroy(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
    socket.once('error', (e) => {
      signal.removeEventListener('abort', abort);
      reject(e);
    });
    socket.once('connect', () => {
      signal.removeEventListener('abort', abort);
      socket.removeAllListeners('error');
      resolvePromise(socket);
    });
  });
}

interface SilenceProbe {
  stop(): void;
}

/**
 * When the agent cannot start a trace (the tracer is busy), it sends nothing
 * and never closes the connection: a client would wait for its whole timeout.
 * But the agent serves connections one at a time in accept order, so if a
 * second connection asking for the Go version is answered while the trace
 * connection has still received nothing, the agent is done with the trace
 * request without tracing. While a trace runs, the probe waits behind it.
 */
function probeSilentAgent(port: number, traceSocket: Socket, onSilent: () => void): SilenceProbe {
  let probe: Socket | null = null;
  const timer = setTimeout(() => {
    if (traceSocket.bytesRead > 0 || traceSocket.destroyed) return;
    const socket = connect({ host: '127.0.0.1', port });
    probe = socket;
    let answered = 0;
    // end() sends the command and half-closes: the agent reads its byte, answers and closes.
    socket.on('connect', () => socket.end(Buffer.from([GOPS_VERSION_COMMAND])));
    socket.on('data', (chunk: Buffer) => {
      answered += chunk.length;
    });
    socket.on('end', () => {
      if (answered > 0 && traceSocket.bytesRead === 0 && !traceSocket.destroyed) onSilent();
    });
    // A failed probe only means we cannot fail early; the trace request goes on
    // and ends in its own answer or timeout, which is what gets reported.
    socket.on('error', () => {});
  }, SILENCE_PROBE_AFTER_MS);
  return {
    stop() {
      clearTimeout(timer);
      probe?.destroy();
    },
  };
}
