import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../shared/api.ts';
import type { FlowArrow, FlowsResponse, TaskDetail } from '../../shared/flow-api.ts';
import { FLOW_COLOURS } from '../../web/render/draw-flows.ts';
import { browserSkipReason, collectErrors, launchChromium, newContext, openApp, startViewer, waitForSettledFrame, type Viewer } from '../helpers/browser.ts';
import { apiSpans, canvasBox, expectedColumns, getJson, laneBand, laneInk, mismatches, viewOf } from '../helpers/timeline-probe.ts';

/**
 * Flow arrows and the TASKS section in Chromium, served by the real CLI:
 * arrow pixels between the rows /api/flows names (and none once Flows is off),
 * and a task lane drawn where /api/task says the task is.
 */
const skip = browserSkipReason();
if (skip) console.log(skip);

/** Keeps the canvas pixels as they are now (in the page), to compare later frames with. */
async function keepCanvas(page: Page): Promise<void> {
  await page.$eval('[data-testid=timeline-canvas]', (el) => {
    const c = el as HTMLCanvasElement;
    (window as unknown as { __base: ImageData }).__base = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
  });
}

/**
 * Per point, against the kept canvas: 'arrow' when some pixel within `radiusPx`
 * moved towards `colour` by more than 40 (an anti-aliased line of that colour
 * was drawn there), 'same' when every pixel there is unchanged, else 'other'.
 */
async function changesNear(page: Page, points: { x: number; y: number }[], colour: string, radiusPx = 2): Promise<string[]> {
  const rgb = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  return page.$eval(
    '[data-testid=timeline-canvas]',
    (el, { points, rgb, radiusPx }) => {
      const c = el as HTMLCanvasElement;
      const base = (window as unknown as { __base: ImageData }).__base;
      const now = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      const dist = (d: Uint8ClampedArray, i: number) => Math.hypot(d[i] - rgb[0], d[i + 1] - rgb[1], d[i + 2] - rgb[2]);
      return points.map(({ x, y }) => {
        let same = true;
        for (let dy = -radiusPx; dy <= radiusPx; dy++) {
          for (let dx = -radiusPx; dx <= radiusPx; dx++) {
            const i = ((Math.round(y) + dy) * c.width + Math.round(x) + dx) * 4;
            if (dist(base.data, i) - dist(now.data, i) > 40) return 'arrow';
            for (let k = 0; k < 4; k++) if (base.data[i + k] !== now.data[i + k]) same = false;
          }
        }
        return same ? 'same' : 'other';
      });
    },
    { points, rgb, radiusPx },
  );
}

/** Lanes whose header row is in the DOM (on screen), by id. */
async function visibleLanes(page: Page): Promise<string[]> {
  return page.$$eval('.lane-header[data-lane]', (els) => els.map((e) => e.getAttribute('data-lane')!).filter((id) => /^(g|proc|task):/.test(id)));
}

describe.skipIf(skip !== null)('flow arrows in the browser (mutex fixture)', () => {
  let viewer: Viewer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    [viewer, browser] = await Promise.all([startViewer('mutex-go1.26.trace'), launchChromium()]);
    context = await newContext(browser);
    page = await context.newPage();
    errors = collectErrors(page);
    // 10 ms of the contended part: unblock arrows between the worker goroutines, not so many that the answer is sampled.
    await openApp(page, `${viewer.url}/?t=20000000-30000000`);
  });

  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
  });

  /** Points 30 %, 50 % and 70 % along each arrow between two rows on screen, from the lanes' header bands. */
  async function arrowPoints(arrows: FlowArrow[]): Promise<{ arrow: FlowArrow; points: { x: number; y: number }[] }[]> {
    const view = await viewOf(page);
    const { width } = await canvasBox(page);
    const xOf = (ns: number) => ((ns - view.startNs) / (view.endNs - view.startNs)) * width;
    const out = [];
    for (const a of arrows) {
      const [from, to] = [await laneBand(page, a.fromLane), await laneBand(page, a.toLane)];
      const [x0, y0, x1, y1] = [xOf(a.fromNs), from.top + 9, xOf(a.toNs), to.top + 9];
      out.push({ arrow: a, points: [0.3, 0.5, 0.7].map((t) => ({ x: x0 + t * (x1 - x0), y: y0 + t * (y1 - y0) })) });
    }
    return out;
  }

  it('the Flows button draws arrows between the goroutine rows /api/flows names, and turning it off removes them', async () => {
    await page.mouse.move(2, 2);
    await waitForSettledFrame(page);
    await keepCanvas(page);
    // The app's own answer from /api/flows: the arrows it must draw.
    const answer = page.waitForResponse((r) => r.url().includes(API.flows));
    await page.click('[data-testid=flows-toggle]');
    const response = await answer;
    const api = (await response.json()) as FlowsResponse;
    await page.waitForFunction(() => window.__gtv!.flowArrowsDrawn > 0);
    await waitForSettledFrame(page);
    // The URL keeps the toggle (written within 250 ms of a change).
    await page.waitForFunction(() => location.search.includes('flows=1'));
    const lanes = await visibleLanes(page);
    const view = await viewOf(page);
    // It asked about the lanes on screen, over the view and half a view either side.
    const asked = new URL(response.url()).searchParams;
    expect(asked.get('lanes')!.split(',')).toEqual(expect.arrayContaining(lanes.filter((l) => l.startsWith('g:'))));
    expect(Number(asked.get('start'))).toBeLessThanOrEqual(view.startNs);
    expect(Number(asked.get('end'))).toBeGreaterThanOrEqual(view.endNs);
    // Arrows with both ends on goroutine rows on screen, three rows apart or more, so their middle is over other rows.
    const shown = new Set(lanes);
    const between = api.arrows.filter((a) => a.fromLane.startsWith('g:') && a.toLane.startsWith('g:') && shown.has(a.fromLane) && shown.has(a.toLane) && a.fromNs >= view.startNs && a.toNs <= view.endNs);
    const candidates = [];
    for (const a of between) {
      const [f, t] = [await laneBand(page, a.fromLane), await laneBand(page, a.toLane)];
      if (Math.abs(f.top - t.top) >= 54) candidates.push(a);
      if (candidates.length >= 12) break;
    }
    expect(candidates.length).toBeGreaterThanOrEqual(5);
    const probes = await arrowPoints(candidates);
    for (const { arrow, points } of probes) {
      const seen = await changesNear(page, points, FLOW_COLOURS[arrow.kind]);
      expect(seen, `${arrow.kind} ${arrow.fromLane}@${arrow.fromNs} → ${arrow.toLane}@${arrow.toNs}`).toEqual(['arrow', 'arrow', 'arrow']);
    }
    await page.click('[data-testid=flows-toggle]');
    await page.waitForFunction(() => window.__gtv!.flowArrowsDrawn === 0);
    await waitForSettledFrame(page);
    await page.waitForFunction(() => !location.search.includes('flows=1'));
    // Off: the very pixels of before, where every arrow was.
    for (const { arrow, points } of probes) expect(await changesNear(page, points, FLOW_COLOURS[arrow.kind]), `${arrow.fromLane} → ${arrow.toLane} after Flows off`).toEqual(['same', 'same', 'same']);
  });

  it('a copied URL with flows=1 opens with the arrows drawn', async () => {
    const copy = await context.newPage();
    const copyErrors = collectErrors(copy);
    await openApp(copy, `${viewer.url}/?t=20000000-30000000&flows=1`);
    await copy.waitForFunction(() => window.__gtv!.flowArrowsDrawn > 0);
    expect(await copy.$eval('[data-testid=flows-toggle]', (b) => b.getAttribute('aria-pressed'))).toBe('true');
    await copy.close();
    expect(copyErrors).toEqual([]);
  });

  it('the whole trace has more arrows than an answer holds: the toolbar says they are sampled', async () => {
    const whole = await context.newPage();
    const wholeErrors = collectErrors(whole);
    const answer = whole.waitForResponse((r) => r.url().includes(API.flows));
    await openApp(whole, `${viewer.url}/?flows=1`);
    const body = (await (await answer).json()) as FlowsResponse;
    expect(body.truncated).toBe(true);
    await whole.waitForSelector('[data-testid=flows-sampled]');
    await whole.click('[data-testid=flows-toggle]');
    await whole.waitForSelector('[data-testid=flows-sampled]', { state: 'detached' });
    await whole.close();
    expect(wholeErrors).toEqual([]);
  });

  it('had no page errors, console errors or failed requests', () => {
    expect(errors).toEqual([]);
  });
});

