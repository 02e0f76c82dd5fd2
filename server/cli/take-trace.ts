import { AcquireError } from './acquire/acquire-error.ts';
import { defaultTraceFileName } from './acquire/default-trace-file-name.ts';
import { runGoTestTrace } from './acquire/run-go-test-trace.ts';
import { takeGopsTrace } from './acquire/take-gops-trace.ts';
import { takeHttpTrace } from './acquire/take-http-trace.ts';
import type { ViewerArgs } from './viewer-args.ts';

const say = (msg: string) => process.stderr.write(`${msg}\n`);

/**
 * Takes a trace the ways the Go docs teach: from /debug/pprof/trace (with a
 * CPU profile alongside so the trace carries samples), from a gops agent, or
 * by running `go test -trace`. Returns the saved file's path.
 */
export async function takeTrace(args: ViewerArgs, mode: 'http' | 'gops' | 'test'): Promise<string> {
  const outPath = args.out ?? defaultTraceFileName(new Date());
  const abort = new AbortController();
  const onInt = () => abort.abort();
  process.once('SIGINT', onInt);
  try {
    if (mode === 'http') {
      say(`taking a ${args.seconds} s trace from ${args.target}${args.cpu ? ' (with a CPU profile)' : ''} ...`);
      const r = await takeHttpTrace({ url: args.target!, seconds: args.seconds, cpuProfile: args.cpu, outPath, onProgress: say, signal: abort.signal });
      say(`saved ${r.path} (${r.bytes} bytes)${r.truncated ? ' — the server cut the stream short' : ''}`);
      return r.path;
    }
    if (mode === 'gops') {
      say(`taking a trace from process ${args.pid} through its gops agent (5 s) ...`);
      const r = await takeGopsTrace({ pid: args.pid!, outPath, onProgress: say, signal: abort.signal });
      say(`saved ${r.path} (${r.bytes} bytes)`);
      return r.path;
    }
    say(`running go test -trace=${outPath} ${args.rest.join(' ')}`);
    const r = await runGoTestTrace({ goTestArgs: args.rest, cwd: process.cwd(), outPath, onProgress: say, signal: abort.signal });
    if (r.testsFailed) say('warning: tests failed; opening the trace anyway');
    return r.path;
  } finally {
    process.off('SIGINT', onInt);
  }
}

export { AcquireError };
