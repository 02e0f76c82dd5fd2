import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/api/app.ts';
import { API, type GoroutineAnalysisResponse, type GoroutineListResponse, type GoroutineLocation } from '../../shared/api.ts';
import { fixtureContext } from '../helpers/model-cache.ts';

const ctx = fixtureContext('mutex-go1.26.trace');
const app = buildApp({ ctx });
afterAll(() => app.close());

const get = async <T>(url: string) => {
  const r = await app.inject({ method: 'GET', url });
  return { status: r.statusCode, body: r.json() as T };
};
const analysis = async (q: string) => (await get<GoroutineAnalysisResponse>(`${API.goroutineAnalysis}?${q}`)).body;

describe('goroutine analysis, a page at a time', () => {
  it('pages of 7 rows, put together, are the unpaged list in the same order', async () => {
    const all = await analysis('');
    expect(all.total).toBe(all.goroutines.length);
    expect(all.total).toBeGreaterThan(20);
    const pages = [];
    for (let offset = 0; offset < all.total; offset += 7) {
      const p = await analysis(`offset=${offset}&limit=7`);
      expect(p.total).toBe(all.total);
      expect(p.offset).toBe(offset);
      pages.push(...p.goroutines);
    }
    expect(pages).toEqual(all.goroutines);
    expect(all.goroutines.map((g) => g.totalNs)).toEqual([...all.goroutines.map((g) => g.totalNs)].sort((a, b) => b - a));
  });

  it('groupsOnly answers the groups and no rows', async () => {
    const all = await analysis('');
    const groups = await analysis('groupsOnly=1');
    expect(groups.goroutines).toEqual([]);
    expect(groups.total).toBe(0);
    expect(groups.groups).toEqual(all.groups);
  });

  it('a group lists only its goroutines, as many as the group counts', async () => {
    const all = await analysis('');
    const big = all.groups.reduce((a, b) => (b.count > a.count ? b : a));
    const page = await analysis(`group=${encodeURIComponent(big.name)}&limit=5`);
    expect(page.total).toBe(big.count);
    expect(page.goroutines).toHaveLength(Math.min(5, big.count));
    expect(page.goroutines.every((g) => g.group === big.name)).toBe(true);
  });

  it('sorts by execution ascending (ties by id) and by sync block time descending', async () => {
    const byExec = (await analysis('sort=exec&order=asc')).goroutines;
    for (let i = 1; i < byExec.length; i++) {
      const [a, b] = [byExec[i - 1], byExec[i]];
      expect(a.execNs < b.execNs || (a.execNs === b.execNs && a.id < b.id)).toBe(true);
    }
    const bySync = (await analysis('sort=block:sync')).goroutines;
    const sync = bySync.map((g) => g.blockNs.sync ?? 0);
    expect(sync[0]).toBeGreaterThan(0);
    expect(sync).toEqual([...sync].sort((a, b) => b - a));
  });

  it('rows carry the goroutine lifetime of the timeline list', async () => {
    const { goroutines } = await analysis('limit=3');
    for (const row of goroutines) {
      const where = (await get<GoroutineLocation>(`${API.goroutine}?id=${row.id}`)).body;
      expect(where.createdNs).toBe(row.createdNs);
      expect(where.endNs).toBe(row.endNs);
    }
  });

  it("the table's columns: every block reason and range with time in any listed goroutine, largest first", async () => {
    const all = await analysis('');
    const total = (pick: (g: (typeof all.goroutines)[0]) => Record<string, number>, k: string) => all.goroutines.reduce((a, g) => a + (pick(g)[k] ?? 0), 0);
    const reasons = new Set(all.goroutines.flatMap((g) => Object.entries(g.blockNs).filter(([, d]) => d > 0).map(([k]) => k)));
    expect(new Set(all.blockReasons)).toEqual(reasons);
    expect(all.blockReasons).toContain('sync');
    const sums = all.blockReasons.map((k) => total((g) => g.blockNs, k));
    expect(sums).toEqual([...sums].sort((a, b) => b - a));
    const ranges = new Set(all.goroutines.flatMap((g) => Object.entries(g.rangeNs).filter(([, d]) => d > 0).map(([k]) => k)));
    expect(new Set(all.rangeNames)).toEqual(ranges);
  });

  it('a bad sort key is 400', async () => {
    expect((await get(`${API.goroutineAnalysis}?sort=bogus`)).status).toBe(400);
  });
});

describe('GET /api/goroutine', () => {
  it("locates a goroutine: its group and its position in the group's lane list", async () => {
    const { body: summary } = await get<{ groups: { name: string }[] }>(API.summary);
    const all = await analysis('');
    for (const row of all.goroutines.slice(0, 10)) {
      const { status, body } = await get<GoroutineLocation>(`${API.goroutine}?id=${row.id}`);
      expect(status).toBe(200);
      expect(body.groupName).toBe(summary.groups[body.group].name);
      const list = (await get<GoroutineListResponse>(`${API.goroutineList}?group=${encodeURIComponent(body.groupName)}&offset=${body.member}&limit=1`)).body;
      expect(list.items[0].id).toBe(row.id);
    }
  });

  it('an unknown id is 404 UNKNOWN_GOROUTINE', async () => {
    const r = await get<{ code: string }>(`${API.goroutine}?id=987654321`);
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('UNKNOWN_GOROUTINE');
  });
});
