import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GoroutineListResponse, GoroutineLocation, TraceSummary } from '../../shared/api.ts';
import { relatedIds, type RelatedGoroutines } from '../../shared/related-api.ts';
import { browserSkipReason, launchChromium, newContext, openTracked, startViewer, waitForSettledFrame, type Viewer } from '../helpers/browser.ts';
import { getJson } from '../helpers/timeline-probe.ts';

/**
 * Search (`/`) and "Show only related" in Chromium, served by the real CLI:
 * a goroutine typed into the search box is revealed (its group opened, its
 * lane scrolled to, its span selected); the related goroutines of a worker
 * are the only goroutine lanes laid out once "Show only related" is clicked,
 * and the URL brings that back.
 */
const skip = browserSkipReason();
if (skip) console.log(skip);

/** Goroutine lane ids of the rows laid out (debug hook). */
const laidOut = (page: Page) => page.evaluate(() => window.__gtv!.goroutineLanes());
/** Goroutine lanes whose header is in the DOM (rows on screen). */
const headerLanes = (page: Page) => page.$$eval('.lane-header[data-lane^="g:"]', (els) => els.map((e) => e.getAttribute('data-lane')!));

describe.skipIf(skip !== null)('search and related goroutines in the browser', () => {
  let gcheavy: Viewer;
  let mutex: Viewer;
  let browser: Browser;
  let context: BrowserContext;
  const errors: string[] = [];

  beforeAll(async () => {
    [gcheavy, mutex, browser] = await Promise.all([startViewer('gcheavy-go1.26.trace'), startViewer('mutex-go1.26.trace'), launchChromium()]);
    context = await newContext(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([gcheavy?.close(), mutex?.close()]);
  });

  const open = (url: string): Promise<Page> => openTracked(context, url, errors);

  it('/ then a goroutine id then Enter: its group opens, its lane is on screen and its span selected', async () => {
    // A goroutine in the middle of the largest group: collapsed at first (6 011 goroutines), far down once opened.
    const summary = await getJson<TraceSummary>(`${gcheavy.url}/api/summary`);
    const big = summary.groups.reduce((a, b) => (b.count > a.count ? b : a));
    expect(big.count).toBeGreaterThan(1000);
    const list = await getJson<GoroutineListResponse>(`${gcheavy.url}/api/goroutines?group=${encodeURIComponent(big.name)}&offset=${Math.floor(big.count / 2)}&limit=1`);
    const id = list.items[0].id;
    const page = await open(`${gcheavy.url}/`);
    expect(await headerLanes(page)).not.toContain(`g:${id}`);

    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
    await page.keyboard.type(`G${id}`);
    await page.keyboard.press('Enter');
    await page.getByTestId('detail-goroutine').filter({ hasText: `G${id}` }).waitFor();
    await waitForSettledFrame(page);
    const first = page.getByTestId('search-result').first();
    expect(await first.getAttribute('data-kind')).toBe('goroutine');
    expect(await first.getAttribute('aria-selected')).toBe('true');
    expect(await headerLanes(page)).toContain(`g:${id}`);
    await expect.poll(() => new URL(page.url()).searchParams.get('span')).toMatch(new RegExp(`^g:${id}@\\d+$`));
    const span = new URL(page.url()).searchParams.get('span');
    // The lane's header row is inside the visible part of the lanes.
    const box = await page.locator(`.lane-header[data-lane="g:${id}"]`).boundingBox();
    const scroller = await page.getByTestId('timeline-scroller').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(scroller!.y);
    expect(box!.y + box!.height).toBeLessThanOrEqual(scroller!.y + scroller!.height);
    // Esc closes the results and leaves the selection.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('search-results').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('span')).toBe(span);
    await page.close();
  });

  it('"Show only related" lays out only the goroutine and its related ones; the URL restores it; "show all" undoes it', async () => {
    // The worker with the most related goroutines that still leaves some goroutines out.
    const summary = await getJson<TraceSummary>(`${mutex.url}/api/summary`);
    const all = (await Promise.all(summary.groups.map((g) => getJson<GoroutineListResponse>(`${mutex.url}/api/goroutines?group=${encodeURIComponent(g.name)}&limit=5000`)))).flatMap((l) => l.items);
    const related = await Promise.all(all.map((g) => getJson<RelatedGoroutines>(`${mutex.url}/api/goroutine/related?id=${g.id}&limit=1000`)));
    const pick = related.filter((r) => r.unblocked.total > 0 && relatedIds(r).length + 1 < all.length).sort((a, b) => relatedIds(b).length - relatedIds(a).length)[0];
    expect(pick).toBeDefined();
    const expected = [pick.id, ...relatedIds(pick)].map((id) => `g:${id}`).sort();
    const where = await getJson<GoroutineLocation>(`${mutex.url}/api/goroutine?id=${pick.id}`);
    const at = Math.round((where.createdNs + (where.endNs >= 0 ? where.endNs : summary.durationNs)) / 2);

    const page = await open(`${mutex.url}/?span=g:${pick.id}@${at}`);
    await page.getByTestId('related-goroutines').getByTestId('show-only-related').waitFor();
    const links = await page.getByTestId('related-link').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-goroutine'))));
    expect(new Set(links)).toEqual(new Set(relatedIds(pick)));
    expect((await laidOut(page)).length).toBe(all.length);

    await page.getByTestId('show-only-related').click();
    await page.getByTestId('focus-text').filter({ hasText: `Showing G${pick.id} and ${relatedIds(pick).length} related goroutine` }).waitFor();
    await expect.poll(async () => (await laidOut(page)).sort()).toEqual(expected);
    await waitForSettledFrame(page);
    for (const lane of await headerLanes(page)) expect(expected).toContain(lane);
    await expect.poll(() => new URL(page.url()).searchParams.get('focus')).toBe(`g:${pick.id}`);

    // A reload (or a shared link) comes back filtered.
    const again = await open(page.url());
    await again.getByTestId('focus-bar').waitFor();
    await expect.poll(async () => (await laidOut(again)).sort()).toEqual(expected);

    await again.getByTestId('focus-clear').click();
    await expect.poll(async () => (await laidOut(again)).length).toBe(all.length);
    expect(await again.getByTestId('focus-bar').count()).toBe(0);
    await expect.poll(() => new URL(again.url()).searchParams.get('focus')).toBeNull();
    await Promise.all([page.close(), again.close()]);
  });

  it('a related goroutine link reveals that goroutine and selects its span', async () => {
    const r = await getJson<RelatedGoroutines>(`${mutex.url}/api/goroutine/related?id=1`);
    const target = r.created.goroutines[r.created.goroutines.length - 1];
    const page = await open(`${mutex.url}/?span=g:1@${target.firstNs}`);
    await page.locator(`[data-testid=related-link][data-goroutine="${target.id}"]`).click();
    await page.getByTestId('detail-goroutine').filter({ hasText: `G${target.id}` }).waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('span')).toMatch(new RegExp(`^g:${target.id}@`));
    await page.close();
  });

  it('no page error, console error or failed request', () => {
    expect(errors).toEqual([]);
  });
});
