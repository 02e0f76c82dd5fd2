import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/api/app.ts';
import { API, type GoroutineAnalysisResponse, type SelectionSummary } from '../../shared/api.ts';
import { fixtureContext } from '../helpers/model-cache.ts';

/**
 * /api/selection sums the goroutine analysis of the same window (the page its
 * button opens): running = execution, runnable = scheduler wait, syscall,
 * blocked = every block reason (syscall block included), unknown; the top
 * blocking reasons are those columns summed over goroutines.
 */
const contexts = { mutex: fixtureContext('mutex-go1.26.trace'), gcheavy: fixtureContext('gcheavy-go1.26.trace'), tcp: fixtureContext('tcp-go1.19.trace') };

describe('/api/selection', () => {
  const apps = Object.values(contexts).map((ctx) => buildApp({ ctx }));
  afterAll(() => Promise.all(apps.map((a) => a.close())));

  Object.entries(contexts).forEach(([name, ctx], i) => {
    const app = apps[i];
    const get = async <T>(url: string) => (await app.inject({ method: 'GET', url })).json() as T;
    const end = ctx.model.endNs;
    for (const [a, b] of [[0, 1], [0.25, 0.5], [0.6, 0.61]]) {
      it(`${name} [${a}, ${b}] of the trace: the state sums and top reasons of the goroutine analysis of that window`, async () => {
        const q = `start=${Math.floor(a * end)}&end=${Math.floor(b * end)}`;
        const sel = await get<SelectionSummary>(`${API.selection}?${q}`);
        const an = await get<GoroutineAnalysisResponse>(`${API.goroutineAnalysis}?${q}`);
        expect(an.goroutines.length).toBeGreaterThan(0);
        const sum = (f: (g: GoroutineAnalysisResponse['goroutines'][number]) => number) => an.goroutines.reduce((s, g) => s + f(g), 0);
        const blocked = sum((g) => Object.values(g.blockNs).reduce((s, d) => s + d, 0));
        expect(sel.stateNs).toEqual({
          running: sum((g) => g.execNs),
          runnable: sum((g) => g.schedWaitNs),
          syscall: sum((g) => g.syscallNs),
          blocked,
          unknown: sum((g) => g.unknownNs),
        });
        expect(sel.stateNs.running + sel.stateNs.blocked).toBeGreaterThan(0);
        const byReason = new Map<string, number>();
        for (const g of an.goroutines) for (const [r, d] of Object.entries(g.blockNs)) byReason.set(r || '(no reason)', (byReason.get(r || '(no reason)') ?? 0) + d);
        const top = [...byReason].map(([reason, ns]) => ({ reason, ns })).sort((x, y) => y.ns - x.ns || (x.reason < y.reason ? -1 : 1)).slice(0, 8);
        expect(sel.topBlocking).toEqual(top);
        expect(sel.gcNs).toBeGreaterThanOrEqual(0);
        expect(sel.stwNs).toBeLessThanOrEqual(Math.floor(b * end) - Math.floor(a * end));
      });
    }
  });
});
