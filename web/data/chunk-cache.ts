/**
 * Lane chunks by window, fetched for the visible lanes only. `ensure()` is
 * called every frame with the view; it starts at most one request per batch of
 * missing lanes, aborts requests that no longer serve the view (a zoom to
 * another resolution, a pan past their window, lanes scrolled away) and never waits: the frame is
 * drawn from whatever is cached (`layers()`), and `onUpdate` asks for another
 * frame when data arrives. Memory is bounded by `maxBytes` (least recently
 * drawn first); whole-trace chunks of the fixed lanes stay (the overview).
 */
import type { LaneChunk } from '../../shared/chunk-codec.ts';
import type { ChunkQuery } from './api-client.ts';
import { chooseLayers, type Layer } from './chunk-layers.ts';
import { covers, fetchWindow, neededRange, windowKey, type FetchWindow } from './chunk-window.ts';

export interface CacheEntry {
  laneId: string;
  startNs: number;
  endNs: number;
  nsPerPx: number;
  key: string;
  lane: LaneChunk;
  bytes: number;
  lastUsed: number;
  pinned: boolean;
}

export interface ChunkCacheOptions {
  fetchChunk: (q: ChunkQuery, signal: AbortSignal) => Promise<{ lanes: LaneChunk[] }>;
  durationNs: number;
  maxBytes?: number;
  /** Lanes per request. */
  batchLanes?: number;
  onUpdate?: () => void;
  /** Called with failures other than aborts. */
  onError?: (e: unknown) => void;
  /** Milliseconds before a failed window is asked for again. */
  retryMs?: number;
  now?: () => number;
}

interface InFlight {
  window: FetchWindow;
  key: string;
  lanes: Set<string>;
  controller: AbortController;
}

export class ChunkCache {
  private readonly entries = new Map<string, CacheEntry[]>();
  private readonly inFlight = new Set<InFlight>();
  private readonly failed = new Map<string, number>();
  private tick = 0;
  private totalBytes = 0;
  readonly maxBytes: number;
  private readonly batchLanes: number;
  /** Requests started and aborted, for tests and the debug hook. */
  requestsStarted = 0;
  requestsAborted = 0;

