// npm run screenshots — the README's screenshots (docs/screenshots/*.png,
// 1400×900): fixtures opened through the real CLI in headless Chromium, the
// timeline zoomed in with a span selected, then each analysis page.
// Usage: node scripts/screenshots.mjs [--out DIR] [--chromium PATH]
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const out = opt('--out', join(repo, 'docs/screenshots'));
const chromiumPath = opt('--chromium', process.env.GOTRACE_CHROMIUM ?? '/usr/bin/chromium');
const VIEWPORT = { width: 1400, height: 900 };
const MAX_BYTES = 300 * 1024;

if (!existsSync(chromiumPath)) {
  console.error(`screenshots: no Chromium at ${chromiumPath} (scripts/ensure-chromium.sh installs it)`);
  process.exit(1);
}
if (!existsSync(join(repo, 'dist/server/main.mjs'))) execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: repo, stdio: 'inherit' });
if (!existsSync(join(repo, 'dist/web/index.html'))) execFileSync(process.execPath, [join(repo, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: repo, stdio: 'inherit' });
mkdirSync(out, { recursive: true });

const { chromium } = await import('playwright-core');

/** Starts the real CLI on a fixture; resolves with its URL once it listens. */
function startViewer(fixture) {
  const child = spawn(process.execPath, [join(repo, 'bin/gotrace-view.mjs'), join(repo, 'fixtures/traces', fixture), '--no-open', '--http', '127.0.0.1:0'], {
    cwd: repo,
    env: { ...process.env, BROWSER: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: the bin re-runs node with its flags
  });
  let text = '';
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
  };
  stops.push(stop);
  return new Promise((resolve, reject) => {
    const onData = (d) => {
      text += d.toString();
      const m = /Trace viewer is listening on (http:\/\/\S+)/.exec(text);
      if (m) {
        child.stdout.removeListener('data', onData);
        child.stderr.removeListener('data', onData);
        child.stdout.resume();
        child.stderr.resume();
        resolve({ url: m[1].replace(/\/$/, ''), stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`gotrace-view exited (${code}) before listening:\n${text}`)));
  });
}

const stops = [];
process.on('exit', () => stops.forEach((s) => s()));
process.on('SIGINT', () => process.exit(130));

const [mutex, gc, annotations] = await Promise.all(['mutex-go1.26.trace', 'gcheavy-go1.26.trace', 'annotations-go1.26.trace'].map(startViewer));
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--hide-scrollbars'],
});
stops.push(() => browser.close().catch(() => {}));
const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
const errors = [];

async function open(url) {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`${url}: ${m.text()}`));
  await page.goto(url);
  await page.waitForFunction(() => window.__gtv?.ready === true);
  return page;
}

/** Every visible lane drawn from data at the view's resolution, nothing in flight, no new frame for 200 ms. */
async function settle(page) {
  await page.waitForFunction(
    () => {
      const g = window.__gtv;
      if (!g || g.firstCompleteFrameAtMs === null || g.pendingRequests > 0 || g.missingLanes > 0) return false;
      const prev = window.__shotStable;
      if (!prev || prev.frames !== g.framesDrawn) {
        window.__shotStable = { frames: g.framesDrawn, at: performance.now() };
        return false;
      }
      return performance.now() - prev.at > 200;
    },
    undefined,
    { timeout: 30_000, polling: 50 },
  );
}

/** Waits for an analysis page to finish loading its data. */
async function loaded(page, testId) {
  await page.getByTestId(testId).waitFor();
  await page.waitForFunction(() => !/Loading…|Analysing…|Computing…/.test(document.querySelector('.analysis-page')?.textContent ?? ''), undefined, { polling: 50 });
  await page.waitForTimeout(150);
}

const saved = [];
async function shot(page, name) {
  const file = join(out, `${name}.png`);
  await page.screenshot({ path: file, animations: 'disabled' });
  const bytes = statSync(file).size;
  saved.push({ file, bytes });
  if (bytes > MAX_BYTES) console.error(`warning: ${file} is ${(bytes / 1024).toFixed(0)} KB (over ${MAX_BYTES / 1024} KB)`);
}

