import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTrace } from '../../server/trace/open-trace.ts';
import { computeStats } from '../../server/trace/trace-stats.ts';
import { FIXTURE_TRACES } from '../helpers/paths.ts';

/** Stats of the first `bytes` bytes of a fixture. */
function statsOfPrefix(name: string, keep: (size: number) => number) {
  const full = new Uint8Array(readFileSync(join(FIXTURE_TRACES, name)));
  const cut = full.slice(0, keep(full.length));
  const t = openTrace(cut);
  const s = computeStats(t);
  const complete = computeStats(openTrace(full));
  return { s, complete, size: cut.length };
}

describe('a truncated trace keeps every complete generation and says what was lost', () => {
  // chansel runs a little over a second, so its traces have two generations.
  it.each(['chansel-go1.22.trace', 'chansel-go1.25.trace', 'chansel-go1.26.trace'])('%s cut 3000 bytes short', (name) => {
    const { s, complete, size } = statsOfPrefix(name, (n) => n - 3000);
    expect(complete.generations).toBe(2);
    expect(s.error).toBeDefined();
    const salvage = s.salvage!;
    expect(salvage.keptGenerations).toBe(1);
    expect(salvage.validBytes).toBeGreaterThan(16);
    expect(salvage.validBytes).toBeLessThan(size);
    expect(salvage.lostBytes).toBe(size - salvage.validBytes);
    expect(salvage.message).toMatch(/kept 1 complete generation .* lost .*% of the file/);
    // Everything up to the kept Sync is the same as in the complete trace: the first generation is intact.
    expect(s.events).toBeGreaterThan(complete.events / 2);
  });

  it('a trace cut inside its only generation keeps nothing and says so', () => {
    const { s } = statsOfPrefix('mutex-go1.26.trace', (n) => Math.floor(n / 2));
    expect(s.salvage?.keptGenerations).toBe(0);
    expect(s.salvage?.message).toMatch(/no complete generation before the damage at offset 0x[0-9a-f]+/);
  });

  it('an old-format trace cut short fails cleanly (its tables are at the end)', () => {
    const { s } = statsOfPrefix('mutex-go1.21.trace', (n) => Math.floor(n / 2));
    expect(s.events).toBe(0);
    expect(s.errorCode).toMatch(/TRUNCATED|BAD_VARINT|BAD_TABLE|BAD_EVENT/);
  });
});
