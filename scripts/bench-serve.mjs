// npm run bench:serve — on the large GC-heavy trace, starts gotrace-view and
// `go tool trace` side by side and prints for each the time until the viewer
// is ready and the peak RSS, with ratios; then 200 chunk requests over random
// windows and zoom levels at 2000 px (p50, p95) and 50 requests in parallel.
// Usage: node scripts/bench-serve.mjs [TRACE] [--skip-go]
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MALLOC_ENV, NODE_FLAGS } from '../bin/node-env.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const trace = args.find((a) => !a.startsWith('--')) ?? join(repo, 'bench-data/gcheavy-big.trace');
const skipGo = args.includes('--skip-go');
if (!existsSync(join(repo, 'dist/server/main.mjs'))) execFileSync('node', ['scripts/build-server.mjs'], { cwd: repo, stdio: 'inherit' });
if (!existsSync(trace)) execFileSync('node', ['scripts/bench-parse.mjs', '--runs', '1'], { cwd: repo, stdio: 'inherit' });
const size = statSync(trace).size;

/** Peak (VmHWM) or current (VmRSS) RSS of a live process, from /proc (Linux). */
function rssOf(pid, field) {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}
const peakRss = (pid) => rssOf(pid, 'VmHWM');

/** Starts a command and resolves with the URL it prints (regexp on stdout+stderr). */
function start(cmd, argv, re, env = {}) {
  const t0 = performance.now();
  const child = spawn(cmd, argv, { cwd: repo, env: { ...process.env, BROWSER: 'true', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d) => {
      out += d.toString();
      const m = re.exec(out);
      if (m) resolve({ child, url: m[1].replace(/\/$/, ''), readyMs: performance.now() - t0 });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${cmd} exited (${code}) before listening:\n${out}`)));
  });
}

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const mb = (b) => `${(b / 1e6).toFixed(0)} MB`;

// This process's first fetch loads its HTTP client (about 30 ms here): do it before the clock
// starts, against a throwaway local server, so that "ready" times the viewer's server, not ours.
{
  const { createServer } = await import('node:http');
  const s = createServer((_, res) => res.end());
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  await (await fetch(`http://127.0.0.1:${s.address().port}/`)).arrayBuffer();
  s.close();
}

// gotrace-view: ready = listening, then the summary and a chunk of the whole time range answered.
const t0 = performance.now();
// Run the bundle with the flags and environment bin/gotrace-view.mjs gives it, so the
// measured process is the server itself (the bin re-executes node with them).
const ours = await start(process.execPath, [...NODE_FLAGS, join(repo, 'dist/server/main.mjs'), '--no-open', '--http', '127.0.0.1:0', trace], /listening on (http:\/\/\S+)/, MALLOC_ENV);
const summary = await (await fetch(`${ours.url}/api/summary`)).json();
const lanes = summary.lanes.map((l) => l.id).filter((id) => !id.startsWith('thread:')).concat(['g:1']);
const px = 2000;
const nsPerPxFor = (span) => 2 ** Math.ceil(Math.log2(Math.max(1, span / px)));
const full = await fetch(`${ours.url}/api/chunk?lanes=${lanes.join(',')}&start=0&end=${summary.durationNs}&nsPerPx=${nsPerPxFor(summary.durationNs)}`);
await full.arrayBuffer();
const oursReadyMs = performance.now() - t0;
// What the server holds once loaded (the model and its indexes), idle for 5 s.
await new Promise((r) => setTimeout(r, 5000));
const oursHolding = rssOf(ours.child.pid, 'VmRSS');

// 200 random windows and zoom levels.
const times = [];
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const requests = Array.from({ length: 200 }, () => {
  const span = summary.durationNs * 10 ** (-rnd() * 5); // from the whole trace down to 1/100 000 of it
  const startNs = Math.floor(rnd() * Math.max(1, summary.durationNs - span));
  const nsPerPx = nsPerPxFor(span);
  return `${ours.url}/api/chunk?lanes=${lanes.join(',')}&start=${startNs}&end=${Math.ceil(startNs + px * nsPerPx)}&nsPerPx=${nsPerPx}`;
});
const slowest = [];
for (const url of requests) {
  const a = performance.now();
  const r = await fetch(url);
  await r.arrayBuffer();
  if (!r.ok) throw new Error(`chunk request failed: ${r.status}`);
  const ms = performance.now() - a;
  times.push(ms);
  slowest.push([ms, new URL(url).searchParams.get('nsPerPx')]);
}
if (args.includes('--verbose')) console.log('slowest:', slowest.sort((x, y) => y[0] - x[0]).slice(0, 10).map(([ms, r]) => `${ms.toFixed(1)}ms@${r}ns/px`).join(' '));
const parallel = await Promise.allSettled(requests.slice(0, 50).map(async (url) => {
  const r = await fetch(url);
  await r.arrayBuffer();
  if (!r.ok) throw new Error(String(r.status));
}));
const errors = parallel.filter((p) => p.status === 'rejected').length;
const oursRss = peakRss(ours.child.pid);
ours.child.kill();

console.log(`trace: ${trace} (${(size / 1e6).toFixed(1)} MB, ${summary.eventCount} events, ${summary.goroutineCount} goroutines)`);
console.log(`gotrace-view   ready ${(oursReadyMs / 1000).toFixed(2)} s (listening after ${(ours.readyMs / 1000).toFixed(2)} s), peak RSS ${mb(oursRss)} = ${(oursRss / size).toFixed(2)}× the file`);
console.log(`gotrace-view   holds ${mb(oursHolding)} = ${(oursHolding / size).toFixed(2)}× the file once loaded (RSS after 5 s idle)`);
console.log(`chunks (${lanes.length} lanes, 2000 px, 200 random windows): p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms; 50 in parallel: ${errors} errors`);

if (!skipGo) {
  const go = await start('go', ['tool', 'trace', '-http=127.0.0.1:0', trace], /listening on (http:\/\/\S+)/);
  let goRss = peakRss(go.child.pid);
  // go tool trace starts a child process (the tool binary); measure the biggest.
  try {
    const kids = execFileSync('pgrep', ['-P', String(go.child.pid)]).toString().trim().split('\n').filter(Boolean);
    for (const k of kids) goRss = Math.max(goRss, peakRss(Number(k)));
  } catch {}
  go.child.kill();
  console.log(`go tool trace  ready ${(go.readyMs / 1000).toFixed(2)} s, peak RSS ${mb(goRss)} = ${(goRss / size).toFixed(2)}× the file`);
  console.log(`ratios: ready ${(go.readyMs / oursReadyMs).toFixed(1)}× faster, memory ${(goRss / oursRss).toFixed(1)}× smaller`);
}
