/**
 * The flow arrows of the lanes on screen, while the Flows overlay is on.
 * `ensure()` is called after frames with the visible lanes and window; it
 * keeps one answer and at most one request, and never waits (the frame draws
 * whatever answer it has). The window asked for is the view padded by half a
 * view width on each side, so a pan within that reuses the answer. A request
 * that no longer serves the view is aborted, as chunk requests are.
 */
import type { FlowArrow, FlowsResponse } from '../../shared/flow-api.ts';
import type { FlowQuery } from './api-client.ts';

export interface FlowLoaderOptions {
  fetchFlows: (q: FlowQuery, signal: AbortSignal) => Promise<FlowsResponse>;
  durationNs: number;
  /** Arrows per answer (the server samples beyond it). */
  limit?: number;
  onUpdate?: () => void;
  onError?: (e: unknown) => void;
}

interface Asked {
  lanes: ReadonlySet<string>;
  startNs: number;
  endNs: number;
  /** Width of the view it was asked for (a sampled answer is refined when the view narrows 4×). */
  viewNs: number;
}

/** A sampled answer is asked again when the view is this many times narrower than when it was asked. */
const REFINE_ZOOM = 4;

export class FlowLoader {
  private answer: { asked: Asked; response: FlowsResponse } | null = null;
  private inFlight: { asked: Asked; controller: AbortController } | null = null;
  requestsStarted = 0;
  requestsAborted = 0;
  /** Bumped when the answer changes (React reads it with useSyncExternalStore). */
  version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly opts: FlowLoaderOptions) {}

  /** The arrows of the last answer (empty before the first). */
  get arrows(): readonly FlowArrow[] {
    return this.answer?.response.arrows ?? [];
  }

  get response(): FlowsResponse | null {
    return this.answer?.response ?? null;
  }

  get pending(): boolean {
    return this.inFlight !== null;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    for (const l of [...this.listeners]) l();
  }

  /** Asks for the arrows of these lanes over the view unless the answer or the request in flight serves it. */
  ensure(laneIds: readonly string[], startNs: number, endNs: number): void {
    if (laneIds.length === 0) return;
    if (this.answer && serves(this.answer.asked, this.answer.response.truncated, laneIds, startNs, endNs)) {
      this.abort();
      return;
    }
    if (this.inFlight && serves(this.inFlight.asked, true, laneIds, startNs, endNs)) return;
    this.abort();
    const pad = (endNs - startNs) / 2;
    const asked: Asked = {
      lanes: new Set(laneIds),
      startNs: Math.max(0, Math.floor(startNs - pad)),
      endNs: Math.min(this.opts.durationNs, Math.ceil(endNs + pad)),
      viewNs: endNs - startNs,
    };
    const controller = new AbortController();
    const flight = { asked, controller };
    this.inFlight = flight;
    this.requestsStarted++;
    this.opts.fetchFlows({ lanes: [...asked.lanes], startNs: asked.startNs, endNs: asked.endNs, limit: this.opts.limit }, controller.signal).then(
      (response) => {
        if (this.inFlight !== flight) return; // aborted meanwhile
        this.inFlight = null;
        this.answer = { asked, response };
        this.changed();
        this.opts.onUpdate?.();
      },
      (e: unknown) => {
        if (this.inFlight !== flight) return;
        this.inFlight = null;
        if (!controller.signal.aborted) this.opts.onError?.(e);
        this.opts.onUpdate?.();
      },
    );
  }

  /** Drops the answer and any request (the overlay was turned off). */
  clear(): void {
    this.abort();
    if (this.answer) {
      this.answer = null;
      this.changed();
    }
  }

  private abort(): void {
    if (!this.inFlight) return;
    this.inFlight.controller.abort();
    this.inFlight = null;
    this.requestsAborted++;
  }
}

/** Whether an answer asked as `a` covers the lanes and window (and, when sampled, is not much coarser than the view). */
export function serves(a: Asked, sampled: boolean, laneIds: readonly string[], startNs: number, endNs: number): boolean {
  if (startNs < a.startNs || endNs > a.endNs) return false;
  if (sampled && (endNs - startNs) * REFINE_ZOOM < a.viewNs) return false;
  for (const id of laneIds) if (!a.lanes.has(id)) return false;
  return true;
}
