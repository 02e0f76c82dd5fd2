import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type GoroutineListResponse, type LogDetail, type RegionDetail, type TraceSummary } from '../../shared/api.ts';
import { decodeChunk, type LaneTrack } from '../../shared/chunk-codec.ts';
import { INSTANTS_TRACK, REGIONS_TRACK } from '../../shared/lane-tracks.ts';
import { MarkerKind } from '../../shared/states.ts';
import { formatDurationNs } from '../../web/render/format-time.ts';
import { regionColour } from '../../web/render/palette.ts';
import { ROW_HEIGHTS } from '../../web/state/lane-layout.ts';
import { REGION_BAR_PX, REGION_LEVEL_PX } from '../../web/state/track-geometry.ts';
import { browserSkipReason, collectErrors, launchChromium, newContext, openApp, startViewer, waitForSettledFrame, type Viewer } from '../helpers/browser.ts';
import { canvasBox, expectedColumns, getJson, mismatches, summaryOf, viewOf, type Spans } from '../helpers/timeline-probe.ts';

/**
 * User regions and log messages on the goroutine lanes, in Chromium, on the
 * annotations fixture served by the real CLI: the region bars' pixels where
 * /api/chunk's regions track has them (and their colour), a click on a bar
 * and on a log diamond showing what /api/annotation says.
 */
const skip = browserSkipReason();
if (skip) console.log(skip);

interface Lane {
  id: number;
  regions: LaneTrack;
  instants: LaneTrack | undefined;
}