describe.skipIf(skip !== null)('TASKS section in the browser (annotations fixture)', () => {
  let viewer: Viewer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    [viewer, browser] = await Promise.all([startViewer('annotations-go1.26.trace'), launchChromium()]);
    page = await (await newContext(browser)).newPage();
    errors = collectErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
  });

  it('shows the TASKS section; opened, a task lane is drawn from the task begin to its end and nowhere else', async () => {
    const task = await getJson<TaskDetail>(`${viewer.url}${API.task}?id=2`);
    // The task with room on both sides.
    const pad = (task.endNs - task.startNs) / 2;
    await openApp(page, `${viewer.url}/?t=${Math.max(0, Math.floor(task.startNs - pad))}-${Math.ceil(task.endNs + pad)}`);
    const toggle = page.locator('[data-testid=tasks-toggle]');
    await expect(toggle.textContent()).resolves.toContain('TASKS');
    // 643 tasks: the section starts closed.
    expect(await page.$('.lane-header[data-lane="task:2"]')).toBeNull();
    await toggle.click();
    await page.waitForSelector('.lane-header[data-lane="task:2"]');
    await page.mouse.move(2, 2);
    await waitForSettledFrame(page);
    const view = await viewOf(page);
    const { width } = await canvasBox(page);
    const spans = await apiSpans(viewer.url, 'task:2', view.startNs, view.endNs, (view.endNs - view.startNs) / width);
    expect(spans.startNs).toEqual([task.startNs]);
    expect(spans.endNs).toEqual([task.endNs]);
    const expected = expectedColumns(spans, view, width);
    expect(expected.filter((e) => e === 'ink').length).toBeGreaterThan(width / 3);
    expect(expected.filter((e) => e === 'blank').length).toBeGreaterThan(width / 5);
    expect(mismatches(await laneInk(page, 'task:2'), expected, view).slice(0, 10)).toEqual([]);
  });

  it('clicking the task lane opens the task: type, parent, goroutines as /api/task says', async () => {
    const task = await getJson<TaskDetail>(`${viewer.url}${API.task}?id=2`);
    const box = await canvasBox(page);
    const band = await laneBand(page, 'task:2');
    const view = await viewOf(page);
    const x = ((task.startNs + task.endNs) / 2 - view.startNs) / (view.endNs - view.startNs);
    await page.mouse.click(box.left + x * box.width, box.top + band.top + band.height / 2);
    await page.waitForSelector('[data-testid=task-detail]');
    expect(await page.textContent('[data-testid=detail-task]')).toContain(`T2 ${task.name}`);
    expect(await page.textContent('[data-testid=detail-task-parent]')).toContain(`T${task.parent}`);
    const goroutines = await page.textContent('[data-testid=detail-task-goroutines]');
    for (const g of task.goroutines) expect(goroutines).toContain(`G${g}`);
  });

  it('had no page errors, console errors or failed requests', () => {
    expect(errors).toEqual([]);
  });
});
