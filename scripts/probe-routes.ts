/**
 * Times each HTTP route twice (first call, then cached or warm) on a trace,
 * through Fastify's inject, with no network in between:
 *   npx tsx scripts/probe-routes.ts bench-data/gcheavy-big.trace
 * For spotting a route that is slow on a big trace; timing is never a test.
 */
import { buildModel } from '../server/model/build-model.ts';
import { QueryContext } from '../server/query/query-context.ts';
import { buildApp } from '../server/api/app.ts';
const file = process.argv[2];
if (!file) throw new Error('usage: npx tsx scripts/probe-routes.ts TRACE');
const m = buildModel(file);
const ctx = new QueryContext(m);
const app = buildApp({ ctx });
const E = m.endNs;
const mid = Math.floor(E / 2);
const urls = [
  '/api/summary',
  `/api/span?lane=proc:0&t=${mid}`,
  `/api/selection?start=0&end=${E}`,
  `/api/selection?start=${mid}&end=${mid + 1e8}`,
  `/api/analysis/goroutines?limit=200`,
  `/api/analysis/goroutines?limit=200&sort=exec&order=asc`,
  `/api/analysis/goroutines?groupsOnly=1&start=${mid}&end=${mid + 1e9}`,
  `/api/analysis/profile?kind=sync`,
  `/api/analysis/profile?kind=sched`,
  `/api/flows?lanes=proc:0,proc:1&start=0&end=${E}`,
  `/api/search?q=main&limit=100`,
  `/api/goroutine/related?id=1&limit=1000`,
];
for (const url of urls) {
  const ts: string[] = []; let status = 0; let bytes = 0;
  for (let i = 0; i < 2; i++) { const t0 = performance.now(); const r = await app.inject({ method: 'GET', url }); status = r.statusCode; bytes = r.rawPayload.length; ts.push((performance.now() - t0).toFixed(0)); }
  console.log(status, ts.join('/').padStart(10), 'ms', String(bytes).padStart(9), 'B', url.slice(0, 90));
}
await app.close();
process.exit(0);
