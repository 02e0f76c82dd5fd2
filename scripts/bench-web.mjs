// npm run bench:web — the web app in Chromium (no GPU) on the large GC-heavy
// trace, served by the real CLI: time from navigation start to the first
// complete timeline frame (every visible lane drawn with data), and frame times
// while panning and zooming at full zoom-out — requestAnimationFrame intervals
// and the app's own draw times (window.__gtv.frameTimesMs()) — as p50 / p95 /
// max against the targets (first frame ≤ 1 s, p95 frame ≤ 16 ms). It prints
// numbers; it passes or fails nothing.
// Usage: node scripts/bench-web.mjs [TRACE] [--loads N] [--chromium PATH]
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const loads = Number(opt('--loads', 5)) || 5;
const chromiumPath = opt('--chromium', process.env.GOTRACE_CHROMIUM ?? '/usr/bin/chromium');
const optValues = new Set([opt('--loads'), opt('--chromium')]);
const trace = args.find((a) => !a.startsWith('--') && !optValues.has(a)) ?? join(repo, 'bench-data/gcheavy-big.trace');

if (!existsSync(chromiumPath)) {
  console.error(`bench-web: no Chromium at ${chromiumPath} (scripts/ensure-chromium.sh installs it)`);
  process.exit(1);
}
if (!existsSync(join(repo, 'dist/server/main.mjs'))) execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: repo, stdio: 'inherit' });
if (!existsSync(join(repo, 'dist/web/index.html'))) execFileSync(process.execPath, [join(repo, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: repo, stdio: 'inherit' });
if (!existsSync(trace)) execFileSync(process.execPath, ['scripts/bench-parse.mjs', '--runs', '1'], { cwd: repo, stdio: 'inherit' });

const { chromium } = await import('playwright-core');

/** Starts the real CLI on the trace; resolves with its URL once it listens. */
function startViewer() {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(repo, 'bin/gotrace-view.mjs'), trace, '--no-open', '--http', '127.0.0.1:0'], {
    cwd: repo,
    env: { ...process.env, BROWSER: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: the bin re-runs node with its flags
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d) => {
      out += d.toString();
      const m = /Trace viewer is listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        child.stdout.removeListener('data', onData);
        child.stderr.removeListener('data', onData);
        child.stdout.resume();
        child.stderr.resume();
        resolve({ url: m[1].replace(/\/$/, ''), readyMs: performance.now() - t0, stop: () => { try { process.kill(-child.pid, 'SIGTERM'); } catch {} } });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`gotrace-view exited (${code}) before listening:\n${out}`)));
  });
}

const pct = (xs, p) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : NaN);
const median = (xs) => pct(xs, 50);
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : '–');

const viewer = await startViewer();
const stops = [viewer.stop];
process.on('exit', () => stops.forEach((s) => s()));
process.on('SIGINT', () => process.exit(130));

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
stops.push(() => browser.close().catch(() => {}));
const summary = await (await fetch(`${viewer.url}/api/summary`)).json();

/** Waits until every visible lane is drawn from data at the view's resolution and nothing is in flight. */
async function settle(page) {
  await page.waitForFunction(
    () => {
      const g = window.__gtv;
      if (!g || g.firstCompleteFrameAtMs === null || g.pendingRequests > 0 || g.missingLanes > 0) return false;
      const prev = window.__benchStable;
      if (!prev || prev.frames !== g.framesDrawn) {
        window.__benchStable = { frames: g.framesDrawn, at: performance.now() };
        return false;
      }
      return performance.now() - prev.at > 200;
    },
    undefined,
    { timeout: 60_000, polling: 50 },
  );
}

