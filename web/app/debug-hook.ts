/**
 * window.__gtv: a small read-mostly hook for browser tests and the frame-time
 * benchmark. Times are performance.now() milliseconds.
 *
 *   __gtv.startNs, __gtv.endNs     visible window
 *   __gtv.framesDrawn              timeline frames drawn so far
 *   __gtv.lastFrameMs              draw time of the last frame
 *   __gtv.frameTimesMs()           draw times of the last 240 frames
 *   __gtv.firstFrameAtMs           when the first frame was drawn (any data)
 *   __gtv.firstCompleteFrameAtMs   when every visible lane first had data
 *   __gtv.pendingRequests          chunk requests in flight, plus the flow request (Flows on)
 *   __gtv.flowArrowsDrawn          flow arrows drawn by the last frame
 *   __gtv.flowRequests             flow requests started since load
 *   __gtv.requestsStarted/Aborted  chunk requests since load
 *   __gtv.page                     current page
 *   __gtv.goroutineLanes()         lane ids of the goroutine rows laid out (the first 10 000; '' while a row's page loads)
 *   __gtv.setViewport(startNs, endNs)
 */
import type { TraceSession } from '../state/trace-session.ts';
import { laneIdOf } from '../timeline/lane-ids.ts';
import type { TimelineController } from '../timeline/timeline-controller.ts';

export interface DebugHook {
  readonly ready: boolean;
  readonly startNs: number;
  readonly endNs: number;
  readonly durationNs: number;
  readonly framesDrawn: number;
  readonly lastFrameMs: number;
  readonly firstFrameAtMs: number | null;
  readonly firstCompleteFrameAtMs: number | null;
  readonly pendingRequests: number;
  readonly cacheBytes: number;
  /** Chunk requests started and aborted since load. */
  readonly requestsStarted: number;
  readonly requestsAborted: number;
  readonly missingLanes: number;
  readonly flowArrowsDrawn: number;
  readonly flowRequests: number;
  readonly page: string;
  frameTimesMs(): number[];
  goroutineLanes(): string[];
  setViewport(startNs: number, endNs: number): void;
}

/** Rows goroutineLanes() lists at most (an expanded group of a million goroutines is a million rows). */
const MAX_LISTED_ROWS = 10_000;

declare global {
  interface Window {
    __gtv?: DebugHook;
  }
}

let controller: TimelineController | null = null;

/** The timeline registers its controller while mounted. */
export function setDebugController(c: TimelineController | null): void {
  controller = c;
}

export function installDebugHook(session: TraceSession): void {
  window.__gtv = {
    ready: true,
    get startNs() {
      return session.viewport.get().startNs;
    },
    get endNs() {
      return session.viewport.get().endNs;
    },
    durationNs: session.summary.durationNs,
    get framesDrawn() {
      return controller?.loop.framesDrawn ?? 0;
    },
    get lastFrameMs() {
      return controller?.loop.lastFrameMs ?? 0;
    },
    get firstFrameAtMs() {
      return controller?.firstFrameMs ?? null;
    },
    get firstCompleteFrameAtMs() {
      return controller?.firstCompleteFrameMs ?? null;
    },
    get pendingRequests() {
      return session.cache.pending + (session.ui.get().flows && session.flows.pending ? 1 : 0);
    },
    get flowArrowsDrawn() {
      return controller?.flows.segmentsDrawn ?? 0;
    },
    get flowRequests() {
      return session.flows.requestsStarted;
    },
    get cacheBytes() {
      return session.cache.bytes;
    },
    get requestsStarted() {
      return session.cache.requestsStarted;
    },
    get requestsAborted() {
      return session.cache.requestsAborted;
    },
    get missingLanes() {
      return controller?.lastMissing ?? 0;
    },
    get page() {
      return session.ui.get().page;
    },
    frameTimesMs: () => controller?.loop.stats().recentFrameMs ?? [],
    goroutineLanes() {
      const layout = session.layout.get();
      const out: string[] = [];
      for (let y = 0; y < layout.totalHeightPx && out.length < MAX_LISTED_ROWS; ) {
        const row = layout.rowAt(y);
        if (!row) break;
        if (row.kind === 'goroutine') out.push(laneIdOf(row, session.directory) ?? '');
        y = row.yPx + row.heightPx;
      }
      return out;
    },
    setViewport: (startNs, endNs) => session.viewport.show(startNs, endNs),
  };
}
