import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LaneChunk, LaneTrack } from '../../shared/chunk-codec.ts';
import { INSTANTS_TRACK, REGIONS_TRACK } from '../../shared/lane-tracks.ts';
import { MarkerKind } from '../../shared/states.ts';
import { buildChunk } from '../../server/query/build-chunk.ts';
import type { QueryContext } from '../../server/query/query-context.ts';
import { fixtureContext } from '../helpers/model-cache.ts';
import { REPO } from '../helpers/paths.ts';

/**
 * The regions and instants tracks of goroutine, proc and thread lanes against
 * the model's task, region, log and sample tables (and go tool trace's region
 * counts), at full resolution and merged below a pixel.
 */
const ann = fixtureContext('annotations-go1.26.trace');
const cpu = fixtureContext('cpuprofile-go1.26.trace');

function lane(ctx: QueryContext, id: string, startNs: number, endNs: number, nsPerPx: number): LaneChunk {
  return buildChunk(ctx, { lanes: [id], startNs, endNs, nsPerPx }).lanes[0];
}

/** The model's named regions of goroutine index g overlapping [startNs, endNs], with the trace's edges filled in. */
function modelRegions(ctx: QueryContext, g: number, startNs: number, endNs: number) {
  const m = ctx.model;
  const r = m.tasks.regions;
  const out: { row: number; name: string; startNs: number; endNs: number }[] = [];
  for (let i = 0; i < r.name.length; i++) {
    const name = m.strings.get(r.name[i]);
    const s = r.startNs[i] < 0 ? 0 : r.startNs[i];
    const e = r.endNs[i] < 0 ? m.endNs : r.endNs[i];
    if (r.goroutine[i] === g && name !== '' && e >= startNs && s <= endNs) out.push({ row: i, name, startNs: s, endNs: e });
  }
  return out.sort((a, b) => a.row - b.row);
}

function trackRegions(t: LaneTrack | undefined) {
  if (!t) return [];
  const names = t.meta!.names as string[];
  const a = t.arrays;
  return Array.from({ length: t.count }, (_, i) => ({ row: a.row[i], name: names[a.name[i]], startNs: a.startNs[i], endNs: a.endNs[i], depth: a.depth[i], count: a.count[i] }));
}

/** Goroutine indices with at least one named region. */
function goroutinesWithRegions(ctx: QueryContext): number[] {
  const r = ctx.model.tasks.regions;
  const set = new Set<number>();
  for (let i = 0; i < r.name.length; i++) if (ctx.model.strings.get(r.name[i]) !== '') set.add(r.goroutine[i]);
  return [...set].sort((a, b) => a - b);
}

const laneOf = (ctx: QueryContext, g: number) => `g:${ctx.model.goroutines.id(g)}`;

