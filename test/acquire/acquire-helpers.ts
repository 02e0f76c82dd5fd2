import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isAcquireError, type AcquireError } from '../../server/cli/acquire/acquire-error.ts';
import { CLI_BUNDLE, REPO } from '../helpers/paths.ts';

/** The Go module with the acquisition tests' target programs (its own go.mod; gops pinned in go.sum). */
export const ACQUIRE_FIXTURES = join(REPO, 'fixtures/acquire');

/** `go build -o OUT_DIR/NAME ./NAME` in fixtures/acquire; the first build of gops-agent fetches gops through the module proxy. */
export async function buildAcquireProgram(name: 'pprof-server' | 'gops-agent', outDir: string): Promise<string> {
  const bin = join(outDir, name);
  await promisify(execFile)('go', ['build', '-o', bin, `./${name}`], { cwd: ACQUIRE_FIXTURES });
  return bin;
}

export interface RunningProgram {
  child: ChildProcess;
  pid: number;
  /** The first line the program printed on stdout. */
  firstLine: string;
  /** Everything it printed on stderr so far (for failure messages). */
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts `bin` and waits for its first stdout line (an address, or "ready"). */
export function startProgram(bin: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<RunningProgram> {
  const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${bin} printed no line within 10 s; stderr: ${stderr}`));
    }, 10_000);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`${bin} exited (${code}) before printing a line; stderr: ${stderr}`)));
    child.stdout!.setEncoding('utf8').on('data', (t: string) => {
      out += t;
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      resolve({ child, pid: child.pid!, firstLine: out.slice(0, nl).trim(), stderr: () => stderr, stop });
    });
  });
}

/** `gotrace-view stats FILE --json` through the built CLI: the viewer's own reading of an acquired trace. */
export function traceStats(file: string): { version: string; durationNs: number; goroutines: number; kinds: Record<string, number> } {
  const r = spawnSync(process.execPath, [CLI_BUNDLE, 'stats', file, '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`stats ${file} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** The first 5 bytes of a file as text: "go 1." for a trace. */
export function fileStart(file: string): string {
  return readFileSync(file).subarray(0, 5).toString('latin1');
}

/** The names in a directory: after a failure it must hold no partial file. */
export function namesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}

export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Awaits a promise that must reject with an AcquireError, and returns that error. */
export async function acquireFailure(p: Promise<unknown>): Promise<AcquireError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isAcquireError(e)) throw new Error(`expected an AcquireError, got ${e === null ? 'success' : String(e)}`);
  return e;
}

/** A fresh empty directory, so that "no partial file is left behind" can be checked. */
export function freshDir(prefix = 'gtv-acquire-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
