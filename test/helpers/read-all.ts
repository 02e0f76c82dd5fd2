import { EventDumper } from '../../server/trace/event-dump.ts';
import { openTrace } from '../../server/trace/open-trace.ts';
import { TraceError } from '../../server/trace/trace-error.ts';

export interface DumpResult {
  lines: string[];
  error: TraceError | null;
}

/** Our canonical dump of a trace (fixtures/oracle/FORMAT.md), without the error line. */
export function dumpTrace(input: string | Uint8Array): DumpResult {
  let trace;
  try {
    trace = openTrace(input);
  } catch (e) {
    if (e instanceof TraceError) return { lines: [], error: e };
    throw e;
  }
  const dumper = new EventDumper(trace);
  const lines: string[] = [];
  try {
    for (let ev = trace.events.next(); ev !== null; ev = trace.events.next()) dumper.format(ev, lines);
    return { lines, error: null };
  } catch (e) {
    if (e instanceof TraceError) return { lines, error: e };
    throw e;
  } finally {
    trace.close();
  }
}