describe('regions track of goroutine lanes (annotations fixture)', () => {
  const m = ann.model;
  const gs = goroutinesWithRegions(ann);

  it('at 1 ns per px, carries exactly each goroutine’s named regions with their names and bounds, and go tool trace’s count per region type', () => {
    expect(gs.length).toBeGreaterThan(100);
    const perName = new Map<string, number>();
    for (const g of gs) {
      const got = trackRegions(lane(ann, laneOf(ann, g), 0, m.endNs, 1).tracks?.[REGIONS_TRACK]).sort((a, b) => a.row - b.row);
      const want = modelRegions(ann, g, 0, m.endNs);
      expect(got.map(({ row, name, startNs, endNs }) => ({ row, name, startNs, endNs }))).toEqual(want);
      for (const r of got) perName.set(r.name, (perName.get(r.name) ?? 0) + 1);
    }
    const go = JSON.parse(readFileSync(join(REPO, 'fixtures/expected/annotations-go1.26/regions.json'), 'utf8')) as { regions: { type: string; count: number }[] };
    expect(Object.fromEntries(perName)).toEqual(Object.fromEntries(go.regions.map((r) => [r.type, r.count])));
  });

  it('nests charge > authorize card > fraud check (depths 0, 1, 2), each inner region inside one a level up, none overlapping at one depth', () => {
    let checked = 0;
    for (const g of gs) {
      const rows = trackRegions(lane(ann, laneOf(ann, g), 0, m.endNs, 1).tracks?.[REGIONS_TRACK]);
      for (const r of rows) {
        if (r.name === 'charge' || r.name === 'validate' || r.name === 'http get') expect(r.depth).toBe(0);
        if (r.name === 'authorize card') expect(r.depth).toBe(1);
        if (r.name === 'fraud check') {
          expect(r.depth).toBe(2);
          checked++;
        }
        if (r.depth > 0) expect(rows.some((p) => p.depth === r.depth - 1 && p.startNs <= r.startNs && r.endNs <= p.endNs)).toBe(true);
        const overlapping = rows.filter((o) => o !== r && o.depth === r.depth && o.startNs < r.endNs && r.startNs < o.endNs);
        expect(overlapping).toEqual([]);
      }
    }
    expect(checked).toBe(160);
  });

  it('a window carries only the regions overlapping it, the long ones begun before it included', () => {
    // G1's "waiting for updates" lasts 1.1 s: a window inside it still shows it.
    const g = m.goroutines.indexOf(1);
    const long = modelRegions(ann, g, 0, m.endNs).find((r) => r.name === 'waiting for updates')!;
    const a = long.startNs + 200e6;
    const b = a + 1e6;
    const got = trackRegions(lane(ann, 'g:1', a, b, 64).tracks?.[REGIONS_TRACK]);
    expect(got.map((r) => r.row)).toEqual(modelRegions(ann, g, a, b).map((r) => r.row));
    expect(got.map((r) => r.name)).toEqual(['waiting for updates']);
    // A window between G1's regions: no track at all.
    expect(modelRegions(ann, g, long.endNs + 1, long.endNs + 2)).toEqual([]);
    expect(lane(ann, 'g:1', long.endNs + 1, long.endNs + 2, 1).tracks?.[REGIONS_TRACK]).toBeUndefined();
  });

  it('merged below a pixel: counts add up to the regions, one merged row per pixel bucket and depth, the longest region of a bucket represents it', () => {
    const nsPerPx = 2 ** 20;
    let merged = 0;
    for (const g of gs) {
      const want = modelRegions(ann, g, 0, m.endNs);
      const rows = trackRegions(lane(ann, laneOf(ann, g), 0, m.endNs, nsPerPx).tracks?.[REGIONS_TRACK]);
      expect(rows.reduce((n, r) => n + r.count, 0)).toBe(want.length);
      const buckets = new Set<string>();
      for (const r of rows.filter((x) => x.count > 1)) {
        merged++;
        const key = `${r.depth}:${Math.floor(r.startNs / nsPerPx)}`;
        expect(buckets.has(key)).toBe(false);
        buckets.add(key);
        const inBucket = want.filter((w) => Math.floor(w.startNs / nsPerPx) === Math.floor(r.startNs / nsPerPx) && w.endNs - w.startNs < nsPerPx && w.startNs >= r.startNs && w.endNs <= r.endNs);
        const longest = Math.max(...inBucket.map((w) => w.endNs - w.startNs));
        const rep = want.find((w) => w.row === r.row)!;
        expect(rep.endNs - rep.startNs).toBe(longest);
      }
    }
    expect(merged).toBeGreaterThan(10);
  });

  it('the chunk grows with pixels, not regions: the whole trace in 64 px has at most 2 rows per pixel and depth', () => {
    const nsPerPx = Math.ceil(m.endNs / 64);
    let regions = 0;
    let rows = 0;
    for (const g of gs) {
      const t = lane(ann, laneOf(ann, g), 0, m.endNs, nsPerPx).tracks?.[REGIONS_TRACK];
      regions += modelRegions(ann, g, 0, m.endNs).length;
      rows += t?.count ?? 0;
      expect(t?.count ?? 0).toBeLessThanOrEqual(2 * 65 * ann.regions.levels[g]);
    }
    expect(rows).toBeLessThan(regions / 2);
  });
});

describe('instants track: logs on goroutine lanes (annotations fixture)', () => {
  const m = ann.model;
  const l = m.tasks.logs;

  it('at 1 ns per px, each goroutine lane has its own log messages, titled "[category] message" as go tool trace does', () => {
    const byG = new Map<number, number[]>();
    for (let i = 0; i < l.timeNs.length; i++) byG.set(l.goroutine[i], [...(byG.get(l.goroutine[i]) ?? []), i]);
    expect(byG.size).toBeGreaterThan(100);
    for (const [g, rows] of byG) {
      const t = lane(ann, laneOf(ann, g), 0, m.endNs, 1).tracks![INSTANTS_TRACK];
      const a = t.arrays;
      const labels = t.meta!.labels as string[];
      const logs = Array.from({ length: t.count }, (_, i) => i).filter((i) => a.kind[i] === MarkerKind.Log);
      expect(logs.reduce((n, i) => n + a.count[i], 0)).toBe(rows.length);
      for (const i of logs.filter((k) => a.count[k] === 1)) {
        const r = a.row[i];
        expect(l.goroutine[r]).toBe(g);
        expect(a.timeNs[i]).toBe(l.timeNs[r]);
        const cat = m.strings.get(l.category[r]);
        expect(labels[a.label[i]]).toBe(cat ? `[${cat}] ${m.strings.get(l.message[r])}` : m.strings.get(l.message[r]));
      }
    }
    // The program's messages, as the viewer titles them.
    const g1 = lane(ann, 'g:1', 0, m.endNs, 1).tracks![INSTANTS_TRACK];
    expect(g1.meta!.labels).toContain('[batch] unicode: héllo, 世界, "quoted"\ttab');
    const worker = lane(ann, laneOf(ann, l.goroutine[Array.from(l.message, (s) => m.strings.get(s)).indexOf('charged')]), 0, m.endNs, 1).tracks![INSTANTS_TRACK];
    expect(worker.meta!.labels).toContain('charged');
  });

  it('rows are in time order and merge per pixel bucket and kind', () => {
    const nsPerPx = 2 ** 22;
    const t = lane(ann, 'g:20', 0, m.endNs, nsPerPx).tracks![INSTANTS_TRACK];
    const g = m.goroutines.indexOf(20);
    let total = 0;
    for (let i = 0; i < l.timeNs.length; i++) if (l.goroutine[i] === g) total++;
    const a = t.arrays;
    expect(Array.from(a.count).reduce((n, c) => n + c, 0)).toBe(total);
    expect(t.count).toBeLessThan(total);
    const keys = new Set<string>();
    for (let i = 0; i < t.count; i++) {
      if (i > 0) expect(a.timeNs[i]).toBeGreaterThanOrEqual(a.timeNs[i - 1]);
      const key = `${a.kind[i]}:${Math.floor(a.timeNs[i] / nsPerPx)}`;
      expect(keys.has(key)).toBe(false);
      keys.add(key);
    }
  });
});