  constructor(private readonly opts: ChunkCacheOptions) {
    this.maxBytes = opts.maxBytes ?? 96 * 1024 * 1024;
    this.batchLanes = opts.batchLanes ?? 64;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  get pending(): number {
    return this.inFlight.size;
  }

  /** Starts the fetches the view needs (lanes in display order) and aborts stale ones. */
  ensure(laneIds: readonly string[], startNs: number, endNs: number, widthPx: number): void {
    this.tick++;
    const { durationNs } = this.opts;
    const want = fetchWindow(startNs, endNs, widthPx, durationNs);
    const need = neededRange(startNs, endNs, durationNs);
    const wantKey = windowKey(want);
    const visible = new Set(laneIds);
    for (const f of [...this.inFlight]) {
      const stale = f.window.nsPerPx !== want.nsPerPx || !covers(f.window, { startNs, endNs });
      let shown = false;
      for (const id of f.lanes) if (visible.has(id)) shown = true;
      if (stale || !shown) this.abort(f);
    }
    const now = this.now();
    const missing: string[] = [];
    for (const id of laneIds) {
      if (this.isServed(id, want, wantKey, need)) continue;
      const failedAt = this.failed.get(`${id}|${wantKey}`);
      if (failedAt !== undefined && now - failedAt < (this.opts.retryMs ?? 2000)) continue;
      missing.push(id);
    }
    for (let i = 0; i < missing.length; i += this.batchLanes) this.start(want, wantKey, missing.slice(i, i + this.batchLanes));
  }

  private isServed(id: string, want: FetchWindow, wantKey: string, need: { startNs: number; endNs: number }): boolean {
    for (const e of this.entries.get(id) ?? []) {
      if (e.nsPerPx === want.nsPerPx && (e.key === wantKey || covers(e, need))) return true;
    }
    for (const f of this.inFlight) if (f.lanes.has(id) && (f.key === wantKey || covers(f.window, need))) return true;
    return false;
  }

  private start(window: FetchWindow, key: string, lanes: string[]): void {
    const f: InFlight = { window, key, lanes: new Set(lanes), controller: new AbortController() };
    this.inFlight.add(f);
    this.requestsStarted++;
    this.opts
      .fetchChunk({ lanes, startNs: window.startNs, endNs: window.endNs, nsPerPx: window.nsPerPx }, f.controller.signal)
      .then(
        (chunk) => {
          if (!this.inFlight.delete(f)) return; // aborted meanwhile
          for (const lane of chunk.lanes) this.add(lane, window, key);
          this.evict();
          this.opts.onUpdate?.();
        },
        (e: unknown) => {
          const aborted = f.controller.signal.aborted;
          this.inFlight.delete(f);
          if (aborted) return;
          const at = this.now();
          for (const id of lanes) this.failed.set(`${id}|${key}`, at);
          this.opts.onError?.(e);
          this.opts.onUpdate?.();
        },
      );
  }

  private abort(f: InFlight): void {
    this.inFlight.delete(f);
    this.requestsAborted++;
    f.controller.abort();
  }

  private add(lane: LaneChunk, w: FetchWindow, key: string): void {
    let bytes = 64;
    for (const a of Object.values(lane.arrays)) bytes += a.byteLength;
    for (const t of Object.values(lane.tracks ?? {})) for (const a of Object.values(t.arrays)) bytes += a.byteLength;
    const list = this.entries.get(lane.id) ?? [];
    const old = list.findIndex((e) => e.key === key);
    if (old >= 0) {
      this.totalBytes -= list[old].bytes;
      list.splice(old, 1);
    }
    const pinned = w.startNs === 0 && w.endNs >= this.opts.durationNs && !lane.id.startsWith('g:');
    list.push({ laneId: lane.id, startNs: w.startNs, endNs: w.endNs, nsPerPx: w.nsPerPx, key, lane, bytes, lastUsed: this.tick, pinned });
    this.entries.set(lane.id, list);
    this.totalBytes += bytes;
  }

  /** Drops least recently drawn entries until under maxBytes; never pinned ones or ones of this frame. */
  private evict(): void {
    if (this.totalBytes <= this.maxBytes) return;
    const all: CacheEntry[] = [];
    for (const list of this.entries.values()) for (const e of list) if (!e.pinned && e.lastUsed < this.tick) all.push(e);
    all.sort((a, b) => a.lastUsed - b.lastUsed);
    for (const e of all) {
      if (this.totalBytes <= this.maxBytes) break;
      const list = this.entries.get(e.laneId)!;
      list.splice(list.indexOf(e), 1);
      if (list.length === 0) this.entries.delete(e.laneId);
      this.totalBytes -= e.bytes;
    }
  }

  /** What to draw for a lane over the view, best resolution first, clipped; marks them used. */
  layers(laneId: string, startNs: number, endNs: number, nsPerPx: number): Layer<CacheEntry>[] {
    const list = this.entries.get(laneId);
    if (!list) return [];
    const out = chooseLayers(list, startNs, endNs, nsPerPx);
    for (const l of out) l.piece.lastUsed = this.tick;
    return out;
  }

  /** The whole-trace entry of a lane, if loaded (counter lanes take their y range from it). */
  overview(laneId: string): CacheEntry | undefined {
    return this.entries.get(laneId)?.find((e) => e.pinned);
  }

  entryCount(): number {
    let n = 0;
    for (const list of this.entries.values()) n += list.length;
    return n;
  }

  /** Aborts everything (the view is going away). */
  dispose(): void {
    for (const f of [...this.inFlight]) this.abort(f);
  }

  private now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }
}
