import { describe, expect, it } from 'vitest';
import { openTrace } from '../../server/trace/open-trace.ts';
import { TraceError } from '../../server/trace/trace-error.ts';
import { computeStats } from '../../server/trace/trace-stats.ts';
import { corpusEntries } from '../helpers/corpus.ts';
import { CORPUS, CORPUS_AVAILABLE, IN_CI } from '../helpers/paths.ts';

describe('the shared corpus', () => {
  it('is present, or its tests say plainly that they were skipped', () => {
    if (!CORPUS_AVAILABLE) {
      // A fresh clone has no ../shared; CI must have it.
      console.warn(`corpus tests SKIPPED: no corpus at ${CORPUS} (set GOTRACE_CORPUS to point at one)`);
      expect(IN_CI, `CI=true but the trace corpus is missing at ${CORPUS}`).toBe(false);
    }
  });
});

const entries = corpusEntries();

describe.skipIf(!CORPUS_AVAILABLE)('stats equal EXPECTED.tsv (Go reader verdict) for every corpus file', () => {
  it.each(entries.map((e) => [e.file, e] as const))('%s', (_, e) => {
    let events = 0;
    let kinds: Record<string, number> = {};
    let error: TraceError | null = null;
    try {
      const trace = openTrace(e.path);
      const stats = computeStats(trace);
      trace.close();
      events = stats.events;
      kinds = stats.kinds;
      if (stats.error) error = new TraceError(stats.errorCode as never, 0, stats.error);
    } catch (err) {
      if (!(err instanceof TraceError)) throw err;
      error = err;
    }
    expect(events).toBe(e.events);
    if (e.ok) {
      expect(error?.message ?? null).toBeNull();
      expect(kinds).toEqual(e.kinds);
    } else {
      expect(error, `Go fails with "${e.goError}"`).not.toBeNull();
    }
  });
});