// Timeline (mutex): the busy start of the run, with the widest goroutine span on P0 selected.
{
  const summary = await (await fetch(`${mutex.url}/api/summary`)).json();
  const startNs = Math.round(summary.durationNs * 0.075);
  const endNs = Math.round(summary.durationNs * 0.19);
  const page = await open(`${mutex.url}/?t=${startNs}-${endNs}`);
  await settle(page);
  const box = await page.getByTestId('timeline-canvas').boundingBox();
  const lane = await page.locator('.lane-header[data-lane="proc:0"]').boundingBox();
  // The widest goroutine span on P0 in view: sample the lane's pixels for the longest run of one colour.
  const xMid = await page.$eval(
    '[data-testid=timeline-canvas]',
    (el, y) => {
      const c = el;
      const row = c.getContext('2d').getImageData(0, Math.round(y), c.width, 1).data;
      let best = [0, 0];
      let runStart = 0;
      const key = (x) => `${row[x * 4]},${row[x * 4 + 1]},${row[x * 4 + 2]}`;
      for (let x = 1; x <= c.width; x++) {
        if (x === c.width || key(x) !== key(runStart)) {
          if (key(runStart) !== '255,255,255' && x - runStart > best[1] - best[0]) best = [runStart, x];
          runStart = x;
        }
      }
      return (best[0] + best[1]) / 2;
    },
    lane.y - box.y + 4,
  );
  await page.mouse.click(box.x + xMid, lane.y + lane.height / 2);
  await page.getByTestId('detail-goroutine').waitFor();
  await page.mouse.move(box.x + xMid + 120, lane.y + lane.height + 160);
  await settle(page);
  await shot(page, 'timeline');
  await page.close();
}

// Goroutine analysis (mutex): the workers contending for the mutex.
{
  const page = await open(`${mutex.url}/?page=goroutines`);
  await loaded(page, 'goroutines-page');
  await page.getByTestId('goroutine-table').locator('[role=row].vtable-row').first().waitFor();
  await shot(page, 'goroutines');
  await page.close();
}

// Profiles (mutex): the synchronization flame graph.
{
  const page = await open(`${mutex.url}/?page=profiles&kind=sync`);
  await loaded(page, 'profiles-page');
  await page.getByTestId('flame-graph').waitFor();
  await shot(page, 'profiles');
  await page.close();
}

// MMU (gcheavy): the curve, with the worst windows of one size listed.
{
  const page = await open(`${gc.url}/?page=mmu`);
  await loaded(page, 'mmu-page');
  const chart = page.getByTestId('mmu-chart');
  const b = await chart.boundingBox();
  await chart.click({ position: { x: b.width * 0.86, y: b.height / 2 } });
  await page.getByTestId('mmu-worst').locator('tbody tr').first().waitFor();
  await page.mouse.move(b.x + b.width * 0.8, b.y + b.height * 0.5);
  await page.waitForTimeout(150);
  await shot(page, 'mmu');
  await page.close();
}

// Tasks and regions (annotations): duration histograms, one type opened.
{
  const page = await open(`${annotations.url}/?page=tasks`);
  await loaded(page, 'tasks-page');
  await page.getByTestId('task-types').getByRole('button', { name: 'order' }).click();
  await page.getByTestId('task-list').waitFor();
  await page.locator('[data-testid=task-list] details.task').first().locator('summary').click();
  await page.waitForTimeout(150);
  await shot(page, 'tasks');
  await page.getByTestId('tab-regions').click();
  await loaded(page, 'regions-page');
  await page.getByTestId('region-types').getByRole('button', { name: 'http get' }).click();
  await page.getByTestId('region-list').waitFor();
  await page.waitForTimeout(150);
  await shot(page, 'regions');
  await page.close();
}

await browser.close();
for (const s of stops) s();
for (const s of saved) console.log(`${s.file.replace(`${repo}`, '')}  ${(s.bytes / 1024).toFixed(0)} KB`);
if (errors.length) {
  console.error(`page errors:\n${errors.join('\n')}`);
  process.exit(1);
}
