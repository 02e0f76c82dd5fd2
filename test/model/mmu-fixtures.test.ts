import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeMmuPlot } from '../../server/model/mmu/mmu-plot.ts';
import { parseMmuFlags } from '../../server/model/mmu/util-flags.ts';
import { FIXTURE_TRACES, REPO } from '../helpers/paths.ts';

/**
 * Our /mmu plot against what go tool trace (Go 1.26.8) returned for every
 * default fixture, captured by scripts/capture-go-tool-trace.mjs with the
 * page's default flags: equal to the last bit. Where the tool panicked (old
 * traces that never report GOMAXPROCS) we must have no plot.
 */

const EXPECTED = join(REPO, 'fixtures/expected');

interface IndexEntry {
  status: string;
  files?: string[];
  skipped?: Record<string, string>;
}

const index = JSON.parse(readFileSync(join(EXPECTED, 'index.json'), 'utf8')) as { fixtures: Record<string, IndexEntry> };
const withPlot = Object.keys(index.fixtures).filter((f) => index.fixtures[f].files?.includes('mmu.json'));
const panicked = Object.keys(index.fixtures).filter((f) => /panicked: runtime error: index out of range \[0\] with length 0/.test(index.fixtures[f].skipped?.['mmu.json'] ?? ''));

describe('/mmu plot equals the captured go tool trace output', () => {
  it('covers the go1.22+ fixtures and the old ones where the tool panics', () => {
    expect(withPlot.length).toBeGreaterThanOrEqual(45);
    expect(panicked.length).toBeGreaterThanOrEqual(5);
  });

  it.each(withPlot)('%s', (fixture) => {
    const go = JSON.parse(readFileSync(join(EXPECTED, fixture, 'mmu.json'), 'utf8')) as { flags: string; xMin: number; xMax: number; quantiles: null; curve: number[][] };
    const plot = computeMmuPlot(join(FIXTURE_TRACES, `${fixture}.trace`), parseMmuFlags(go.flags));
    expect(plot).not.toBeNull();
    expect({ xMin: plot!.xMinNs, xMax: plot!.xMaxNs, quantiles: plot!.quantiles, curve: plot!.curve }).toEqual({
      xMin: go.xMin,
      xMax: go.xMax,
      quantiles: go.quantiles,
      curve: go.curve,
    });
  });

  it.each(panicked)('%s: no GOMAXPROCS metric, no plot', (fixture) => {
    expect(computeMmuPlot(join(FIXTURE_TRACES, `${fixture}.trace`), parseMmuFlags('system|stw|background|assist'))).toBeNull();
  });
});
