// npm run bench:search — on the large GC-heavy trace, starts gotrace-view and
// times /api/search (the first query also builds the search index) and
// /api/goroutine/related (the first call builds the actor index): each query
// once cold, then 20 times (p50, max), as the browser would ask them.
// Usage: node scripts/bench-search.mjs [TRACE]
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MALLOC_ENV, NODE_FLAGS } from '../bin/node-env.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const trace = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(repo, 'bench-data/gcheavy-big.trace');
if (!existsSync(join(repo, 'dist/server/main.mjs'))) execFileSync('node', ['scripts/build-server.mjs'], { cwd: repo, stdio: 'inherit' });
if (!existsSync(trace)) execFileSync('node', ['scripts/bench-parse.mjs', '--runs', '1'], { cwd: repo, stdio: 'inherit' });

const child = spawn(process.execPath, [...NODE_FLAGS, join(repo, 'dist/server/main.mjs'), '--no-open', '--http', '127.0.0.1:0', trace], {
  cwd: repo,
  env: { ...process.env, BROWSER: 'true', ...MALLOC_ENV },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const url = await new Promise((resolve, reject) => {
  let out = '';
  const onData = (d) => {
    out += d.toString();
    const m = /listening on (http:\/\/\S+)/.exec(out);
    if (m) resolve(m[1].replace(/\/$/, ''));
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.on('exit', (code) => reject(new Error(`gotrace-view exited (${code}) before listening:\n${out}`)));
});

const summary = await (await fetch(`${url}/api/summary`)).json();
const timed = async (path) => {
  const t = performance.now();
  const r = await fetch(`${url}${path}`);
  const body = await r.json();
  if (!r.ok) throw new Error(`${path}: ${r.status} ${body.message}`);
  return { ms: performance.now() - t, body };
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function bench(label, path, describe) {
  const cold = await timed(path);
  const warm = [];
  for (let i = 0; i < 20; i++) warm.push((await timed(path)).ms);
  console.log(`${label.padEnd(34)} first ${cold.ms.toFixed(1).padStart(7)} ms, then p50 ${pct(warm, 50).toFixed(1).padStart(6)} ms, max ${Math.max(...warm).toFixed(1).padStart(6)} ms  ${describe(cold.body)}`);
}

const found = (b) => `(${b.results.length} listed of ${Object.values(b.totals).reduce((a, n) => a + n, 0)}; server ${b.elapsedMs.toFixed(1)} ms)`;
console.log(`trace: ${trace} (${(statSync(trace).size / 1e6).toFixed(1)} MB, ${summary.goroutineCount} goroutines, ${summary.groups.length} groups)`);
const mid = 500_000;
for (const q of ['main', `G${mid}`, `${mid}`, 'runtime.', 'GC', 'e', 'no such thing']) await bench(`search "${q}"`, `/api/search?q=${encodeURIComponent(q)}&limit=50`, found);
const rel = (b) => `(creator ${b.creator ? `G${b.creator.id}` : '–'}, created ${b.created.total}, unblocked by ${b.unblockedBy.total}, unblocked ${b.unblocked.total})`;
for (const id of [1, mid]) {
  for (const limit of [100, 2000]) await bench(`related G${id} limit ${limit}`, `/api/goroutine/related?id=${id}&limit=${limit}`, rel);
}
child.kill();
