import type { Page } from 'playwright-core';
import { API, type SpanDetail, type TraceSummary } from '../../shared/api.ts';
import { decodeChunk } from '../../shared/chunk-codec.ts';

/**
 * What the browser tests read from the timeline: the visible window, where a
 * lane is drawn, the canvas pixels of a lane, and the server's own spans for
 * the same lane and time, to compare the two.
 */

export interface View {
  startNs: number;
  endNs: number;
  framesDrawn: number;
}

export async function viewOf(page: Page): Promise<View> {
  return page.evaluate(() => ({ startNs: window.__gtv!.startNs, endNs: window.__gtv!.endNs, framesDrawn: window.__gtv!.framesDrawn }));
}

export interface CanvasBox {
  /** Page coordinates of the lanes canvas (CSS px). */
  left: number;
  top: number;
  width: number;
  height: number;
}

export async function canvasBox(page: Page): Promise<CanvasBox> {
  return page.$eval('[data-testid=timeline-canvas]', (el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  });
}

/** The vertical band of a lane (fixed lanes: stats, gc, proc:N, thread:N), in canvas CSS px. */
export async function laneBand(page: Page, laneId: string): Promise<{ top: number; height: number }> {
  const box = await canvasBox(page);
  const r = await page.$eval(`.lane-header[data-lane="${laneId}"]`, (el) => {
    const b = el.getBoundingClientRect();
    return { top: b.top, height: b.height };
  });
  return { top: Math.round(r.top - box.top), height: Math.round(r.height) };
}

/**
 * One column flag per canvas pixel across the lane: true when some pixel of the
 * column inside the lane's span band is drawn (not the white lane background or
 * a faint grid line). Reads the canvas itself (getImageData, device pixel ratio 1).
 */
export async function laneInk(page: Page, laneId: string): Promise<boolean[]> {
  const band = await laneBand(page, laneId);
  return page.$eval(
    '[data-testid=timeline-canvas]',
    (el, { top, height }) => {
      const c = el as HTMLCanvasElement;
      const ctx = c.getContext('2d')!;
      const dpr = c.width / c.getBoundingClientRect().width;
      // Spans are drawn from 2 px below the lane top to 2 px above its bottom (1 px separator).
      const y0 = Math.round((top + 2) * dpr);
      const y1 = Math.round((top + height - 3) * dpr);
      const img = ctx.getImageData(0, y0, c.width, y1 - y0);
      const out: boolean[] = [];
      for (let x = 0; x < c.width; x += dpr) {
        let ink = false;
        for (let y = 0; y < img.height && !ink; y++) {
          const i = (y * img.width + Math.floor(x)) * 4;
          const d = Math.max(255 - img.data[i], 255 - img.data[i + 1], 255 - img.data[i + 2]);
          if (img.data[i + 3] > 0 && d > 40) ink = true;
        }
        out.push(ink);
      }
      return out;
    },
    band,
  );
}

/** A hash of the canvas pixels (to see that a redraw changed the picture). */
export async function canvasHash(page: Page): Promise<string> {
  return page.$eval('[data-testid=timeline-canvas]', (el) => {
    const c = el as HTMLCanvasElement;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let h1 = 0x811c9dc5;
    let h2 = 0;
    for (let i = 0; i < d.length; i += 4) {
      h1 = Math.imul(h1 ^ (d[i] | (d[i + 1] << 8) | (d[i + 2] << 16)), 16777619);
      h2 = (h2 + d[i] + d[i + 1] + d[i + 2]) | 0;
    }
    return `${(h1 >>> 0).toString(16)}-${h2}`;
  });
}

export async function summaryOf(base: string): Promise<TraceSummary> {
  return getJson<TraceSummary>(`${base}${API.summary}`);
}

export async function getJson<T>(url: string): Promise<T> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

export interface Spans {
  startNs: number[];
  endNs: number[];
  /** Goroutine of each span (proc and thread lanes), -1 when none. */
  goroutine: number[];
}

