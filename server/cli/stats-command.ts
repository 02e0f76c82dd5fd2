import { openTrace } from '../trace/open-trace.ts';
import { computeStats } from '../trace/trace-stats.ts';

/** `gotrace-view stats TRACE [--json]`: counts per event kind, duration, resources. */
export function runStats(file: string, json: boolean): number {
  const trace = openTrace(file);
  try {
    const stats = computeStats(trace);
    if (json) {
      process.stdout.write(JSON.stringify(stats, null, 2) + '\n');
    } else {
      const lines = [
        `file        ${file}`,
        `version     ${stats.version}`,
        `events      ${stats.events}`,
        `duration    ${(stats.durationNs / 1e6).toFixed(3)} ms`,
        `goroutines  ${stats.goroutines}`,
        `procs       ${stats.procs}`,
        `threads     ${stats.threads}`,
        `generations ${stats.generations}`,
        'kinds:',
        ...Object.entries(stats.kinds).map(([k, n]) => `  ${k.padEnd(16)} ${n}`),
      ];
      process.stdout.write(lines.join('\n') + '\n');
    }
    if (stats.error) {
      process.stderr.write(`${stats.error}\n`);
      if (stats.salvage && stats.salvage.keptGenerations > 0) process.stderr.write(`warning: ${stats.salvage.message}\n`);
      return 1;
    }
    return 0;
  } finally {
    trace.close();
  }
}
