// How gotrace-view runs node: the bin re-executes itself with these, and the
// benchmarks start the bundled server with the same, so they measure what users run.

/**
 * A 1 MiB young generation keeps peak memory near the trace size while parsing
 * (the default 16 MiB semi-spaces alone add ~40 MB of RSS) and is no slower:
 * nearly everything the reader allocates dies young. `--expose-gc` lets the
 * server collect once when the model is built (serve-command.ts), so the
 * build's garbage does not stay resident until V8 next decides to collect.
 */
export const NODE_FLAGS = ['--max-semi-space-size=1', '--expose-gc'];

/**
 * glibc otherwise raises its mmap threshold after the model builder frees its
 * large build columns, and the freed memory stays in the process (+250 MB RSS
 * on a 60 MB trace); a fixed threshold returns it to the system. At 16 KiB
 * rather than 64 KiB the small columns (per-lane pyramid levels, tables) are
 * mapped too and freed ones do not stay in glibc's heap: the server holding
 * the 68 MB bench trace went from 270–279 to 255–266 MB, its [heap] mapping
 * from 38 to 10 MB. One malloc arena instead of one per thread: 18 MB less
 * (357 → 336 MB when measured), since only the main thread allocates much.
 */
export const MALLOC_ENV = { MALLOC_MMAP_THRESHOLD_: '16384', MALLOC_ARENA_MAX: '1' };