/**
 * A lane's spans over [startNs, endNs] straight from /api/chunk, at a
 * resolution finer than a tenth of a screen pixel (`screenNsPerPx`), so the few
 * merged spans left are far narrower than a pixel.
 */
export async function apiSpans(base: string, laneId: string, startNs: number, endNs: number, screenNsPerPx: number): Promise<Spans> {
  let nsPerPx = 2 ** Math.floor(Math.log2(Math.max(1, screenNsPerPx / 10)));
  while ((endNs - startNs) / nsPerPx > 16_000) nsPerPx *= 2;
  const url = `${base}${API.chunk}?lanes=${encodeURIComponent(laneId)}&start=${Math.floor(startNs)}&end=${Math.ceil(endNs)}&nsPerPx=${nsPerPx}`;
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  const chunk = decodeChunk(new Uint8Array(await r.arrayBuffer()));
  const lane = chunk.lanes.find((l) => l.id === laneId);
  if (!lane || lane.kind !== 'spans') throw new Error(`${laneId}: no spans lane in the chunk`);
  const a = lane.arrays;
  return {
    startNs: Array.from(a.startNs),
    endNs: Array.from(a.endNs),
    goroutine: a.goroutine ? Array.from(a.goroutine) : new Array(lane.count).fill(-1),
  };
}

export type Expect = 'ink' | 'blank' | 'either';

/**
 * What each screen column must show given the server's spans: ink where a span
 * covers the column and a pixel of margin on both sides, blank where no span
 * comes within two pixels (span edges are rounded to whole pixels and get at
 * least one pixel), anything in between.
 */
export function expectedColumns(spans: Spans, view: { startNs: number; endNs: number }, widthPx: number): Expect[] {
  const nsPerPx = (view.endNs - view.startNs) / widthPx;
  const covered = new Uint8Array(widthPx);
  const near = new Uint8Array(widthPx);
  for (let i = 0; i < spans.startNs.length; i++) {
    const x0 = (spans.startNs[i] - view.startNs) / nsPerPx;
    const x1 = (spans.endNs[i] - view.startNs) / nsPerPx;
    if (x1 < -3 || x0 > widthPx + 3) continue;
    // Columns [c, c+1) fully inside [x0 + 1, x1 - 2]: drawn whatever the rounding and the 1 px gap.
    for (let c = Math.max(0, Math.ceil(x0 + 1)); c + 1 <= x1 - 2 && c < widthPx; c++) covered[c] = 1;
    for (let c = Math.max(0, Math.floor(x0 - 2)); c <= Math.min(widthPx - 1, Math.ceil(x1 + 2)); c++) near[c] = 1;
  }
  return Array.from(near, (n, c) => (covered[c] ? 'ink' : n ? 'either' : 'blank'));
}

/** Columns where the canvas disagrees with the expectation, as "x=…: expected …" lines. */
export function mismatches(ink: boolean[], expected: Expect[], view: { startNs: number; endNs: number }): string[] {
  const nsPerPx = (view.endNs - view.startNs) / expected.length;
  const out: string[] = [];
  expected.forEach((e, x) => {
    if (e === 'ink' && !ink[x]) out.push(`x=${x} (${Math.round(view.startNs + x * nsPerPx)} ns): a span per the API, nothing drawn`);
    if (e === 'blank' && ink[x]) out.push(`x=${x} (${Math.round(view.startNs + x * nsPerPx)} ns): no span per the API, pixels drawn`);
  });
  return out;
}

export async function spanAt(base: string, laneId: string, timeNs: number): Promise<SpanDetail | null> {
  const r = await fetch(`${base}${API.span}?lane=${encodeURIComponent(laneId)}&t=${Math.round(timeNs)}`);
  if (r.status === 404) return null;
  if (!r.ok) throw new Error(`/api/span ${laneId}@${timeNs}: HTTP ${r.status}`);
  return (await r.json()) as SpanDetail | null;
}
