import { describe, expect, it } from 'vitest';
import type { TraceApi } from '../../web/data/api-client.ts';
import { apiUrl } from '../../web/data/api-client.ts';
import { FrameLoop } from '../../web/render/frame-loop.ts';
import { createTraceSession } from '../../web/state/trace-session.ts';
import { DEFAULT_URL_STATE } from '../../web/state/url-state.ts';
import { handleTimelineKey } from '../../web/timeline/keyboard-input.ts';
import { SHORTCUTS } from '../../web/timeline/shortcuts.ts';
import { fakeSummary } from '../helpers/fake-summary.ts';

const summary = fakeSummary({ durationNs: 1_000_000_000 });
const never = () => new Promise<never>(() => undefined);
const api = new Proxy({}, { get: () => never }) as unknown as TraceApi;

function target() {
  const session = createTraceSession(api, summary, DEFAULT_URL_STATE);
  session.viewport.widthPx = 1000;
  let scrolled = 0;
  const t = { session, pointerXPx: () => null, scrollBy: (dy: number) => (scrolled += dy), pageHeightPx: () => 500 };
  const key = (k: string, shiftKey = false) => handleTimelineKey({ key: k, shiftKey, ctrlKey: false, metaKey: false, altKey: false }, t);
  return { session, key, scrolled: () => scrolled };
}

describe('timeline keys', () => {
  it('W and S zoom in and out around the middle; A and D pan', () => {
    const { session, key } = target();
    key('w');
    const z = session.viewport.get();
    expect(z.endNs - z.startNs).toBeCloseTo(800_000_000, 0);
    expect((z.startNs + z.endNs) / 2).toBeCloseTo(500_000_000, 0);
    key('d');
    expect(session.viewport.get().startNs).toBeCloseTo(z.startNs + 80_000_000, 0);
    key('A', true);
    expect(session.viewport.get().startNs).toBe(0);
    key('s');
    key('s');
    expect(session.viewport.get()).toEqual({ startNs: 0, endNs: 1_000_000_000 });
  });

  it('F zooms to the selection, 0 shows everything, Esc clears', () => {
    const { session, key } = target();
    session.ui.update((s) => ({ ...s, selection: { startNs: 100_000, endNs: 200_000 } }));
    key('f');
    expect(session.viewport.get().startNs).toBeCloseTo(95_000, 0);
    key('0');
    expect(session.viewport.get().endNs).toBe(1_000_000_000);
    key('Escape');
    expect(session.ui.get().selection).toBeNull();
  });

  it('T switches procs/threads, ? opens the help, arrows scroll lanes, other keys are left alone', () => {
    const { session, key, scrolled } = target();
    key('t');
    expect(session.ui.get().view).toBe('threads');
    key('?');
    expect(session.ui.get().helpOpen).toBe(true);
    key('Escape');
    expect(session.ui.get().helpOpen).toBe(false);
    key('ArrowDown');
    key('PageDown');
    expect(scrolled()).toBe(540);
    expect(key('q')).toBe(false);
  });

  it('every key the handler knows is listed in the help', () => {
    const listed = SHORTCUTS.flatMap((s) => s.items.flatMap((i) => i.keys)).join(' ');
    for (const k of ['W', 'A', 'S', 'D', 'F', 'T', 'E', 'L', '/', '?', 'Esc', '0']) expect(listed).toContain(k);
  });
});

describe('frame loop', () => {
  it('draws one frame however many redraws were asked for before it', () => {
    const queued: (() => void)[] = [];
    let draws = 0;
    let t = 0;
    const loop = new FrameLoop(
      () => {
        draws++;
        t += 3;
      },
      (cb) => queued.push(cb),
      () => undefined,
      () => t,
    );
    loop.request();
    loop.request();
    loop.request();
    expect(queued).toHaveLength(1);
    queued.shift()!();
    expect(draws).toBe(1);
    expect(loop.stats()).toEqual({ framesDrawn: 1, lastFrameMs: 3, recentFrameMs: [3] });
    loop.stop();
    loop.request();
    expect(queued).toHaveLength(0);
  });
});

describe('API URLs', () => {
  it('builds query strings and leaves out empty parameters', () => {
    expect(apiUrl('', '/api/chunk', { lanes: 'g%3A1,proc%3A0', start: 0, end: 10, nsPerPx: 1 })).toBe('/api/chunk?lanes=g%3A1,proc%3A0&start=0&end=10&nsPerPx=1');
    expect(apiUrl('', '/api/analysis/goroutines', { start: undefined, group: null, x: 'a b' })).toBe('/api/analysis/goroutines?x=a%20b');
  });
});
