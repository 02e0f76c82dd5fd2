import { EventKind } from '../trace/event-kinds.ts';
import { openTrace } from '../trace/open-trace.ts';

/**
 * `gotrace-view count TRACE`: parse only, for benchmarks (the counterpart of
 * the Go oracle's `count`): reads every event, touching its kind and, for
 * state transitions, its resource, and prints events, time and peak memory.
 */
export function runCount(file: string): number {
  const start = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const trace = openTrace(file);
  let events = 0;
  let transitions = 0;
  let check = 0;
  try {
    for (let ev = trace.events.next(); ev !== null; ev = trace.events.next()) {
      events++;
      if (ev.kind === EventKind.StateTransition) {
        transitions++;
        check += ev.resourceId;
      }
    }
  } finally {
    trace.close();
  }
  const elapsedNs = Number(process.hrtime.bigint() - start);
  const cpu = process.cpuUsage(cpu0);
  const cpuNs = (cpu.user + cpu.system) * 1000;
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ events, transitions, elapsedNs, cpuNs, maxRssBytes, check: check % 1000 }) + '\n');
  return 0;
}