describe.skipIf(skip !== null)('user regions and logs on the timeline (annotations fixture)', () => {
  let viewer: Viewer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let summary: TraceSummary;
  let lane: Lane;
  let windowNs: { startNs: number; endNs: number };

  /** The goroutine's tracks over [startNs, endNs] at a resolution of a tenth of a screen pixel or finer. */
  async function tracks(id: number, startNs: number, endNs: number, screenNsPerPx: number): Promise<Lane> {
    let nsPerPx = 2 ** Math.floor(Math.log2(Math.max(1, screenNsPerPx / 10)));
    while ((endNs - startNs) / nsPerPx > 16_000) nsPerPx *= 2;
    const r = await fetch(`${viewer.url}${API.chunk}?lanes=g:${id}&start=${Math.floor(startNs)}&end=${Math.ceil(endNs)}&nsPerPx=${nsPerPx}`);
    const l = decodeChunk(new Uint8Array(await r.arrayBuffer())).lanes[0];
    return { id, regions: l.tracks?.[REGIONS_TRACK] ?? { count: 0, arrays: {} }, instants: l.tracks?.[INSTANTS_TRACK] };
  }

  /** Top of the goroutine's row in canvas px (from its lane header). */
  async function rowTop(id: number): Promise<number> {
    const box = await canvasBox(page);
    const header = await page.locator('.lane-header-goroutine', { hasText: new RegExp(`^G${id}\\b`) }).boundingBox();
    return Math.round(header!.y - box.top);
  }

  /** Per canvas column: whether the band [topPx, topPx + heightPx) has ink (not background or grid); and the colour mid-band at x. */
  async function bandInk(topPx: number, heightPx: number): Promise<{ ink: boolean[]; colourAt: (x: number) => string }> {
    const { ink, colours } = await page.$eval(
      '[data-testid=timeline-canvas]',
      (el, { top, height }) => {
        const c = el as HTMLCanvasElement;
        const img = c.getContext('2d')!.getImageData(0, top, c.width, height);
        const ink: boolean[] = [];
        const colours: string[] = [];
        for (let x = 0; x < c.width; x++) {
          let any = false;
          for (let y = 0; y < height && !any; y++) {
            const i = (y * img.width + x) * 4;
            if (Math.max(255 - img.data[i], 255 - img.data[i + 1], 255 - img.data[i + 2]) > 40) any = true;
          }
          ink.push(any);
          const m = (Math.floor(height / 2) * img.width + x) * 4;
          colours.push(`#${[0, 1, 2].map((k) => img.data[m + k].toString(16).padStart(2, '0')).join('')}`);
        }
        return { ink, colours };
      },
      { top: topPx, height: heightPx },
    );
    return { ink, colourAt: (x) => colours[x] };
  }

  beforeAll(async () => {
    [viewer, browser] = await Promise.all([startViewer('annotations-go1.26.trace'), launchChromium()]);
    summary = await summaryOf(viewer.url);
    // A goroutine of the group with the deepest regions, and a window over its first regions.
    const group = [...summary.groups].sort((a, b) => (b.regionLevels ?? 0) - (a.regionLevels ?? 0))[0];
    expect(group.regionLevels).toBeGreaterThanOrEqual(2);
    const members = await getJson<GoroutineListResponse>(`${viewer.url}${API.goroutineList}?group=${encodeURIComponent(group.name)}&limit=50`);
    const id = members.items[0].id;
    const whole = await tracks(id, 0, summary.durationNs, summary.durationNs / 1000);
    const depth0 = Array.from({ length: whole.regions.count }, (_, i) => i).filter((i) => whole.regions.arrays.depth[i] === 0);
    expect(depth0.length).toBeGreaterThanOrEqual(4);
    const first = whole.regions.arrays.startNs[depth0[0]];
    const fourth = whole.regions.arrays.endNs[depth0[3]];
    windowNs = { startNs: Math.max(0, Math.floor(first - (fourth - first) * 0.05)), endNs: Math.ceil(fourth + (fourth - first) * 0.05) };

    page = await (await newContext(browser)).newPage();
    errors = collectErrors(page);
    await openApp(page, `${viewer.url}/?t=${windowNs.startNs}-${windowNs.endNs}`);
    const toggle = page.locator('.group-toggle', { hasText: group.name }).first();
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await page.locator('.lane-header-goroutine', { hasText: new RegExp(`^G${id}\\b`) }).waitFor();
    await page.mouse.move(2, 2);
    await waitForSettledFrame(page);
    const view = await viewOf(page);
    const { width } = await canvasBox(page);
    lane = await tracks(id, view.startNs, view.endNs, (view.endNs - view.startNs) / width);
  });

  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
  });

  it('draws the outermost regions’ bar under the goroutine’s states where the API has regions, in each region’s colour, and nothing where it has none', async () => {
    const view = await viewOf(page);
    const { width } = await canvasBox(page);
    const a = lane.regions.arrays;
    const names = lane.regions.meta!.names as string[];
    const level0 = Array.from({ length: lane.regions.count }, (_, i) => i).filter((i) => a.depth[i] === 0);
    const spans: Spans = { startNs: level0.map((i) => a.startNs[i]), endNs: level0.map((i) => a.endNs[i]), goroutine: level0.map(() => -1) };
    const expected = expectedColumns(spans, view, width);
    expect(expected.filter((e) => e === 'ink').length).toBeGreaterThan(50);
    expect(expected.filter((e) => e === 'blank').length).toBeGreaterThan(5);
    const top = (await rowTop(lane.id)) + ROW_HEIGHTS.goroutine;
    const { ink, colourAt } = await bandInk(top, REGION_BAR_PX);
    expect(mismatches(ink, expected, view).slice(0, 10)).toEqual([]);
    // Each region wide enough is drawn in its name's colour.
    const nsPerPx = (view.endNs - view.startNs) / width;
    let coloured = 0;
    for (const i of level0) {
      if ((a.endNs[i] - a.startNs[i]) / nsPerPx < 6 || a.startNs[i] < view.startNs || a.endNs[i] > view.endNs) continue;
      expect(colourAt(Math.round(((a.startNs[i] + a.endNs[i]) / 2 - view.startNs) / nsPerPx))).toBe(regionColour(names[a.name[i]]));
      coloured++;
    }
    expect(coloured).toBeGreaterThanOrEqual(3);
    // The gap between the region bars and the states: no region ink in the 2 px above the band.
    const above = await bandInk(top - 2, 2);
    const stateInkColumns = above.ink.filter(Boolean).length;
    expect(stateInkColumns).toBe(0);
  });

  it('clicking a nested region’s bar shows its name, task and duration in the detail panel, as /api/annotation says', async () => {
    const view = await viewOf(page);
    const box = await canvasBox(page);
    const nsPerPx = (view.endNs - view.startNs) / box.width;
    const a = lane.regions.arrays;
    const names = lane.regions.meta!.names as string[];
    // The widest depth-1 region fully on screen.
    let best = -1;
    for (let i = 0; i < lane.regions.count; i++) {
      if (a.depth[i] !== 1 || a.count[i] !== 1 || a.startNs[i] < view.startNs || a.endNs[i] > view.endNs) continue;
      if (best < 0 || a.endNs[i] - a.startNs[i] > a.endNs[best] - a.startNs[best]) best = i;
    }
    expect(best).toBeGreaterThanOrEqual(0);
    expect((a.endNs[best] - a.startNs[best]) / nsPerPx).toBeGreaterThan(6);
    const expected = await getJson<RegionDetail>(`${viewer.url}${API.annotation}?kind=region&row=${a.row[best]}`);
    expect(expected.name).toBe(names[a.name[best]]);
    const x = box.left + ((a.startNs[best] + a.endNs[best]) / 2 - view.startNs) / nsPerPx;
    const y = box.top + (await rowTop(lane.id)) + ROW_HEIGHTS.goroutine + REGION_LEVEL_PX + REGION_BAR_PX / 2;
    await page.mouse.move(x, y);
    await expect.poll(() => page.getByTestId('timeline-tooltip').textContent()).toContain(expected.name);
    await page.mouse.click(x, y);
    const name = page.getByTestId('detail-region-name');
    await name.waitFor();
    expect(await name.textContent()).toBe(expected.name);
    expect(await page.getByTestId('detail-task').textContent()).toBe(`T${expected.task} ${expected.taskName}`);
    expect(await page.getByTestId('detail-duration').textContent()).toBe(formatDurationNs(expected.endNs - expected.startNs));
    expect((await page.getByTestId('detail-goroutine').textContent())!.replace(/\s+/g, ' ').trim()).toBe(`G${expected.goroutine} ${expected.goroutineName}`);
    await page.getByTestId('start-stack').waitFor();
    // The selection is in the URL, and the URL brings it back.
    await page.waitForFunction((row) => new URLSearchParams(location.search).get('item') === `region:${row}`, a.row[best]);
    const copy = await page.context().newPage();
    const copyErrors = collectErrors(copy);
    await openApp(copy, page.url());
    await copy.getByTestId('detail-region-name').waitFor();
    expect(await copy.getByTestId('detail-region-name').textContent()).toBe(expected.name);
    expect(await copy.getByTestId('detail-duration').textContent()).toBe(formatDurationNs(expected.endNs - expected.startNs));
    expect(copyErrors).toEqual([]);
    await copy.close();
  });

  it('clicking a log diamond shows the message as go tool trace titles it', async () => {
    // The detail panel took width from the canvas: let the view settle at its new scale.
    await page.mouse.move(2, 2);
    await waitForSettledFrame(page);
    const view = await viewOf(page);
    const box = await canvasBox(page);
    const nsPerPx = (view.endNs - view.startNs) / box.width;
    const t = lane.instants!;
    const a = t.arrays;
    // A single log on screen with no other instant within 8 px.
    const i = Array.from({ length: t.count }, (_, k) => k).find(
      (k) => a.kind[k] === MarkerKind.Log && a.count[k] === 1 && a.timeNs[k] > view.startNs && a.timeNs[k] < view.endNs && Array.from(a.timeNs).every((o, j) => j === k || Math.abs(o - a.timeNs[k]) > 8 * nsPerPx),
    );
    expect(i).toBeDefined();
    const expected = await getJson<LogDetail>(`${viewer.url}${API.annotation}?kind=log&row=${a.row[i!]}`);
    await page.mouse.click(box.left + (a.timeNs[i!] - view.startNs) / nsPerPx, box.top + (await rowTop(lane.id)) + 5);
    const message = page.getByTestId('detail-log-message');
    await message.waitFor();
    expect(await message.textContent()).toBe(expected.title);
    expect(expected.title).toBe(expected.category ? `[${expected.category}] ${expected.message}` : expected.message);
  });

  it('had no page errors, console errors or failed requests', () => {
    expect(errors).toEqual([]);
  });
});
