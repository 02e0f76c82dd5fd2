import { AcquireError } from './acquire-error.ts';

/**
 * `go test` flags (build flags and test flags, with or without the `test.`
 * prefix) that take a value as the next argument when written without `=`.
 * Every other flag is treated as a boolean. Needed to tell a flag's value
 * (`-run TestX`) from a package argument (`./pkg`).
 */
const VALUE_FLAGS = new Set([
  // build flags
  'C', 'asmflags', 'buildmode', 'compiler', 'covermode', 'coverpkg', 'exec', 'gccgoflags', 'gcflags', 'installsuffix',
  'ldflags', 'mod', 'modfile', 'o', 'overlay', 'p', 'pgo', 'pkgdir', 'tags', 'toolexec', 'vet', 'outputdir',
  // test flags
  'bench', 'benchtime', 'blockprofile', 'blockprofilerate', 'count', 'coverprofile', 'cpu', 'cpuprofile', 'fuzz',
  'fuzzcachedir', 'fuzzminimizetime', 'fuzztime', 'list', 'memprofile', 'memprofilerate', 'mutexprofile',
  'mutexprofilefraction', 'parallel', 'run', 'shuffle', 'skip', 'testlogfile', 'timeout', 'trace',
]);

interface ParsedGoTestArgs {
  /** Flag names as given, without dashes, `test.` prefix or value. */
  flags: string[];
  /** Package arguments (paths or patterns), before any `-args`. */
  packages: string[];
}

/** Splits `go test` arguments into flag names and package arguments; everything after `-args` goes to the test binary. */
export function parseGoTestArgs(args: readonly string[]): ParsedGoTestArgs {
  const flags: string[] = [];
  const packages: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-args' || arg === '--args') break;
    if (!arg.startsWith('-') || arg === '-') {
      packages.push(arg);
      continue;
    }
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = (eq >= 0 ? body.slice(0, eq) : body).replace(/^test\./, '');
    flags.push(name);
    if (eq < 0 && VALUE_FLAGS.has(name)) i++;
  }
  return { flags, packages };
}

/**
 * Rejects arguments with which `go test -trace` cannot produce one trace, with
 * a message saying what to do instead. A pattern such as `./...` may still
 * match several packages: go itself reports that, and the caller maps it.
 */
export function checkGoTestTraceArgs(args: readonly string[]): void {
  const { flags, packages } = parseGoTestArgs(args);
  if (packages.length > 1) {
    throw new AcquireError(
      'BAD_ARGS',
      `go test -trace needs a single package, but got ${packages.length}: ${packages.join(' ')} (trace one package at a time)`,
    );
  }
  if (flags.includes('trace')) throw new AcquireError('BAD_ARGS', 'do not pass -trace among the go test arguments (the trace goes to the output file)');
  if (flags.includes('c')) throw new AcquireError('BAD_ARGS', 'go test -c only compiles the test binary: it runs no test and writes no trace (drop -c)');
  if (flags.includes('fuzz')) throw new AcquireError('BAD_ARGS', 'go test cannot trace while fuzzing (drop -fuzz; the seed corpus runs as ordinary tests)');
}

/** Maps go's own refusal of `-trace` (`cannot use -trace flag with …`) to BAD_ARGS; null when `goOutput` has none. */
export function goTraceFlagRefusal(goOutput: string, args: readonly string[]): AcquireError | null {
  const line = goOutput.split(/\r?\n/).find((l) => l.startsWith('cannot use -trace flag with'));
  if (line === undefined) return null;
  if (line.includes('multiple packages')) {
    const { packages } = parseGoTestArgs(args);
    return new AcquireError('BAD_ARGS', `go test -trace needs a single package, but ${packages.join(' ') || 'the arguments'} matched several (name one package)`);
  }
  return new AcquireError('BAD_ARGS', `go test refused the trace: "${line.trim()}"`);
}
