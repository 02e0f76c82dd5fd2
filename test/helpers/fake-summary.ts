import type { TraceSummary } from '../../shared/api.ts';

/** A trace summary for web-state tests that fake the API: one goroutine of main.main over 1 ms, unless `over` says otherwise. */
export function fakeSummary(over: Partial<TraceSummary> = {}): TraceSummary {
  return {
    file: 't.trace',
    version: 'go 1.26',
    fileBytes: 1,
    durationNs: 1_000_000,
    eventCount: 1,
    generations: 1,
    goroutineCount: 1,
    procCount: 1,
    threadCount: 1,
    lanes: [],
    groups: [{ name: 'main.main', count: 1, execNs: 1 }],
    reasons: [],
    warnings: [],
    ...over,
  };
}
