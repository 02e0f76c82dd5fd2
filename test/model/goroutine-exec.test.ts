import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goroutineStats } from '../../server/model/goroutine-stats.ts';
import { fixtureModel } from '../helpers/model-cache.ts';
import { FIXTURE_TRACES } from '../helpers/paths.ts';

/**
 * The goroutine table's execution times (replayed from the log when the model
 * is finished; the server sorts the goroutine groups by them) are
 * goroutineStats' execution time alone: both must agree exactly, for every
 * goroutine of every fixture of every format.
 */
const traces = readdirSync(FIXTURE_TRACES).filter((f) => f.endsWith('.trace'));

describe('GoroutineTable.execNs', () => {
  it('the fixtures cover every format', () => {
    expect(traces.length).toBeGreaterThan(60);
  });

  for (const file of traces) {
    it(`${file}: equals goroutineStats(…).execNs for every goroutine`, () => {
      const m = fixtureModel(file);
      const diff: string[] = [];
      let withExec = 0;
      for (let g = 0; g < m.goroutines.count; g++) {
        const want = goroutineStats(m, g, 0, m.endNs, false).execNs;
        const got = m.goroutines.execNs(g);
        if (got !== want) diff.push(`G${m.goroutines.id(g)}: ${got} != ${want}`);
        if (want > 0) withExec++;
      }
      expect(diff.slice(0, 5)).toEqual([]);
      expect(withExec).toBeGreaterThan(0);
    });
  }
});
