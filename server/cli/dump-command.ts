import { writeSync } from 'node:fs';
import { EventDumper } from '../trace/event-dump.ts';
import { openTrace } from '../trace/open-trace.ts';
import { TraceError } from '../trace/trace-error.ts';

/** `gotrace-view dump TRACE`: every event in the canonical text form (fixtures/oracle/FORMAT.md). */
export function runDump(file: string): number {
  const trace = openTrace(file);
  const dumper = new EventDumper(trace);
  let lines: string[] = [];
  let size = 0;
  const flush = () => {
    if (lines.length) writeAll(lines.join('\n') + '\n');
    lines = [];
    size = 0;
  };
  try {
    for (let ev = trace.events.next(); ev !== null; ev = trace.events.next()) {
      dumper.format(ev, lines);
      if (++size >= 4096) flush();
    }
    flush();
    return 0;
  } catch (e) {
    flush();
    if (!(e instanceof TraceError)) throw e;
    e.file = file;
    writeAll(`error: ${e.format()}\n`);
    return 1;
  } finally {
    trace.close();
  }
}

function writeAll(text: string): void {
  const buf = Buffer.from(text);
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(1, buf, off);
    } catch (e) {
      // stdout is a non-blocking pipe: retry until the reader catches up.
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
    }
  }
}
