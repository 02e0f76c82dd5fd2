import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeRegions, analyzeTasks } from '../../server/model/user-annotations.ts';
import { fixtureModel } from '../helpers/model-cache.ts';
import { REPO } from '../helpers/paths.ts';

const EXPECTED = join(REPO, 'fixtures/expected');
type Bucket = { minNs: number; count: number };
const nonEmpty = (h: Bucket[]) => h.filter((b) => b.count > 0).map((b) => [b.minNs, b.count]);

// Fixtures whose go tool trace task/region pages list something.
const fixtures = readdirSync(EXPECTED).filter((d) => {
  const f = join(EXPECTED, d, 'tasks.json');
  return existsSync(f) && (JSON.parse(readFileSync(f, 'utf8')) as { tasks: unknown[] }).tasks.length > 0;
});

describe('user tasks and regions equal go tool trace /usertasks and /userregions (Go 1.26)', () => {
  it('has annotated fixtures of every format', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(6);
  });

  it.each(fixtures)('%s tasks: count, complete count, duration histogram', (fixture) => {
    const go = (JSON.parse(readFileSync(join(EXPECTED, fixture, 'tasks.json'), 'utf8')) as { tasks: { type: string; count: number; completeCount: number; histogram: Bucket[] }[] }).tasks;
    const ours = analyzeTasks(fixtureModel(`${fixture}.trace`));
    expect(ours.map((t) => t.type).sort()).toEqual(go.map((t) => t.type).sort());
    for (const t of go) {
      const o = ours.find((x) => x.type === t.type)!;
      expect(o.count, t.type).toBe(t.count);
      expect(o.complete, t.type).toBe(t.completeCount);
      expect(o.histogram, t.type).toEqual(nonEmpty(t.histogram));
    }
  });

  it.each(fixtures)('%s regions: count and duration histogram per type', (fixture) => {
    const go = (JSON.parse(readFileSync(join(EXPECTED, fixture, 'regions.json'), 'utf8')) as { regions: { type: string; count: number; histogram: Bucket[] }[] }).regions;
    // go tool trace splits a type by start location; sum those.
    const byType = new Map<string, { count: number; buckets: Map<number, number> }>();
    for (const r of go) {
      const e = byType.get(r.type) ?? { count: 0, buckets: new Map() };
      e.count += r.count;
      for (const b of r.histogram) if (b.count > 0) e.buckets.set(b.minNs, (e.buckets.get(b.minNs) ?? 0) + b.count);
      byType.set(r.type, e);
    }
    const ours = analyzeRegions(fixtureModel(`${fixture}.trace`));
    expect(ours.map((r) => r.type).sort()).toEqual([...byType.keys()].sort());
    for (const [type, e] of byType) {
      const o = ours.find((x) => x.type === type)!;
      expect(o.count, type).toBe(e.count);
      expect(o.histogram, type).toEqual([...e.buckets.entries()].sort((a, b) => a[0] - b[0]));
    }
  });
});
