import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceSummary } from '../../shared/api.ts';
import { browserSkipReason, launchChromium, newContext, openTracked, startViewer, waitForSettledFrame, type Viewer } from '../helpers/browser.ts';
import { FIXTURE_TRACES } from '../helpers/paths.ts';
import { apiSpans, canvasBox, expectedColumns, laneInk, mismatches, summaryOf, viewOf } from '../helpers/timeline-probe.ts';

/**
 * Every trace format in Chromium, and a damaged trace: the e2e suites above
 * run on Go 1.26 traces, but the old format (Go 1.11–1.21, converted by our
 * v1 reader) and each new-format header (go 1.22, 1.23, 1.25, 1.26) reach the
 * browser through different parser paths. Each must draw its proc lane pixel
 * for pixel as the server's spans say. A trace cut mid-generation must open
 * with what is complete and say, on the page, what was lost.
 */
const skip = browserSkipReason();
if (skip) console.log(skip);

const FORMATS = ['mutex-go1.19.trace', 'mutex-go1.21.trace', 'mutex-go1.22.trace', 'mutex-go1.23.trace', 'mutex-go1.25.trace', 'mutex-go1.26.trace'];

describe.skipIf(skip !== null)('trace formats and damaged traces in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let tmp: string;
  const errors: string[] = [];

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'gtv-e2e-damage-'));
    browser = await launchChromium();
    context = await newContext(browser);
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const open = (url: string): Promise<Page> => openTracked(context, url, errors);

  /** The proc lane's ink columns against the server's spans for the window on screen. */
  async function procLaneMatches(page: Page, base: string, laneId: string): Promise<void> {
    await page.mouse.move(2, 2);
    await waitForSettledFrame(page);
    const view = await viewOf(page);
    const { width } = await canvasBox(page);
    const spans = await apiSpans(base, laneId, view.startNs, view.endNs, (view.endNs - view.startNs) / width);
    const expected = expectedColumns(spans, view, width);
    // Meaningful only with drawn columns on screen.
    expect(expected.filter((e) => e === 'ink').length).toBeGreaterThanOrEqual(5);
    const ink = await laneInk(page, laneId);
    expect(mismatches(ink, expected, view).slice(0, 10)).toEqual([]);
  }

  for (const file of FORMATS) {
    it(`${file}: the proc lane is drawn where the server has spans, and no warning is shown`, async () => {
      const viewer: Viewer = await startViewer(file);
      try {
        const summary: TraceSummary = await summaryOf(viewer.url);
        expect(summary.warnings).toEqual([]);
        const page = await open(`${viewer.url}/`);
        expect(await page.getByTestId('trace-warnings').count()).toBe(0);
        await procLaneMatches(page, viewer.url, 'proc:0');
        await page.close();
      } finally {
        await viewer.close();
      }
    });
  }

  it('a Go 1.26 trace cut at 90 % (inside its second generation) opens with its complete generations and the page says how much was lost', async () => {
    const bytes = readFileSync(join(FIXTURE_TRACES, 'chansel-go1.26.trace'));
    const cut = join(tmp, 'chansel-cut.trace');
    // Two generations: 90 % keeps the first whole and cuts a batch of the second.
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.9)));
    const viewer = await startViewer(cut);
    try {
      const summary = await summaryOf(viewer.url);
      expect(summary.warnings).toHaveLength(1);
      expect(summary.warnings[0]).toMatch(/^trace damaged at offset 0x[0-9a-f]+ .*; kept 1 complete generation .*lost .*% of the file\)$/);
      // chansel runs in short bursts over 1 s: look where proc 0 ran longest, so its spans are wider than pixels.
      const spans = await apiSpans(viewer.url, 'proc:0', 0, summary.durationNs, summary.durationNs / 1400);
      expect(spans.startNs.length).toBeGreaterThan(0);
      const longest = spans.startNs.reduce((best, s, i) => (spans.endNs[i] - s > spans.endNs[best] - spans.startNs[best] ? i : best), 0);
      const pad = 20 * (spans.endNs[longest] - spans.startNs[longest]);
      const window = `${Math.max(0, Math.floor(spans.startNs[longest] - pad))}-${Math.ceil(spans.endNs[longest] + pad)}`;
      const page = await open(`${viewer.url}/?t=${window}`);
      await expect.poll(() => page.getByTestId('trace-warnings').textContent()).toBe(summary.warnings[0]);
      await procLaneMatches(page, viewer.url, 'proc:0');
      // The other pages open on the kept part too.
      await page.getByTestId('tab-goroutines').click();
      await page.getByTestId('goroutine-table').locator('[role=row].vtable-row').first().waitFor();
      expect(await page.getByTestId('trace-warnings').textContent()).toBe(summary.warnings[0]);
      await page.close();
    } finally {
      await viewer.close();
    }
  });

  it('no page error, console error or failed request', () => {
    expect(errors).toEqual([]);
  });
});
