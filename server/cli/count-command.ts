import { EventKind, ResourceKind } from '../trace/event-kinds.ts';
import { openTrace } from '../trace/open-trace.ts';

/**
 * `gotrace-view count TRACE`: parse only, for benchmarks: the counterpart of
 * the Go oracle's `count` (fixtures/oracle/count.go), with the same loop: it
 * reads every event, touching its kind and, for state transitions, the
 * resource's kind, and prints events, transitions, time and peak memory.
 * (It summed the transitions' resource ids until that sum passed the small
 * integers and V8 boxed it on every transition: 75 MB of garbage of the
 * benchmark's own, for the bench trace's 4.7 M transitions.)
 */
export function runCount(file: string): number {
  const start = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const trace = openTrace(file);
  let events = 0;
  let transitions = 0;
  try {
    for (let ev = trace.events.next(); ev !== null; ev = trace.events.next()) {
      events++;
      if (ev.kind === EventKind.StateTransition && ev.resourceKind !== ResourceKind.None) transitions++;
    }
  } finally {
    trace.close();
  }
  const elapsedNs = Number(process.hrtime.bigint() - start);
  const cpu = process.cpuUsage(cpu0);
  const cpuNs = (cpu.user + cpu.system) * 1000;
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ events, transitions, elapsedNs, cpuNs, maxRssBytes }) + '\n');
  return 0;
}
