/** `gotrace-view --help`. Keep in sync with README.md's Usage section. */
export const USAGE = `gotrace-view: a fast viewer for Go execution traces

usage:
  gotrace-view [flags] [TRACE]          read TRACE and open the viewer (no TRACE: a bundled example)
  gotrace-view [flags] http://HOST:PORT take a trace from a program serving net/http/pprof, then open it
  gotrace-view [flags] --pid PID        take a trace from a process running the gops agent, then open it
  gotrace-view [flags] test [ARGS…]     run "go test -trace" on a package, then open the trace
  gotrace-view dump TRACE               print every event (the canonical text form)
  gotrace-view stats TRACE [--json]     event counts per kind, duration, goroutines, procs, threads
  gotrace-view goroutines TRACE [--json] [--group NAME] [--from T] [--to T]
                                        go tool trace's goroutine analysis, for the whole trace or a window
  gotrace-view pprof net|sync|syscall|sched TRACE -o FILE [--from T] [--to T]
                                        a blocking profile (gzipped pprof) for go tool pprof
  gotrace-view count TRACE              parse only and print timing/memory (benchmarks)

flags (viewer):
  --http ADDR      listen on ADDR (HOST:PORT); default 127.0.0.1 and a free port
  --no-open        do not open a browser
  --seconds N      how long to trace when taking a trace (default 5)
  --no-cpu         do not run the CPU profiler while taking an HTTP trace (no CPU samples)
  --out FILE       where to save a taken trace (default trace-<time>.out)
  --version        print the version
  --help           print this help

Times (T) are nanoseconds or Go durations: 1500000, 1.5ms, 2s.
`;
