import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyzeGoroutines } from '../../server/model/goroutine-analysis.ts';
import { fixtureModel } from '../helpers/model-cache.ts';
import { REPO } from '../helpers/paths.ts';

/** go tool trace's goroutine pages for a fixture, captured by scripts/capture-go-tool-trace.mjs (Go 1.26.8). */
interface Expected {
  groups: { name: string; count: number; execNs: number }[];
  goroutines: { id: number; group: string; totalNs: number; execNs: number; schedWaitNs: number; syscallNs: number; blockNs: Record<string, number>; unknownNs: number; rangeNs: Record<string, number> }[];
}

const EXPECTED = join(REPO, 'fixtures/expected');
function expected(fixture: string): Expected {
  const base = join(EXPECTED, fixture.replace(/\.trace$/, ''));
  const gz = join(base, 'goroutines.json.gz');
  const text = existsSync(gz) ? gunzipSync(readFileSync(gz)).toString() : readFileSync(join(base, 'goroutines.json'), 'utf8');
  return JSON.parse(text) as Expected;
}

/** The tolerance: within 0.1 % or 1 µs. */
function close(ours: number, go: number): boolean {
  return Math.abs(ours - go) <= Math.max(1000, Math.abs(go) * 0.001);
}

const fixtures = readdirSync(EXPECTED).filter((d) => existsSync(join(EXPECTED, d, 'goroutines.json')) || existsSync(join(EXPECTED, d, 'goroutines.json.gz')));

describe('goroutine analysis equals go tool trace (Go 1.26) on every goroutine, column by column', () => {
  it('covers every Go version and several programs', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    for (const v of ['1.19', '1.21', '1.22', '1.23', '1.25', '1.26']) expect(fixtures.some((f) => f.endsWith(`-go${v}`))).toBe(true);
  });

  it.each(fixtures)('%s', (fixture) => {
    const go = expected(fixture);
    const a = analyzeGoroutines(fixtureModel(`${fixture}.trace`));
    // Groups: same start functions, counts and execution time.
    expect(a.groups.map((g) => g.name).sort()).toEqual(go.groups.map((g) => g.name).sort());
    for (const gg of go.groups) {
      const ours = a.groups.find((g) => g.name === gg.name)!;
      expect(ours.count, gg.name).toBe(gg.count);
      expect(close(ours.execNs, gg.execNs), `${gg.name} exec ${ours.execNs} vs ${gg.execNs}`).toBe(true);
    }
    const byId = new Map(a.goroutines.map((g) => [g.id, g]));
    expect(byId.size).toBe(go.goroutines.length);
    const bad: string[] = [];
    for (const gg of go.goroutines) {
      const g = byId.get(gg.id);
      if (!g) {
        bad.push(`goroutine ${gg.id} missing`);
        continue;
      }
      const check = (what: string, ours: number, want: number) => {
        if (!close(ours, want)) bad.push(`g${gg.id} ${what}: ours ${ours}, go ${want}`);
      };
      if (g.group !== gg.group) bad.push(`g${gg.id} group: ours "${g.group}", go "${gg.group}"`);
      check('total', g.totalNs, gg.totalNs);
      check('exec', g.execNs, gg.execNs);
      check('sched wait', g.schedWaitNs, gg.schedWaitNs);
      check('syscall', g.syscallNs, gg.syscallNs);
      check('unknown', g.unknownNs, gg.unknownNs);
      for (const [reason, want] of Object.entries(gg.blockNs)) check(`block (${reason})`, g.blockNs[reason] ?? 0, want);
      for (const [reason, ours] of Object.entries(g.blockNs)) if (!(reason in gg.blockNs) && ours > 1000) bad.push(`g${gg.id} block (${reason}): ours ${ours}, go has no such column`);
      for (const [name, want] of Object.entries(gg.rangeNs)) check(`range ${name}`, g.rangeNs[name] ?? 0, want);
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });
});

describe('goroutine analysis over a time window', () => {
  it('execution time of the two halves adds up to the whole', () => {
    const m = fixtureModel('chansel-go1.26.trace');
    const mid = Math.floor(m.endNs / 2);
    const whole = analyzeGoroutines(m);
    const a = analyzeGoroutines(m, 0, mid);
    const b = analyzeGoroutines(m, mid, m.endNs);
    const sum = (x: typeof whole, k: 'execNs' | 'schedWaitNs') => x.goroutines.reduce((n, g) => n + g[k], 0);
    expect(sum(a, 'execNs') + sum(b, 'execNs')).toBe(sum(whole, 'execNs'));
    expect(sum(a, 'schedWaitNs') + sum(b, 'schedWaitNs')).toBe(sum(whole, 'schedWaitNs'));
    expect(sum(a, 'execNs')).toBeGreaterThan(0);
    expect(sum(b, 'execNs')).toBeGreaterThan(0);
  });

  it('a window holds only goroutines alive in it, each within the window length', () => {
    const m = fixtureModel('gcheavy-go1.26.trace');
    const from = Math.floor(m.endNs * 0.4);
    const to = Math.floor(m.endNs * 0.5);
    const a = analyzeGoroutines(m, from, to);
    expect(a.goroutines.length).toBeLessThan(analyzeGoroutines(m).goroutines.length);
    for (const g of a.goroutines) expect(g.totalNs).toBeLessThanOrEqual(to - from);
  });
});