describe('instants track: CPU samples (cpuprofile fixture)', () => {
  const m = cpu.model;
  const s = m.samples;
  const count = (t: LaneTrack | undefined) => (t ? Array.from(t.arrays.count).reduce((n, c) => n + c, 0) : 0);

  it('each goroutine lane has its goroutine’s samples; each proc and thread lane the samples taken there', () => {
    expect(s.timeNs.length).toBeGreaterThan(100);
    let onGoroutines = 0;
    for (let g = 0; g < m.goroutines.count; g++) {
      let want = 0;
      for (let i = 0; i < s.timeNs.length; i++) if (s.goroutine[i] === g) want++;
      const t = lane(cpu, laneOf(cpu, g), 0, m.endNs, 1).tracks?.[INSTANTS_TRACK];
      expect(count(t)).toBe(want);
      if (t) expect(Array.from(t.arrays.row).every((r) => s.goroutine[r] === g)).toBe(true);
      onGoroutines += want;
    }
    expect(onGoroutines).toBe(s.timeNs.length);
    for (const [on, ids, column] of [
      ['proc', m.procs.procIds, s.proc],
      ['thread', m.procs.threadIds, s.thread],
    ] as const) {
      let total = 0;
      for (const id of ids) {
        const want = Array.from(column).filter((x) => x === id).length;
        const t = lane(cpu, `${on}:${id}`, 0, m.endNs, 1).tracks?.[INSTANTS_TRACK];
        expect(count(t)).toBe(want);
        if (t) expect(Array.from(t.arrays.kind).every((k) => k === MarkerKind.CpuSample)).toBe(true);
        total += want;
      }
      expect(total).toBe(Array.from(column).filter((x) => x >= 0).length);
    }
  });

  it('a window holds the samples inside it, the first sample of each pixel bucket as its row', () => {
    const a = s.timeNs[10];
    const b = s.timeNs[60];
    const nsPerPx = 2 ** 24;
    let total = 0;
    for (let g = 0; g < m.goroutines.count; g++) {
      const t = lane(cpu, laneOf(cpu, g), a, b, nsPerPx).tracks?.[INSTANTS_TRACK];
      total += count(t);
      for (let i = 0; i < (t?.count ?? 0); i++) {
        const r = t!.arrays.row[i];
        expect(s.timeNs[r]).toBe(t!.arrays.timeNs[i]);
        // No earlier sample of this goroutine in the same bucket and window.
        for (let k = 0; k < r; k++) if (s.goroutine[k] === g && s.timeNs[k] >= a && Math.floor(s.timeNs[k] / nsPerPx) === Math.floor(s.timeNs[r] / nsPerPx)) expect.fail(`sample ${k} comes before row ${r} in its bucket`);
      }
    }
    expect(total).toBe(Array.from(s.timeNs).filter((t) => t >= a && t <= b).length);
    expect(total).toBeGreaterThan(40);
  });

  it('lanes of a trace without annotations or samples carry no tracks', () => {
    const ctx = fixtureContext('mutex-go1.26.trace');
    const c = buildChunk(ctx, { lanes: ['g:1', 'proc:0'], startNs: 0, endNs: ctx.model.endNs, nsPerPx: 2 ** 16 });
    expect(c.lanes.map((x) => x.tracks)).toEqual([undefined, undefined]);
  });
});
