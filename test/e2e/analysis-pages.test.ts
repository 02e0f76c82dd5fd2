import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GoroutineAnalysisResponse, GoroutineRow, MmuResponse, MmuWindow, ProfileResponse, RegionsResponse, TasksResponse } from '../../shared/api.ts';
import { formatCount, formatDurationNs, formatPercent, formatTimestampNs } from '../../web/render/format-time.ts';
import { browserSkipReason, launchChromium, newContext, openTracked, startViewer, type Viewer } from '../helpers/browser.ts';
import { getJson } from '../helpers/timeline-probe.ts';

/**
 * The analysis pages in Chromium, each on a fixture where it has something to
 * show, served by the real CLI: what they show against the analysis API, and
 * every page of every fixture loading without a page error, a console error
 * or a failed request.
 */
const skip = browserSkipReason();
if (skip) console.log(skip);

const PAGES = ['goroutines', 'profiles', 'mmu', 'tasks', 'regions'] as const;
const FIXTURES = { mutex: 'mutex-go1.26.trace', gc: 'gcheavy-go1.26.trace', annotations: 'annotations-go1.26.trace' } as const;

const text = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

describe.skipIf(skip !== null)('analysis pages in the browser', () => {
  const viewers = {} as Record<keyof typeof FIXTURES, Viewer>;
  let browser: Browser;
  let context: BrowserContext;
  const errors: string[] = [];

  beforeAll(async () => {
    const started = await Promise.all([...Object.values(FIXTURES).map((f) => startViewer(f)), launchChromium()]);
    (Object.keys(FIXTURES) as (keyof typeof FIXTURES)[]).forEach((k, i) => (viewers[k] = started[i] as Viewer));
    browser = started[started.length - 1] as Browser;
    context = await newContext(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(Object.values(viewers).map((v) => v.close()));
  });

  const open = (fixture: keyof typeof FIXTURES, query: string): Promise<Page> => openTracked(context, `${viewers[fixture].url}/${query}`, errors, `${fixture} ${query}`);

  /** Duration histogram labels that overlap their neighbour or run out of their chart. */
  function histogramLabelClashes(page: Page): Promise<string[]> {
    return page.getByTestId('duration-histogram').evaluateAll((svgs) =>
      svgs.flatMap((svg) => {
        const width = svg.getBoundingClientRect().width;
        const boxes = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, box: (t as SVGTextElement).getBBox() }));
        const out: string[] = [];
        boxes.forEach((b, i) => {
          if (b.box.x < 0 || b.box.x + b.box.width > width + 0.5) out.push(`${b.text} runs out of the ${width} px chart`);
          if (i > 0 && boxes[i - 1].box.x + boxes[i - 1].box.width > b.box.x) out.push(`${boxes[i - 1].text} overlaps ${b.text}`);
        });
        return out;
      }),
    );
  }

  it('goroutine analysis (mutex): the contending goroutines with their sync-block time and share as the API says', async () => {
    const base = viewers.mutex.url;
    const groups = await getJson<GoroutineAnalysisResponse>(`${base}/api/analysis/goroutines?groupsOnly=1`);
    // The workers fighting over the account mutex: the group with the most sync-block time.
    const perGroup = await Promise.all(groups.groups.map((g) => getJson<GoroutineAnalysisResponse>(`${base}/api/analysis/goroutines?group=${encodeURIComponent(g.name)}`)));
    const syncOf = (rows: GoroutineRow[]) => rows.reduce((a, r) => a + (r.blockNs.sync ?? 0), 0);
    const best = perGroup.reduce((a, b) => (syncOf(b.goroutines) > syncOf(a.goroutines) ? b : a));
    const group = best.goroutines[0].group;
    const contending = best.goroutines.filter((r) => (r.blockNs.sync ?? 0) > 0);
    expect(contending.length).toBeGreaterThanOrEqual(4);

    const page = await open('mutex', `?page=goroutines&group=${encodeURIComponent(group)}`);
    const table = page.getByTestId('goroutine-table');
    await table.locator('[role=row].vtable-row:not(.muted)').first().waitFor();
    await expect.poll(() => table.locator('[role=row].vtable-row:not(.muted)').count()).toBe(best.goroutines.length);
    const columns = await table.locator('[role=columnheader]').evaluateAll((els) => els.map((e) => e.getAttribute('data-column')));
    const rows = await table.locator('[role=row].vtable-row:not(.muted)').evaluateAll((els) =>
      els.map((row) => ({
        cells: [...row.querySelectorAll('.vtable-td')].map((c) => (c.textContent ?? '').trim()),
        parts: [...row.querySelectorAll('[data-testid=ratio-bar] > span')].map((s) => ({ title: s.getAttribute('title') ?? '', grow: Number((s as HTMLElement).style.flexGrow) })),
      })),
    );
    const col = (name: string) => {
      const i = columns.indexOf(name);
      expect(i, `column ${name} in ${columns.join(', ')}`).toBeGreaterThanOrEqual(0);
      return i;
    };
    const byId = new Map(rows.map((r) => [r.cells[col('id')], r]));
    expect(byId.size).toBe(best.goroutines.length);
    for (const g of contending) {
      const row = byId.get(`G${g.id}`);
      expect(row, `G${g.id} listed`).toBeDefined();
      const sync = g.blockNs.sync;
      expect(row!.cells[col('block:sync')]).toBe(formatDurationNs(sync));
      expect(row!.cells[col('totalNs')]).toBe(formatDurationNs(g.totalNs));
      expect(row!.cells[col('execNs')]).toBe(formatDurationNs(g.execNs));
      // The breakdown bar: the sync part's share of the goroutine's time.
      const whole = g.execNs + g.schedWaitNs + g.syscallNs + g.unknownNs + Object.values(g.blockNs).reduce((a, b) => a + b, 0);
      expect(whole).toBeCloseTo(g.totalNs, -1);
      const part = row!.parts.find((p) => p.title.startsWith('sync:'));
      expect(part, `G${g.id} has a sync part`).toBeDefined();
      expect(part!.title).toBe(`sync: ${formatDurationNs(sync)} (${formatPercent(sync / whole)})`);
      expect(part!.grow).toBeCloseTo(sync / whole, 6);
    }
    // Sorted by total time, longest first, as the server pages them.
    expect(rows.map((r) => r.cells[col('id')])).toEqual(best.goroutines.map((g) => `G${g.id}`));
    // The group table: count and execution share per start function.
    const groupRows = await page.getByTestId('goroutine-groups').locator('tbody tr').evaluateAll((els) => els.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
    expect(groupRows.map((r) => r[0])).toEqual(groups.groups.map((g) => g.name || '(unknown)'));
    expect(groupRows.map((r) => [r[1], r[2], r[3]])).toEqual(groups.groups.map((g) => [formatCount(g.count), formatDurationNs(g.execNs), formatPercent(g.execShare)]));
    await page.close();
  });

  it('goroutine analysis: every column header fits its column, the sorted one with its arrow ("Sched wait" was cut to "Sched w…")', async () => {
    const page = await open('mutex', '?page=goroutines&sort=schedWaitNs.desc');
    const table = page.getByTestId('goroutine-table');
    await table.locator('[role=row].vtable-row:not(.muted)').first().waitFor();
    const headers = await table.locator('[role=columnheader]').evaluateAll((els) => els.map((e) => ({ text: (e.textContent ?? '').trim(), need: e.scrollWidth, have: e.clientWidth })));
    expect(headers.map((h) => h.text)).toContain('Sched wait ▾');
    expect(headers.filter((h) => h.need > h.have)).toEqual([]);
    await page.close();
  });

  it('profiles (mutex, sync): the flame graph and top table hold the API numbers; a click zooms into a frame', async () => {
    const profile = await getJson<ProfileResponse>(`${viewers.mutex.url}/api/analysis/profile?kind=sync`);
    expect(profile.totalNs).toBeGreaterThan(0);
    const page = await open('mutex', '?page=profiles&kind=sync');
    const flame = page.getByTestId('flame-graph');
    await flame.waitFor();
    const frames = () =>
      flame.locator('g').evaluateAll((els) =>
        els.map((g) => {
          const m = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(g.getAttribute('transform') ?? '');
          return { x: Number(m?.[1]), y: Number(m?.[2]), w: Number(g.querySelector('rect')?.getAttribute('width')), title: g.querySelector('title')?.textContent ?? '', label: g.querySelector('text')?.textContent ?? '' };
        }),
      );
    const before = await frames();
    const root = before.find((f) => f.y === 0)!;
    expect(root.label).toBe(`all (${formatDurationNs(profile.totalNs)})`);
    // Each outermost frame: its title is the API's node, its width its share of the total.
    const top = profile.root.children.filter((c) => c.totalNs >= profile.totalNs / 2000);
    expect(top.length).toBeGreaterThan(1);
    for (const c of top) {
      const title = `${c.func}\n${c.file}:${c.line}\n${formatDurationNs(c.totalNs)} (${formatPercent(c.totalNs / profile.totalNs)}), ${c.count} waits`;
      const f = before.find((x) => x.y > 0 && x.title === title);
      expect(f, `frame ${c.func}`).toBeDefined();
      expect(f!.w / root.w).toBeCloseTo(c.totalNs / profile.totalNs, 2);
    }
    const topRows = await page.getByTestId('profile-top').locator('[role=row].vtable-row').evaluateAll((els) => els.map((r) => [...r.querySelectorAll('.vtable-td')].map((c) => (c.textContent ?? '').trim())));
    const sorted = [...profile.top].sort((a, b) => b.selfNs - a.selfNs);
    expect(topRows.map((r) => r.slice(0, 2))).toEqual(sorted.map((t) => [t.func, formatDurationNs(t.selfNs)]));
    // Click the widest outermost frame: it fills the width.
    const widest = top.reduce((a, b) => (b.totalNs > a.totalNs ? b : a));
    await flame.locator('g', { has: page.locator('title', { hasText: `${widest.func}\n` }) }).first().locator('rect').click();
    await expect.poll(async () => (await frames()).find((f) => f.title.startsWith(`${widest.func}\n`))?.w).toBeCloseTo(root.w, 1);
    await page.close();
  });

  it('MMU (gcheavy): the chart plots the API curve; a click lists the worst windows of that size as the API does', async () => {
    const flags = 'stw,background,assist';
    const mmu = await getJson<MmuResponse>(`${viewers.gc.url}/api/analysis/mmu?flags=${flags}&percentiles=0`);
    expect(mmu.curve.length).toBeGreaterThan(10);
    const page = await open('gc', '?page=mmu');
    const chart = page.getByTestId('mmu-chart');
    await chart.waitFor();
    const d = await chart.locator('path[stroke-width="2"]').getAttribute('d');
    const points = [...(d ?? '').matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(points.length).toBe(mmu.curve.length);
    // y = 324 - 312·MMU in the chart's 820×360 box.
    points.forEach(([, y], i) => expect(y).toBeCloseTo(324 - 312 * mmu.curve[i][1], 1));
    // Click on a point's x: the worst windows of that size.
    const i = mmu.curve.findIndex((p) => p[1] > 0.05);
    expect(i).toBeGreaterThan(0);
    const box = (await chart.boundingBox())!;
    await chart.click({ position: { x: (points[i][0] * box.width) / 820, y: box.height / 2 } });
    const worst = page.getByTestId('mmu-worst');
    await worst.locator('tbody tr').first().waitFor();
    expect(text(await worst.locator('h2').textContent())).toBe(`Worst ${formatDurationNs(mmu.curve[i][0])} windows`);
    const windows = await getJson<MmuWindow[]>(`${viewers.gc.url}/api/analysis/mmu/details?flags=${flags}&windowNs=${Math.round(mmu.curve[i][0])}`);
    expect(windows.length).toBeGreaterThan(0);
    const shown = await worst.locator('tbody tr').evaluateAll((els) => els.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => (td.textContent ?? '').trim())));
    expect(shown).toEqual(windows.map((w) => [formatPercent(w.util), formatTimestampNs(w.startNs), formatDurationNs(w.durationNs)]));
    // The worst window's utilization is the curve's MMU at that size.
    expect(windows[0].util).toBeCloseTo(mmu.curve[i][1], 6);
    await page.close();
  });

  it('tasks and regions (annotations): every type with its counts; an opened type lists its longest first', async () => {
    const base = viewers.annotations.url;
    const tasks = await getJson<TasksResponse>(`${base}/api/analysis/tasks`);
    const regions = await getJson<RegionsResponse>(`${base}/api/analysis/regions`);
    expect(tasks.types.length).toBeGreaterThan(1);
    expect(regions.types.length).toBeGreaterThan(1);

    const page = await open('annotations', '?page=tasks');
    const taskTable = page.getByTestId('task-types');
    await taskTable.waitFor();
    const taskRows = await taskTable.locator('> tbody > tr').evaluateAll((els) => els.map((tr) => [...tr.querySelectorAll(':scope > td')].slice(0, 3).map((td) => (td.textContent ?? '').replace(/^[▸▾]\s*/, '').trim())));
    expect(taskRows).toEqual(tasks.types.map((t) => [t.type || '(no type)', formatCount(t.count), formatCount(t.complete)]));
    const busiest = tasks.types.reduce((a, b) => (b.count > a.count ? b : a));
    await taskTable.getByRole('button', { name: busiest.type, exact: false }).first().click();
    const list = page.getByTestId('task-list');
    await list.waitFor();
    const longest = [...busiest.tasks].sort((a, b) => b.durationNs - a.durationNs)[0];
    expect(text(await list.locator('summary').first().textContent())).toContain(`Task ${longest.id} · ${formatDurationNs(longest.durationNs)} from ${formatTimestampNs(longest.startNs)}`);
    expect(await list.locator('details.task').count()).toBe(Math.min(200, busiest.tasks.length));

    expect(await histogramLabelClashes(page)).toEqual([]);

    await page.getByTestId('tab-regions').click();
    const regionTable = page.getByTestId('region-types');
    await regionTable.waitFor();
    const regionRows = await regionTable.locator('> tbody > tr').evaluateAll((els) => els.map((tr) => [...tr.querySelectorAll(':scope > td')].slice(0, 2).map((td) => (td.textContent ?? '').replace(/^[▸▾]\s*/, '').trim())));
    expect(regionRows).toEqual(regions.types.map((t) => [t.type || '(no type)', formatCount(t.count)]));
    const type = regions.types.reduce((a, b) => (b.count > a.count ? b : a));
    await regionTable.getByRole('button', { name: type.type, exact: false }).first().click();
    const regionList = page.getByTestId('region-list');
    await regionList.waitFor();
    const first = [...type.regions].sort((a, b) => b.durationNs - a.durationNs)[0];
    const cells = await regionList.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(0, 4).map((c) => c.trim())).toEqual([`G${first.goroutine}`, first.task > 0 ? String(first.task) : '', formatTimestampNs(first.startNs), formatDurationNs(first.durationNs)]);
    expect(await histogramLabelClashes(page)).toEqual([]);
    await page.close();
  });

  it('every analysis page of every fixture loads without a page error, console error or failed request', async () => {
    for (const fixture of Object.keys(FIXTURES) as (keyof typeof FIXTURES)[]) {
      const page = await open(fixture, '');
      for (const p of PAGES) {
        await page.getByTestId(`tab-${p}`).click();
        await page.getByTestId(`${p}-page`).waitFor();
        // Loaded: no "Loading…"/"Analysing…"/"Computing…" text left on the page.
        await page.waitForFunction(() => !/Loading…|Analysing…|Computing…/.test(document.querySelector('.analysis-page')?.textContent ?? ''), undefined, { polling: 50 });
        expect(await page.locator('.analysis-page .error-text').count(), `${fixture} ${p}: error text`).toBe(0);
      }
      await page.getByTestId('tab-timeline').click();
      await page.getByTestId('timeline-canvas').waitFor();
      await page.close();
    }
    expect(errors).toEqual([]);
  });
});