// 1. First frame: a fresh context (empty cache) per load; performance.now() counts from navigation start.
const first = [];
for (let i = 0; i < loads; i++) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${viewer.url}/`);
  await page.waitForFunction(() => window.__gtv?.firstCompleteFrameAtMs != null, undefined, { timeout: 60_000, polling: 20 });
  first.push(
    await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { firstFrame: window.__gtv.firstFrameAtMs, complete: window.__gtv.firstCompleteFrameAtMs, domContentLoaded: nav?.domContentLoadedEventEnd ?? NaN };
    }),
  );
  await context.close();
}

// 2. Frame times while panning and zooming around the whole trace.
const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
const page = await context.newPage();
await page.goto(`${viewer.url}/`);
await page.waitForFunction(() => window.__gtv?.ready === true);
await settle(page);
const box = await page.locator('[data-testid=timeline-canvas]').boundingBox();
const cx = box.x + box.width / 2;
const cy = box.y + Math.min(300, box.height / 2);

/**
 * Runs an interaction while recording requestAnimationFrame intervals and the
 * app's draw time of every frame it drew (read each animation frame, so none
 * falls out of frameTimesMs()'s last-240 window).
 */
async function measure(name, act) {
  await page.evaluate(() => {
    const g = window.__gtv;
    const r = (window.__benchRaf = { times: [], draws: [], frames: g.framesDrawn, missed: 0, on: true });
    const tick = (t) => {
      r.times.push(t);
      const n = g.framesDrawn - r.frames;
      if (n === 1) r.draws.push(g.lastFrameMs);
      else if (n > 1) r.draws.push(...g.frameTimesMs().slice(-n));
      r.frames = g.framesDrawn;
      if (r.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const t0 = performance.now();
  await act();
  const wallMs = performance.now() - t0;
  // One more animation frame picks up the last draw.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  const { times, draws, start, end } = await page.evaluate(() => {
    window.__benchRaf.on = false;
    return { times: window.__benchRaf.times, draws: window.__benchRaf.draws, start: window.__gtv.startNs, end: window.__gtv.endNs };
  });
  const intervals = times.slice(1).map((t, i) => t - times[i]);
  await settle(page);
  return { name, wallMs, drawn: draws.length, drawMs: draws, intervals, window: [start, end] };
}

const results = [];
// Zoom: wheel notches in and out at several points, from the whole trace to about 1/3 of it and back.
await page.mouse.move(cx, cy);
results.push(
  await measure('zoom (wheel) at full zoom-out', async () => {
    for (let round = 0; round < 4; round++) {
      const x = box.x + box.width * (0.2 + 0.2 * round);
      await page.mouse.move(x, cy);
      for (let i = 0; i < 6; i++) {
        await page.mouse.wheel(0, -100);
        await page.waitForTimeout(16);
      }
      for (let i = 0; i < 7; i++) {
        await page.mouse.wheel(0, 100);
        await page.waitForTimeout(16);
      }
    }
  }),
);
// Pan: the window at 80 % of the trace, dragged right and left across the whole range.
await page.evaluate((d) => window.__gtv.setViewport(d * 0.1, d * 0.9), summary.durationNs);
await settle(page);
results.push(
  await measure('pan (drag) at 80 % of the trace', async () => {
    for (let round = 0; round < 3; round++) {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let i = 1; i <= 30; i++) {
        await page.mouse.move(cx + i * 8, cy);
        await page.waitForTimeout(8);
      }
      for (let i = 29; i >= -30; i--) {
        await page.mouse.move(cx + i * 8, cy);
        await page.waitForTimeout(8);
      }
      await page.mouse.up();
    }
  }),
);
// Keys: A/D pans and W/S zooms at the whole trace.
await page.evaluate((d) => window.__gtv.setViewport(0, d), summary.durationNs);
await settle(page);
results.push(
  await measure('keys (W S A D) at full zoom-out', async () => {
    for (const k of ['w', 'w', 'd', 'd', 'a', 'a', 's', 's', 'w', 'a', 'd', 's']) {
      await page.keyboard.press(k);
      await page.waitForTimeout(30);
    }
  }),
);
await context.close();
await browser.close();
viewer.stop();

// Report.
const fileMb = (statSync(trace).size / 1e6).toFixed(1);
console.log(`trace: ${trace} (${fileMb} MB, ${summary.eventCount.toLocaleString('en-US')} events, ${summary.goroutineCount.toLocaleString('en-US')} goroutines); viewer listening after ${(viewer.readyMs / 1000).toFixed(2)} s`);
console.log(`Chromium ${browser.version()} headless, --disable-gpu, 1400×900 at device pixel ratio 1`);
console.log('');
const firstComplete = first.map((f) => f.complete);
console.log(`first frame (navigation start → …), ${loads} loads, each in a fresh context:`);
console.log(`  first frame drawn     ${first.map((f) => ms(f.firstFrame)).join(', ')}`);
console.log(`  first complete frame  ${first.map((f) => ms(f.complete)).join(', ')}`);
console.log('');
console.log('frames while interacting (draw: the app\'s frame time; rAF: requestAnimationFrame interval, 16.7 ms at 60 Hz):');
console.log('  interaction                          frames   draw p50   draw p95   draw max   rAF p50   rAF p95   rAF max   rAF > 25 ms');
const dropped = (xs) => xs.filter((x) => x > 25).length;
for (const r of results) {
  console.log(
    `  ${r.name.padEnd(36)} ${String(r.drawn).padStart(6)} ${ms(pct(r.drawMs, 50)).padStart(10)} ${ms(pct(r.drawMs, 95)).padStart(10)} ${ms(Math.max(...r.drawMs)).padStart(10)} ${ms(pct(r.intervals, 50)).padStart(9)} ${ms(pct(r.intervals, 95)).padStart(9)} ${ms(Math.max(...r.intervals)).padStart(9)} ${`${dropped(r.intervals)}/${r.intervals.length}`.padStart(13)}`,
  );
}
const allDraw = results.flatMap((r) => r.drawMs);
const allRaf = results.flatMap((r) => r.intervals);
console.log('');
console.log('summary                            measured   target');
const row = (name, v, target = '', ok = null) => console.log(`  ${name.padEnd(31)} ${ms(v).padStart(9)}   ${target.padEnd(10)} ${ok === null ? '' : ok ? 'met' : 'MISSED'}`);
row('first frame drawn (median)', median(first.map((f) => f.firstFrame)));
row('first complete frame (median)', median(firstComplete), '≤ 1000 ms', median(firstComplete) <= 1000);
row('first complete frame (max)', Math.max(...firstComplete));
row('frame draw p50', pct(allDraw, 50));
row('frame draw p95', pct(allDraw, 95), '≤ 16 ms', pct(allDraw, 95) <= 16);
row('frame draw max', Math.max(...allDraw));
row('rAF interval p50', pct(allRaf, 50));
row('rAF interval p95', pct(allRaf, 95));
console.log(`  ${'rAF intervals over 25 ms'.padEnd(31)} ${`${dropped(allRaf)} of ${allRaf.length}`.padStart(9)}`);
