// The trace-acquisition library the gotrace-view command calls: take a trace
// from a live program (net/http/pprof, gops) or from `go test`.
export { AcquireError, isAcquireError, type AcquireErrorCode } from './acquire-error.ts';
export { defaultTraceFileName } from './default-trace-file-name.ts';
export { takeHttpTrace, HTTP_TIMEOUT_MARGIN_SECONDS, type HttpTraceOptions } from './take-http-trace.ts';
export { takeGopsTrace, GOPS_TRACE_SECONDS, type GopsTraceOptions } from './take-gops-trace.ts';
export { runGoTestTrace, type GoTestTrace, type GoTestTraceOptions } from './run-go-test-trace.ts';
export type { SavedTrace } from './save-trace-stream.ts';
