import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { clipSeries } from '../model/mmu/clip-series.ts';
import { MmuCurve } from '../model/mmu/mmu-curve.ts';
import type { UtilWindow } from '../model/mmu/mmu-accumulator.ts';
import { mmuPlot, readMutatorUtil, type MmuPlot } from '../model/mmu/mmu-plot.ts';
import type { MmuWorkerReply, MmuWorkerRequest } from '../model/mmu/mmu-worker-protocol.ts';
import type { UtilSeries } from '../model/mmu/mutator-util.ts';
import type { UtilFlags } from '../model/mmu/util-flags.ts';
import { TraceError, type TraceErrorCode } from '../trace/trace-error.ts';

/** Worst windows listed for a picked window size, as go tool trace lists them. */
const DETAIL_WINDOWS = 10;
/** Flag sets kept (there are 32; each curve of the 68 MB bench trace is a few MB). */
const CACHE_SIZE = 8;

export interface TimeWindow {
  startNs: number;
  endNs: number;
}

const flagsKey = (f: UtilFlags) => `${+f.stw}${+f.background}${+f.assist}${+f.sweep}${+f.perProc}`;

interface Entry {
  series: UtilSeries[];
  curve: MmuCurve;
}

/**
 * Answers the MMU page: the utilization series depend on the flags (STW,
 * background workers, assists, sweep, per-P), so each flag set is a separate
 * re-read of the trace file, done in a worker thread when the bundled worker
 * is there (the server stays responsive) and inline otherwise (tests, tsx).
 * Results are cached per flag set; concurrent requests share one read.
 */
export class MmuService {
  private readonly cache = new Map<string, Promise<Entry>>();
  private lastClip: { key: string; entry: Entry } | null = null;
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (s: UtilSeries[]) => void; reject: (e: Error) => void }>();

  constructor(
    /** The trace file (its path: the series are re-read from it). */
    private readonly file: string,
    /** dist/server/mmu-worker.mjs; inline reads when absent. */
    private readonly workerPath?: string,
  ) {}

  /** The plot for the whole trace, or for [window.startNs, window.endNs] alone. */
  async plot(flags: UtilFlags, percentiles: boolean, window?: TimeWindow): Promise<MmuPlot | null> {
    const e = await this.windowed(flags, window);
    return mmuPlot(e.series, e.curve, percentiles);
  }

  async worstWindows(flags: UtilFlags, windowNs: number, window?: TimeWindow): Promise<UtilWindow[]> {
    const e = await this.windowed(flags, window);
    return e.series.length === 0 ? [] : e.curve.examples(windowNs, DETAIL_WINDOWS);
  }

  /** The whole-trace entry, or its series clipped to the window (the last clip is kept: a page asks for its plot, then its worst windows). */
  private async windowed(flags: UtilFlags, window: TimeWindow | undefined): Promise<Entry> {
    const e = await this.entry(flags);
    if (!window) return e;
    const key = `${flagsKey(flags)}/${window.startNs}/${window.endNs}`;
    if (this.lastClip?.key !== key) {
      const series = clipSeries(e.series, window.startNs, window.endNs);
      this.lastClip = { key, entry: { series, curve: new MmuCurve(series) } };
    }
    return this.lastClip.entry;
  }

  /** Stops the worker (the server is closing). */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private entry(flags: UtilFlags): Promise<Entry> {
    const key = flagsKey(flags);
    let p = this.cache.get(key);
    if (p) {
      this.cache.delete(key); // most recently used last
      this.cache.set(key, p);
      return p;
    }
    p = this.read(flags).then((series) => ({ series, curve: new MmuCurve(series) }));
    // A failed read is not cached: the next request tries again and reports the error again.
    p.catch(() => this.cache.delete(key));
    this.cache.set(key, p);
    while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return p;
  }

  private read(flags: UtilFlags): Promise<UtilSeries[]> {
    if (!this.workerPath || !existsSync(this.workerPath)) {
      try {
        return Promise.resolve(readMutatorUtil(this.file, flags));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    const w = this.ensureWorker(this.workerPath);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const req: MmuWorkerRequest = { id, file: this.file, flags: { ...flags } };
      w.postMessage(req);
    });
  }

  private ensureWorker(path: string): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(path);
    // The server may exit while the worker idles.
    w.unref();
    w.on('message', (r: MmuWorkerReply) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (r.error?.code === 'INTERNAL') p.reject(new Error(r.error.detail));
      else if (r.error) p.reject(new TraceError(r.error.code as TraceErrorCode, r.error.offset, r.error.detail, r.error.file));
      else p.resolve(r.series!);
    });
    const failAll = (e: Error) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
      if (this.worker === w) this.worker = null;
    };
    w.on('error', failAll);
    w.on('exit', (code) => failAll(new Error(`the MMU worker exited (code ${code})`)));
    this.worker = w;
    return w;
  }
}
