import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTrace } from '../../server/trace/open-trace.ts';
import { computeStats } from '../../server/trace/trace-stats.ts';
import { oracleStats } from '../helpers/oracle.ts';
import { FIXTURE_TRACES } from '../helpers/paths.ts';

const fixtures = readdirSync(FIXTURE_TRACES).filter((f) => f.endsWith('.trace')).sort();

describe('`stats` equals the oracle: version, counts per kind, duration, goroutines, procs, threads, generations', () => {
  it.each(fixtures)('%s', (f) => {
    const path = join(FIXTURE_TRACES, f);
    const t = openTrace(path);
    const ours = computeStats(t);
    t.close();
    const go = oracleStats(path);
    expect(ours.error).toBeUndefined();
    expect({ ...ours, kinds: sortKeys(ours.kinds) }).toEqual({ ...go, kinds: sortKeys(go.kinds as Record<string, number>) });
  });
});

function sortKeys(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}
