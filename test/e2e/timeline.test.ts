import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceSummary } from '../../shared/api.ts';
import { formatDurationNs } from '../../web/render/format-time.ts';
import { wheelZoomFactor } from '../../web/state/viewport-math.ts';
import { browserSkipReason, collectErrors, launchChromium, newContext, openApp, startViewer, waitForSettledFrame, type Viewer } from '../helpers/browser.ts';
import { apiSpans, canvasBox, canvasHash, expectedColumns, laneBand, laneInk, mismatches, spanAt, summaryOf, viewOf, type Spans } from '../helpers/timeline-probe.ts';

/**
 * The timeline in Chromium, on the mutex fixture served by the real CLI: the
 * canvas pixels of the proc lanes against the server's spans, zooming with the
 * wheel and the keys, clicking a span, and a copied URL bringing the view back.
 */
const skip = browserSkipReason();
if (skip) console.log(skip);

const TRACE = 'mutex-go1.26.trace';
const LANE = 'proc:0';

describe.skipIf(skip !== null)('timeline in the browser (mutex fixture)', () => {
  let viewer: Viewer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let summary: TraceSummary;

  beforeAll(async () => {
    [viewer, browser] = await Promise.all([startViewer(TRACE), launchChromium()]);
    summary = await summaryOf(viewer.url);
    context = await newContext(browser);
    page = await context.newPage();
    errors = collectErrors(page);
    await openApp(page, `${viewer.url}/`);
  });

  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
  });

  /** Moves the pointer off the canvas (its time line is drawn over the lanes) and waits for the redraw. */
  async function pointerOff(p = page): Promise<void> {
    await p.mouse.move(2, 2);
    await waitForSettledFrame(p);
  }

  /** The lane's pixels against the server's spans for the visible window; returns the spans. */
  async function expectLaneMatchesApi(laneId: string, minInk = 5, minBlank = 5): Promise<Spans> {
    await pointerOff();
    const view = await viewOf(page);
    const { width } = await canvasBox(page);
    const spans = await apiSpans(viewer.url, laneId, view.startNs, view.endNs, (view.endNs - view.startNs) / width);
    const expected = expectedColumns(spans, view, width);
    const ink = await laneInk(page, laneId);
    expect(ink.length).toBe(width);
    // The check means something only with columns of both kinds on screen.
    expect(expected.filter((e) => e === 'ink').length).toBeGreaterThanOrEqual(minInk);
    expect(expected.filter((e) => e === 'blank').length).toBeGreaterThanOrEqual(minBlank);
    expect(mismatches(ink, expected, view).slice(0, 10)).toEqual([]);
    return spans;
  }

  it('opens on the whole trace and draws every proc lane where the API has spans, and nothing where it has none', async () => {
    const view = await viewOf(page);
    expect(view.startNs).toBe(0);
    expect(view.endNs).toBe(summary.durationNs);
    const procs = summary.lanes.filter((l) => l.id.startsWith('proc:')).map((l) => l.id);
    expect(procs.length).toBe(summary.procCount);
    for (const lane of procs) await expectLaneMatchesApi(lane);
    // Negative control: the lanes differ, so one lane's pixels do not pass for the other's spans.
    const { width } = await canvasBox(page);
    const other = await apiSpans(viewer.url, procs[1], view.startNs, view.endNs, view.endNs / width);
    expect(mismatches(await laneInk(page, procs[0]), expectedColumns(other, view, width), view).length).toBeGreaterThan(0);
  });

  it('the wheel zooms at the pointer, redraws, and the new pixels match the API', async () => {
    const box = await canvasBox(page);
    const band = await laneBand(page, LANE);
    const before = await viewOf(page);
    const hash = await canvasHash(page);
    const xPx = 300;
    const anchorNs = before.startNs + (xPx / box.width) * (before.endNs - before.startNs);
    await page.mouse.move(box.left + xPx, box.top + band.top + band.height / 2);
    await page.mouse.wheel(0, -240);
    await page.waitForFunction((f) => window.__gtv!.framesDrawn > f && window.__gtv!.endNs - window.__gtv!.startNs < window.__gtv!.durationNs, before.framesDrawn);
    await waitForSettledFrame(page);
    const after = await viewOf(page);
    const ratio = (after.endNs - after.startNs) / (before.endNs - before.startNs);
    expect(ratio).toBeCloseTo(wheelZoomFactor(-240, 0, false), 6);
    // The time under the pointer stays under the pointer.
    expect(after.startNs + (xPx / box.width) * (after.endNs - after.startNs)).toBeCloseTo(anchorNs, 0);
    expect(after.framesDrawn).toBeGreaterThan(before.framesDrawn);
    expect(await canvasHash(page)).not.toBe(hash);
    await expectLaneMatchesApi(LANE);
  });

  it('W and S zoom in and out by the key step around the pointer, redrawing each time', async () => {
    const box = await canvasBox(page);
    const band = await laneBand(page, LANE);
    const xPx = 300;
    // The keys zoom around the pointer when it is over the lanes.
    await page.mouse.move(box.left + xPx, box.top + band.top + band.height / 2);
    const at = (v: { startNs: number; endNs: number }) => v.startNs + (xPx / box.width) * (v.endNs - v.startNs);
    for (const [key, factor] of [
      ['w', 1 / 1.25],
      ['w', 1 / 1.25],
      ['s', 1.25],
    ] as const) {
      const before = await viewOf(page);
      const hash = await canvasHash(page);
      await page.keyboard.press(key);
      await page.waitForFunction((f) => window.__gtv!.framesDrawn > f, before.framesDrawn);
      await waitForSettledFrame(page);
      const after = await viewOf(page);
      expect((after.endNs - after.startNs) / (before.endNs - before.startNs)).toBeCloseTo(factor, 9);
      expect(at(after)).toBeCloseTo(at(before), 0);
      expect(await canvasHash(page)).not.toBe(hash);
    }
    await expectLaneMatchesApi(LANE);
  });

  it('clicking a span of a proc lane shows its goroutine in the detail panel, as /api/span tells', async () => {
    const view = await viewOf(page);
    const box = await canvasBox(page);
    const band = await laneBand(page, LANE);
    const nsPerPx = (view.endNs - view.startNs) / box.width;
    const spans = await apiSpans(viewer.url, LANE, view.startNs, view.endNs, nsPerPx);
    // The widest goroutine span fully on screen.
    let best = -1;
    for (let i = 0; i < spans.startNs.length; i++) {
      if (spans.goroutine[i] < 0 || spans.startNs[i] < view.startNs || spans.endNs[i] > view.endNs) continue;
      if (best < 0 || spans.endNs[i] - spans.startNs[i] > spans.endNs[best] - spans.startNs[best]) best = i;
    }
    expect(best).toBeGreaterThanOrEqual(0);
    const midNs = (spans.startNs[best] + spans.endNs[best]) / 2;
    expect((spans.endNs[best] - spans.startNs[best]) / nsPerPx).toBeGreaterThan(6);
    const expected = await spanAt(viewer.url, LANE, midNs);
    expect(expected).not.toBeNull();
    expect(expected!.goroutine).toBe(spans.goroutine[best]);

    await page.mouse.click(box.left + (midNs - view.startNs) / nsPerPx, box.top + band.top + band.height / 2);
    const cell = page.getByTestId('detail-goroutine');
    await cell.waitFor();
    expect((await cell.textContent())!.replace(/\s+/g, ' ').trim()).toBe(`G${expected!.goroutine} ${expected!.goroutineName}`.trim());
    expect(await page.getByTestId('detail-state').textContent()).toBe(expected!.state);
    expect(await page.getByTestId('detail-duration').textContent()).toBe(formatDurationNs(expected!.endNs - expected!.startNs));
    // The span the app asked about is the clicked one.
    await page.waitForFunction(() => /[?&]span=/.test(location.search));
    const m = /^(.+)@(\d+)$/.exec(new URL(page.url()).searchParams.get('span')!);
    expect(m?.[1]).toBe(LANE);
    expect(Number(m![2])).toBeGreaterThanOrEqual(spans.startNs[best]);
    expect(Number(m![2])).toBeLessThanOrEqual(spans.endNs[best]);
  });

  it('a copied URL (after zoom, span click and range selection) restores the window, the selection and the span', async () => {
    const box = await canvasBox(page);
    const axis = await page.getByTestId('time-axis').boundingBox();
    // Drag on the time axis selects a range.
    await page.mouse.move(box.left + 200, axis!.y + axis!.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.left + 350, axis!.y + axis!.height / 2, { steps: 5 });
    await page.mouse.move(box.left + 500, axis!.y + axis!.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.getByTestId('selection-panel').waitFor();
    const selectionText = await page.getByTestId('selection-duration').textContent();
    // The app rewrites the URL at most every 250 ms: wait for the one with the final selection.
    const urlSelection = () => {
      const p = new URL(page.url()).searchParams;
      const m = /^(\d+)-(\d+)$/.exec(p.get('sel') ?? '');
      return m && p.has('t') && p.has('span') ? formatDurationNs(Number(m[2]) - Number(m[1])) : null;
    };
    await expect.poll(urlSelection, { timeout: 5_000 }).toBe(selectionText);
    const url = page.url();
    const view = await viewOf(page);
    const goroutineText = await page.getByTestId('detail-goroutine').textContent();

    const copy = await context.newPage();
    const copyErrors = collectErrors(copy);
    await openApp(copy, url);
    const restored = await viewOf(copy);
    // The URL holds whole ns: floor of the start, ceiling of the end.
    expect(restored.startNs).toBe(Math.floor(view.startNs));
    expect(restored.endNs).toBe(Math.ceil(view.endNs));
    expect(await copy.evaluate(() => window.__gtv!.page)).toBe('timeline');
    expect(await copy.getByTestId('selection-duration').textContent()).toBe(selectionText);
    await copy.getByTestId('detail-goroutine').waitFor();
    expect(await copy.getByTestId('detail-goroutine').textContent()).toBe(goroutineText);
    // Same window, same pixels on the proc lane.
    await pointerOff();
    await waitForSettledFrame(copy);
    expect(await laneInk(copy, LANE)).toEqual(await laneInk(page, LANE));
    expect(copyErrors).toEqual([]);
    await copy.close();
  });

  it('a copied URL of an analysis page opens that page with its group', async () => {
    await page.getByTestId('tab-goroutines').click();
    await page.getByTestId('goroutine-groups').waitFor();
    const group = summary.groups[2].name;
    await page.getByTestId('goroutine-groups').getByRole('button', { name: group, exact: true }).click();
    await page.waitForFunction((g) => new URLSearchParams(location.search).get('group') === g, group);
    const copy = await context.newPage();
    const copyErrors = collectErrors(copy);
    await openApp(copy, page.url());
    expect(await copy.evaluate(() => window.__gtv!.page)).toBe('goroutines');
    await copy.getByTestId('goroutine-breakdown').waitFor();
    expect(await copy.locator('[data-testid=goroutine-breakdown] h2').textContent()).toBe(group);
    expect(copyErrors).toEqual([]);
    await copy.close();
  });

  it('had no page errors, console errors or failed requests', () => {
    expect(errors).toEqual([]);
  });
});
