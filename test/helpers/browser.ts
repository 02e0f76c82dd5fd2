import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { FIXTURE_TRACES, IN_CI, REPO } from './paths.ts';

/**
 * Browser tests: the real CLI (bin/gotrace-view.mjs) serving a fixture, and
 * Debian's Chromium driven by playwright-core (`npx playwright install` has no
 * network here). Without Chromium the browser tests are skipped with a note,
 * except in CI (CI=true), where a missing Chromium is a failure
 * (.ci/run installs it with scripts/ensure-chromium.sh).
 */
export const CHROMIUM_PATH = process.env.GOTRACE_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_AVAILABLE = existsSync(CHROMIUM_PATH);
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
export const VIEWPORT = { width: 1400, height: 900 };

/** Why browser tests are skipped (null: they run). In CI a missing Chromium is not a reason. */
export function browserSkipReason(): string | null {
  if (CHROMIUM_AVAILABLE || IN_CI) return null;
  return `browser tests skipped: no Chromium at ${CHROMIUM_PATH} (run scripts/ensure-chromium.sh, or set GOTRACE_CHROMIUM)`;
}

export async function launchChromium(): Promise<Browser> {
  if (!CHROMIUM_AVAILABLE) throw new Error(`no Chromium at ${CHROMIUM_PATH}: run scripts/ensure-chromium.sh`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface Viewer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  child: ChildProcess;
  /** Stops the viewer (its whole process group: the bin re-runs node with its flags). */
  close(): Promise<void>;
}

const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of live) killGroup(c);
});

function killGroup(c: ChildProcess): void {
  if (c.pid === undefined || c.exitCode !== null || c.signalCode !== null) return;
  try {
    process.kill(-c.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** Starts `gotrace-view TRACE --no-open --http 127.0.0.1:0` and resolves with its URL. */
export function startViewer(trace: string, { timeoutMs = 60_000 } = {}): Promise<Viewer> {
  const file = trace.includes('/') ? trace : join(FIXTURE_TRACES, trace);
  const child = spawn(process.execPath, [join(REPO, 'bin/gotrace-view.mjs'), file, '--no-open', '--http', '127.0.0.1:0'], {
    cwd: REPO,
    env: { ...process.env, BROWSER: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  live.add(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`gotrace-view did not listen within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /Trace viewer is listening on (http:\/\/\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      // Keep draining the pipes so the server never blocks on a full one.
      child.stdout?.resume();
      child.stderr?.resume();
      resolve({
        url: m[1].replace(/\/$/, ''),
        child,
        close: () =>
          new Promise<void>((done) => {
            live.delete(child);
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            killGroup(child);
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      live.delete(child);
      reject(new Error(`gotrace-view exited (${code}) before listening:\n${out}`));
    });
  });
}

/** Page errors and console.error messages (failed requests too) seen by a page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()} (${m.location().url})`);
  });
  page.on('requestfailed', (r) => {
    // Aborted chunk requests are the app's own doing (a view that moved on).
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
    errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  return errors;
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
}

/**
 * A new page of `context` on `url` (openApp), whose errors are added to
 * `errors` when it closes, each prefixed with `label` when given: suites
 * open many pages and check once at the end that none of them had an error.
 */
export async function openTracked(context: BrowserContext, url: string, errors: string[], label = ''): Promise<Page> {
  const page = await context.newPage();
  const seen = collectErrors(page);
  page.on('close', () => errors.push(...seen.map((e) => (label ? `${label}: ${e}` : e))));
  await openApp(page, url);
  return page;
}

/** Loads a URL of the app and waits for the debug hook and, on the timeline, a complete settled frame. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.__gtv?.ready === true);
  if ((await page.evaluate(() => window.__gtv!.page)) === 'timeline') await waitForSettledFrame(page);
}

/**
 * Waits until the timeline has drawn every visible lane from data at the view's
 * resolution: no chunk request in flight, no lane missing, and one more frame
 * drawn after that (so the canvas shows the final data).
 */
export async function waitForSettledFrame(page: Page, timeoutMs = 20_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const g = window.__gtv;
      if (!g || g.firstCompleteFrameAtMs === null || g.pendingRequests > 0 || g.missingLanes > 0) return false;
      // Stable for two animation frames with nothing in flight.
      const w = window as unknown as { __e2eStable?: { frames: number; at: number } };
      const prev = w.__e2eStable;
      if (!prev || prev.frames !== g.framesDrawn) {
        w.__e2eStable = { frames: g.framesDrawn, at: performance.now() };
        return false;
      }
      return performance.now() - prev.at > 150;
    },
    undefined,
    { timeout: timeoutMs, polling: 50 },
  );
}
