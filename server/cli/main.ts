import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TraceError } from '../trace/trace-error.ts';
import { runCount } from './count-command.ts';
import { runDump } from './dump-command.ts';
import { runGoroutines } from './goroutines-command.ts';
import { runPprof } from './pprof-command.ts';
import { exampleTrace, packageRoot, serve } from './serve-command.ts';
import { runStats } from './stats-command.ts';
import { USAGE } from './usage.ts';

/** Flags of the viewer command, parsed from argv. */
export interface ViewerArgs {
  target?: string;
  http?: string;
  open: boolean;
  pid?: number;
  seconds: number;
  cpu: boolean;
  out?: string;
  rest: string[];
}

export function parseViewerArgs(argv: string[]): ViewerArgs {
  const a: ViewerArgs = { open: true, seconds: 5, cpu: true, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? (arg.split('=', 2) as [string, string | undefined]) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--http':
        a.http = value();
        break;
      case '--no-open':
        a.open = false;
        break;
      case '--pid':
        a.pid = Number(value());
        if (!Number.isInteger(a.pid) || a.pid <= 0) throw new UsageError(`--pid wants a process id, got "${inline ?? argv[i]}"`);
        break;
      case '--seconds':
        a.seconds = Number(value());
        if (!(a.seconds > 0)) throw new UsageError(`--seconds wants a positive number`);
        break;
      case '--no-cpu':
        a.cpu = false;
        break;
      case '--out':
        a.out = value();
        break;
      default:
        if (arg.startsWith('--')) throw new UsageError(`unknown flag ${arg} (see --help)`);
        if (a.target === undefined) a.target = arg;
        else a.rest.push(arg);
    }
  }
  return a;
}

export class UsageError extends Error {}

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
      case 'goroutines':
        return runGoroutines(requireFile(rest), rest);
      case 'pprof': {
        const [kind, ...more] = rest;
        return runPprof(kind, requireFile(more.filter((_, i) => !['-o', '--out', '--from', '--to'].includes(more[i - 1] ?? ''))), more);
      }
      case 'count':
        return runCount(requireFile(rest));
    }
    const args = parseViewerArgs(argv);
    const file = args.target ?? exampleTrace();
    if (args.target === undefined) process.stderr.write(`no trace given: opening the bundled example ${file}\n`);
    await serve({ file, http: args.http, open: args.open });
    return null;
  } catch (e) {
    if (e instanceof TraceError) {
      process.stderr.write(`${e.format()}\n`);
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
