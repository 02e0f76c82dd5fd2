// npm run bench:parse — parses the large GC-heavy trace with our reader and with
// Go's (golang.org/x/exp/trace, via the oracle's parse-only `count`) in the same
// run, alternating, and prints MB/s, events/s, peak RSS of each and the ratios.
// Timing lives here, never in the tests. Usage: node scripts/bench-parse.mjs [TRACE] [--runs N]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MALLOC_ENV, NODE_FLAGS } from '../bin/node-env.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 5) || 5;
const trace = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? join(repo, 'bench-data/gcheavy-big.trace');
const oracle = join(repo, '.cache/oracle');
const cli = join(repo, 'dist/server/main.mjs');

function sh(cmd, argv, opts = {}) {
  return execFileSync(cmd, argv, { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26, ...opts }).toString();
}

if (!existsSync(cli)) sh('node', ['scripts/build-server.mjs']);
if (!existsSync(oracle)) {
  mkdirSync(join(repo, '.cache'), { recursive: true });
  sh('go', ['build', '-o', oracle, '.'], { cwd: join(repo, 'fixtures/oracle') });
}
if (!existsSync(trace)) {
  // 60 000 goroutines × 16 rounds: a 58–68 MB, 10–12 M-event trace (fixtures/README.md).
  console.error(`generating ${trace} (takes 15-30 s) ...`);
  mkdirSync(join(repo, 'bench-data'), { recursive: true });
  const bin = join(repo, '.cache/gcheavy');
  sh('go', ['build', '-o', bin, './gcheavy'], { cwd: join(repo, 'fixtures/programs') });
  sh(bin, ['-goroutines', '60000', '-rounds', '16', trace], { env: { ...process.env, GOMAXPROCS: '2' } });
}

const size = statSync(trace).size;
const ours = [];
const go = [];
for (let i = 0; i < runs; i++) {
  // The same V8 flag and malloc setting the gotrace-view command runs with (bin/gotrace-view.mjs).
  ours.push(JSON.parse(sh('node', [...NODE_FLAGS, cli, 'count', trace], { env: { ...process.env, ...MALLOC_ENV } })));
  go.push(JSON.parse(sh(oracle, ['count', trace])));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function summary(name, rs) {
  const s = median(rs.map((r) => r.elapsedNs)) / 1e9;
  const rss = Math.max(...rs.map((r) => r.maxRssBytes));
  return { name, seconds: s, mbPerS: size / 1e6 / s, eventsPerS: rs[0].events / s, rssMB: rss / 1e6, rssX: rss / size, events: rs[0].events };
}
const a = summary('gotrace-view', ours);
const b = summary('Go x/exp/trace', go);
if (a.events !== b.events) console.error(`EVENT COUNT MISMATCH: ours ${a.events}, Go ${b.events}`);
const pairRatios = go.map((g, i) => g.elapsedNs / ours[i].elapsedNs);

console.log(`trace: ${trace} (${(size / 1e6).toFixed(1)} MB, ${a.events} events), ${runs} runs each, alternating; medians`);
console.log('reader            seconds    MB/s   Mevents/s   peak RSS   RSS/file');
for (const r of [a, b]) {
  console.log(`${r.name.padEnd(16)} ${r.seconds.toFixed(3).padStart(8)} ${r.mbPerS.toFixed(1).padStart(7)} ${(r.eventsPerS / 1e6).toFixed(2).padStart(11)} ${r.rssMB.toFixed(0).padStart(7)} MB ${r.rssX.toFixed(2).padStart(8)}x`);
}
console.log(`speed ratio (Go time / our time): median of pairs ${median(pairRatios).toFixed(2)}x (pairs: ${pairRatios.map((x) => x.toFixed(2)).join(', ')})`);
console.log(`peak RSS ratio (ours / Go): ${(a.rssMB / b.rssMB).toFixed(2)}x; ours / file size: ${a.rssX.toFixed(2)}x (target <= 1.5x)`);
