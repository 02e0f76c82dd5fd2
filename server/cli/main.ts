import { runDump } from './dump-command.ts';
import { runStats } from './stats-command.ts';
import { runCount } from './count-command.ts';
import { runGoroutines } from './goroutines-command.ts';
import { runPprof } from './pprof-command.ts';
import { TraceError } from '../trace/trace-error.ts';

/** Entry point of the `gotrace-view` command. */
export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'dump':
        return runDump(requireFile(rest));
      case 'goroutines':
        return runGoroutines(requireFile(rest), rest);
      case 'pprof': {
        const [kind, ...more] = rest;
        return runPprof(kind, requireFile(more.filter((a, i) => !['-o', '--out', '--from', '--to'].includes(more[i - 1] ?? ''))), more);
      }
      case 'count':
        return runCount(requireFile(rest));
      case 'stats':
        return runStats(requireFile(rest), rest.includes('--json'));
      default:
        process.stderr.write(`usage: gotrace-view dump|stats TRACE\n`);
        return 2;
    }
  } catch (e) {
    if (e instanceof TraceError) {
      process.stderr.write(`${e.format()}\n`);
      return 1;
    }
    throw e;
  }
}

function requireFile(args: string[]): string {
  const f = args.find((a) => !a.startsWith('-'));
  if (!f) throw new Error('missing TRACE argument');
  return f;
}
