import { encodeChunk } from '../../shared/chunk-codec.ts';
import { goroutineLane } from '../../shared/lanes.ts';
import { buildChunk, type ChunkRequest } from './build-chunk.ts';
import type { QueryContext } from './query-context.ts';

/** Viewport width the warm-up queries assume: a typical window, and bench:serve's. */
const WIDTH_PX = 2000;
/** Zoom steps of √10 from the whole trace down to 1/100 000 of it: the depths a user zooms to. */
const ZOOM_STEPS = 11;
/** Where in the trace each zoom level looks (fractions of the duration). */
const PLACES = [0.31, 0.67];

export interface WarmUp {
  /** Resolves when every warm-up query has run (or the warm-up was cancelled); rejects with a query's error. */
  readonly done: Promise<void>;
  cancel(): void;
}

/**
 * Runs, once, the chunk queries a viewer's first zooms make, once the viewer
 * is up (serve-command.ts says when), so that V8 compiles the lane
 * builders and the chunk encoder before a user's first zoom instead of during it. On the 68 MB bench
 * trace, the first pass over 200 random windows and zoom levels took p95
 * 14.8 ms and max 38.5 ms (the first ten requests were the slowest), a second
 * pass p95 9.2 ms and max 14.5 ms; with this warm-up, the first pass took p95
 * 11.3 ms and max 25.5 ms. The 21 queries cost about 0.1 s of CPU.
 *
 * Each query runs in its own macrotask (setImmediate), so a request that
 * arrives meanwhile waits for one query at most. Results are discarded.
 * `run` answers one query (tests count them).
 */
export function warmUpChunks(
  ctx: QueryContext,
  laneIds: readonly string[],
  run: (req: ChunkRequest) => void = (req) => void encodeChunk(buildChunk(ctx, req)),
): WarmUp {
  const m = ctx.model;
  const durationNs = Math.max(1, m.endNs);
  // The lanes of the first view, plus one goroutine lane (the goroutine pages' timelines).
  const lanes = [...laneIds];
  if (m.goroutines.count > 0) lanes.push(goroutineLane(m.goroutines.id(0)));
  const windows: { startNs: number; endNs: number; nsPerPx: number }[] = [];
  for (let step = 0; step < ZOOM_STEPS; step++) {
    const spanNs = durationNs / 10 ** (step / 2);
    const nsPerPx = 2 ** Math.ceil(Math.log2(Math.max(1, spanNs / WIDTH_PX)));
    for (const place of step === 0 ? [0] : PLACES) {
      const startNs = Math.floor(place * Math.max(0, durationNs - spanNs));
      windows.push({ startNs, endNs: Math.ceil(startNs + WIDTH_PX * nsPerPx), nsPerPx });
    }
  }
  let cancelled = false;
  let next = 0;
  let timer: NodeJS.Immediate | null = null;
  let finish = (): void => {};
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    const step = (): void => {
      timer = null;
      if (cancelled || next >= windows.length) return resolve();
      const w = windows[next++];
      try {
        run({ lanes, startNs: w.startNs, endNs: w.endNs, nsPerPx: w.nsPerPx });
      } catch (e) {
        return reject(e);
      }
      timer = setImmediate(step);
    };
    timer = setImmediate(step);
  });
  return {
    done,
    cancel: () => {
      cancelled = true;
      if (timer !== null) clearImmediate(timer);
      finish();
    },
  };
}
