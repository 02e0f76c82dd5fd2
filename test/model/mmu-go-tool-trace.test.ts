import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MmuCurve } from '../../server/model/mmu/mmu-curve.ts';
import { mmuPlot, readMutatorUtil } from '../../server/model/mmu/mmu-plot.ts';
import type { UtilSeries } from '../../server/model/mmu/mutator-util.ts';
import { parseMmuFlags } from '../../server/model/mmu/util-flags.ts';
import { FIXTURE_TRACES } from '../helpers/paths.ts';

/**
 * Our /mmu numbers against a live `go tool trace` (the local toolchain,
 * Go 1.26) on the same files: the plot JSON for the page's default flags and
 * for the percentile, sweep and per-goroutine variants, and the worst windows
 * of mode=details. Everything must be equal to the last bit: the port does
 * Go's float operations in Go's order (and uses Go's Log/Exp for the windows).
 */

/** The /mmu page's checkbox combinations under test (`flags` query values). */
const VARIANTS = [
  'system|stw|background|assist', // the page's defaults
  'system|stw|background|assist|mut', // + Show percentiles
  'system|stw|background|assist|sweep',
  'perProc|stw|background|assist', // Per-goroutine view
  'perProc|stw|background|assist|sweep|mut',
];
/** Variants whose worst windows are compared too, at 5 of the plotted window sizes. */
const DETAIL_VARIANTS = [VARIANTS[0], VARIANTS[3]];
const DETAIL_POINTS = [0, 40, 70, 85, 99];

const FIXTURES = ['gcheavy-go1.26.trace', 'gcheavy-go1.22.trace', 'chansel-go1.25.trace'];
/** chansel-go1.25 (2 generations) cut at 95 %: damage in the second one; 2 events follow the last Sync. */
const TRUNCATED = 'chansel-go1.25-cut95.trace';

interface GoPlot {
  xMin: number;
  xMax: number;
  quantiles: number[] | null;
  curve: number[][];
}

interface GoWindow {
  Time: number;
  MutatorUtil: number;
}

/** `go tool trace -http=127.0.0.1:0 FILE`, run as the tool binary itself so that killing it leaves no child. */
function startGoToolTrace(file: string): Promise<{ child: ChildProcess; url: string }> {
  const bin = execFileSync('go', ['tool', '-n', 'trace'], { encoding: 'utf8' }).trim();
  // cmd/internal/browser runs $BROWSER first; `true` "opens" the URL and does nothing.
  const child = spawn(bin, ['-http=127.0.0.1:0', file], { env: { ...process.env, BROWSER: 'true' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
      // cmd/trace/main.go: log.Printf("Opening browser. Trace viewer is listening on %s", addr)
      const m = /Trace viewer is listening on (http:\/\/\S+)/.exec(log);
      if (m) resolve({ child, url: m[1] });
    });
    child.once('exit', (code) => reject(new Error(`go tool trace exited (${code}) before listening:\n${log}`)));
  });
}

let dir = '';
const servers = new Map<string, { child: ChildProcess; url: string }>();
const pathOf = (name: string) => (name === TRUNCATED ? join(dir, name) : join(FIXTURE_TRACES, name));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mmu-'));
  const whole = readFileSync(join(FIXTURE_TRACES, 'chansel-go1.25.trace'));
  writeFileSync(join(dir, TRUNCATED), whole.subarray(0, Math.floor(whole.length * 0.95)));
  const names = [...FIXTURES, TRUNCATED];
  const started = await Promise.allSettled(names.map((n) => startGoToolTrace(pathOf(n))));
  started.forEach((s, i) => {
    if (s.status === 'fulfilled') servers.set(names[i], s.value);
  });
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
});

afterAll(() => {
  for (const { child } of servers.values()) child.kill('SIGKILL');
  if (dir && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
});

async function goJson<T>(name: string, query: string): Promise<T> {
  const r = await fetch(`${servers.get(name)!.url}/mmu?${query}`);
  expect(r.status, `${name} /mmu?${query}`).toBe(200);
  return (await r.json()) as T;
}

/** Our series and curve per file and utilization flags, built once (as go tool trace caches them). */
const curves = new Map<string, { series: UtilSeries[]; curve: MmuCurve }>();
function ours(name: string, flagsQuery: string) {
  const key = `${name} ${flagsQuery.replace('|mut', '')}`;
  let c = curves.get(key);
  if (!c) {
    const series = readMutatorUtil(pathOf(name), parseMmuFlags(flagsQuery));
    curves.set(key, (c = { series, curve: new MmuCurve(series) }));
  }
  return c;
}

/** Go reports window times on the trace clock, we since the first event: the difference must be one constant per file. */
const clockOffsets = new Map<string, number>();

describe.each([...FIXTURES, TRUNCATED])('%s: /mmu equals go tool trace', (name) => {
  it.each(VARIANTS)('plot, flags=%s', async (flags) => {
    const go = await goJson<GoPlot>(name, `mode=plot&flags=${encodeURIComponent(flags)}`);
    const { series, curve } = ours(name, flags);
    const plot = mmuPlot(series, curve, parseMmuFlags(flags).percentiles)!;
    expect(plot.xMinNs).toBe(go.xMin);
    expect(plot.xMaxNs).toBe(go.xMax);
    expect(plot.quantiles).toEqual(go.quantiles);
    expect(plot.curve).toEqual(go.curve);
    // Not a flat line, so the comparison pins something. (chansel has no GC, but Go also evaluates a 1 ns window
    // starting just past the last event, where utilization is 0, so its curve starts at 0.)
    expect(new Set(plot.curve.map((p) => p[1])).size).toBeGreaterThan(1);
  });

  it.each(DETAIL_VARIANTS)('worst windows, flags=%s', async (flags) => {
    const go = await goJson<GoPlot>(name, `mode=plot&flags=${encodeURIComponent(flags)}`);
    const { curve } = ours(name, flags);
    let compared = 0;
    for (const i of DETAIL_POINTS) {
      const windowNs = go.curve[i][0];
      const goWorst = (await goJson<GoWindow[] | null>(name, `mode=details&window=${windowNs}&flags=${encodeURIComponent(flags)}`)) ?? [];
      const worst = curve.examples(windowNs, 10);
      expect(worst.map((w) => w.mutatorUtil), `window ${windowNs}`).toEqual(goWorst.map((w) => w.MutatorUtil));
      for (let k = 0; k < worst.length; k++) {
        const offset = goWorst[k].Time - worst[k].timeNs;
        if (!clockOffsets.has(name)) clockOffsets.set(name, offset);
        expect(offset, `window ${windowNs} #${k}: Go ${goWorst[k].Time}, ours ${worst[k].timeNs}`).toBe(clockOffsets.get(name));
      }
      compared += worst.length;
    }
    expect(compared).toBeGreaterThanOrEqual(10);
  });
});
