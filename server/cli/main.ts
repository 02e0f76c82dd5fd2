import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TraceError } from '../trace/trace-error.ts';
import { runCount } from './count-command.ts';
import { runDump } from './dump-command.ts';
import { AcquireError } from './acquire/acquire-error.ts';
import { exampleTrace, packageRoot } from './package-root.ts';
import { runStats } from './stats-command.ts';
import { USAGE } from './usage.ts';
import { isLiveTarget, parseViewerArgs, UsageError } from './viewer-args.ts';

/** Entry point of the `gotrace-view` command; resolves to the exit status (null: keep running). */
export async function main(argv: string[]): Promise<number | null> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(USAGE);
        return 0;
      case '--version':
        process.stdout.write(`gotrace-view ${version()}\n`);
        return 0;
      case 'dump':
        return runDump(requireFile(rest));
      case 'stats':
        return runStats(requireFile(rest), rest.includes('--json'));
      // The server, the model and pprof are loaded only by the commands that use them
      // (a separate chunk of the bundle): Fastify alone is 20 MB of RSS at start.
      case 'goroutines': {
        const { runGoroutines } = await import('./goroutines-command.ts');
        return runGoroutines(requireFile(rest), rest);
      }
      case 'pprof': {
        const [kind, ...more] = rest;
        const { runPprof } = await import('./pprof-command.ts');
        return runPprof(kind, requireFile(more.filter((_, i) => !['-o', '--out', '--from', '--to'].includes(more[i - 1] ?? ''))), more);
      }
      case 'count':
        return runCount(requireFile(rest));
    }
    const args = parseViewerArgs(argv);
    // Taking a trace loads http, child_process, crypto … (20 ms): only when a trace is taken.
    const take = async (mode: 'http' | 'gops' | 'test') => (await import('./take-trace.ts')).takeTrace(args, mode);
    let file: string;
    if (args.target === 'test') {
      file = await take('test');
    } else if (args.pid !== undefined) {
      file = await take('gops');
    } else if (args.target !== undefined && isLiveTarget(args.target) && !existsSync(args.target)) {
      file = await take('http');
    } else {
      file = args.target ?? exampleTrace();
      if (args.target === undefined) process.stderr.write(`no trace given: opening the bundled example ${file}\n`);
    }
    const { serve } = await import('./serve-command.ts');
    await serve({ file, http: args.http, open: args.open });
    return null;
  } catch (e) {
    if (e instanceof TraceError) {
      process.stderr.write(`${e.format()}\n`);
      return 1;
    }
    if (e instanceof AcquireError) {
      process.stderr.write(`gotrace-view: ${e.message}\n`);
      return 1;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`gotrace-view: ${e.message}\n`);
      return 2;
    }
    if (e instanceof Error && /EADDRINUSE|EACCES|EADDRNOTAVAIL/.test(e.message)) {
      process.stderr.write(`gotrace-view: cannot listen: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function requireFile(args: string[]): string {
  const f = args.find((a) => !a.startsWith('-'));
  if (!f) throw new UsageError('missing TRACE argument (see --help)');
  return f;
}
